import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_VERSION } from '../api/contract.js';
import type { Session, SessionSaveOutcome } from '../api/contract.js';
import { createSessionStore, migrateSession, sessionFileName } from './sessions.js';

function session(over: Partial<Session> = {}): Session {
  return {
    version: SESSION_VERSION,
    id: 'aaaaaaaa-1111',
    rev: 0,
    name: 'My work',
    savedAt: '',
    problems: [{ id: 'p1', title: 'one.p', language: 'tptp', text: 'fof(a, axiom, p).' }],
    runs: [],
    ...over,
  };
}

async function withDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'entail-sessions-'));
  try {
    await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function saved(r: { kind: string; value?: SessionSaveOutcome }): Extract<SessionSaveOutcome, { outcome: 'saved' }> {
  assert.equal(r.kind, 'ok');
  assert.equal(r.value!.outcome, 'saved');
  return r.value as Extract<SessionSaveOutcome, { outcome: 'saved' }>;
}

test('a save writes the named file atomically (no temporary left) and bumps the revision', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const a = saved(await store.save({ session: session() }));
    assert.equal(a.path, join(dir, 'my-work.entail.json'));
    assert.equal(a.entry.rev, 1);
    const b = saved(await store.save({ session: session({ rev: 1 }), previousPath: a.path }));
    assert.equal(b.entry.rev, 2);
    assert.deepEqual(await readdir(dir), ['my-work.entail.json']);
    const onDisk = JSON.parse(await readFile(a.path, 'utf8')) as Session;
    assert.equal(onDisk.rev, 2);
    assert.equal(onDisk.problems[0]!.text, 'fof(a, axiom, p).');
  });
});

test('renaming a session renames its file; the old name is gone', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const a = saved(await store.save({ session: session({ name: 'untitled session' }) }));
    const b = saved(await store.save({ session: session({ name: 'Group theory', rev: a.entry.rev! }), previousPath: a.path }));
    assert.equal(b.path, join(dir, 'group-theory.entail.json'));
    assert.deepEqual(await readdir(dir), ['group-theory.entail.json']);
    const list = await store.list();
    assert.equal(list.kind, 'ok');
    if (list.kind === 'ok')
      assert.deepEqual(
        list.value.map((e) => e.name),
        ['Group theory'],
      );
  });
});

test('a save never writes over another session: the clash is reported, or a free name is taken', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const six = session({
      problems: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, title: `${i}.p`, language: 'tptp' as const, text: `% ${i}` })),
    });
    const first = saved(await store.save({ session: six }));
    const other = session({ id: 'bbbbbbbb-2222' });
    const r = await store.save({ session: other });
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok' || r.value.outcome !== 'clash') throw new Error('expected a clash');
    assert.equal(r.value.reason, 'other');
    assert.equal(r.value.existing.documents, 6);
    const kept = JSON.parse(await readFile(first.path, 'utf8')) as Session;
    assert.equal(kept.problems.length, 6);
    const renamed = saved(await store.save({ session: other, onClash: 'newName' }));
    assert.equal(renamed.entry.name, 'My work 2');
    assert.equal(renamed.path, join(dir, 'my-work-2.entail.json'));
    assert.equal((JSON.parse(await readFile(first.path, 'utf8')) as Session).problems.length, 6);
  });
});

test('a stale window (older revision of the same session) cannot overwrite the newer one; newName forks it', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const a = saved(await store.save({ session: session() }));
    saved(await store.save({ session: session({ rev: a.entry.rev!, problems: [] }) }));
    const stale = await store.save({ session: session({ rev: a.entry.rev! }) });
    assert.equal(stale.kind === 'ok' && stale.value.outcome, 'clash');
    if (stale.kind === 'ok' && stale.value.outcome === 'clash') assert.equal(stale.value.reason, 'newer');
    const fork = saved(await store.save({ session: session({ rev: a.entry.rev! }), onClash: 'newName' }));
    assert.notEqual(fork.entry.id, 'aaaaaaaa-1111');
    assert.equal(fork.entry.name, 'My work 2');
    assert.equal((JSON.parse(await readFile(a.path, 'utf8')) as Session).problems.length, 0);
  });
});

test('version-1 files are migrated on open with a stable id, and saving them again is no clash', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const v1 = {
      version: 1,
      name: 'old',
      savedAt: '2025-01-01T00:00:00.000Z',
      problems: [{ id: 'p1', title: 'a.p', language: 'tptp', text: 'fof(a, axiom, q).' }],
      runs: [{ problemId: 'p1', at: '2025-01-01T00:00:00.000Z', prover: 'embedded', status: 'Theorem', timeMs: 3 }],
    };
    const path = join(dir, 'old.entail.json');
    await writeFile(path, JSON.stringify(v1));
    const opened = await store.open(path);
    assert.equal(opened.kind, 'ok');
    if (opened.kind !== 'ok') return;
    assert.equal(opened.value.version, SESSION_VERSION);
    assert.equal(opened.value.runs.length, 1);
    const again = await store.open('old.entail.json');
    assert.equal(again.kind === 'ok' && again.value.id, opened.value.id);
    saved(await store.save({ session: opened.value, previousPath: path }));
    assert.equal((JSON.parse(await readFile(path, 'utf8')) as Session).version, SESSION_VERSION);
  });
});

test('unreadable, foreign and newer-version files are listed with a reason and refused on open, never dropped', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    await writeFile(join(dir, 'bin.entail.json'), Buffer.from([0, 159, 146, 150, 255]));
    await writeFile(join(dir, 'future.entail.json'), JSON.stringify({ ...session(), version: SESSION_VERSION + 1 }));
    const list = await store.list();
    assert.equal(list.kind, 'ok');
    if (list.kind !== 'ok') return;
    const byName = new Map(list.value.map((e) => [e.name, e]));
    assert.match(byName.get('bin')!.problem!, /not JSON/);
    assert.match(byName.get('future')!.problem!, /newer Entail/);
    const o = await store.open('future.entail.json');
    assert.equal(o.kind, 'invalid');
    // Saving onto an unreadable file is a clash too: the file is kept as it was.
    const r = await store.save({ session: session({ name: 'future' }) });
    assert.equal(r.kind === 'ok' && r.value.outcome, 'clash');
    assert.equal((JSON.parse(await readFile(join(dir, 'future.entail.json'), 'utf8')) as Session).version, SESSION_VERSION + 1);
  });
});

test('paths outside the sessions folder are refused as values', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir: join(dir, 'sessions') });
    const r = await store.save({ session: session(), path: join(dir, 'elsewhere.entail.json') });
    assert.equal(r.kind, 'invalid');
    const o = await store.open('../secret.entail.json');
    assert.equal(o.kind, 'invalid');
  });
});

test('concurrent saves are serialised: every one lands, revisions strictly increase', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const outs = await Promise.all(
      [0, 1, 2, 3].map((i) => store.save({ session: session({ rev: 0, problems: [] }), onClash: i === 0 ? 'report' : 'overwrite' })),
    );
    const revs = outs.map((o) => (o.kind === 'ok' && o.value.outcome === 'saved' ? o.value.entry.rev : -1));
    assert.deepEqual(revs, [1, 2, 3, 4]);
  });
});

test('file names are slugs of the session name', () => {
  assert.equal(sessionFileName('Group Theory / draft'), 'group-theory-draft.entail.json');
  assert.equal(sessionFileName('...'), 'session.entail.json');
  assert.equal(migrateSession({ version: 1 }, 'x').ok, false);
});

test('a stored result the workbench could not draw is dropped on open; its run and every document are kept', async () => {
  await withDir(async (dir) => {
    const store = createSessionStore({ dir });
    const at = '2026-01-01T00:00:00.000Z';
    const run = { problemId: 'p1', at, prover: 'embedded', status: 'Theorem', timeMs: 1 };
    const good = { status: 'Theorem', prover: 'embedded', timeMs: 1, graph: { title: 't', origin: 'entail', nodes: [], edges: [] } };
    const hostile = [
      // Nodes missing the text and kind every drawing reads.
      { ...good, graph: { title: 't', origin: 'entail', nodes: [{ id: 'n', label: '1', rule: 'input' }], edges: [] } },
      // A node kind that is not one of the closed set (it becomes a class name in the export).
      {
        ...good,
        graph: {
          title: 't',
          origin: 'entail',
          nodes: [{ id: 'n', label: '1', text: 'p', rule: 'r', kind: 'x" onload="alert(1)' }],
          edges: [],
        },
      },
      { ...good, check: { ok: 'yes' } },
      { ...good, answers: [{ X: { toString: 1 } }] },
      'Theorem',
    ];
    await writeFile(
      join(dir, 'h.entail.json'),
      JSON.stringify({ ...session({ name: 'h' }), runs: [...hostile.map((result) => ({ ...run, result })), { ...run, result: good }] }),
    );
    const o = await store.open('h.entail.json');
    assert.equal(o.kind, 'ok');
    if (o.kind !== 'ok') return;
    assert.equal(o.value.problems.length, 1);
    assert.equal(o.value.runs.length, hostile.length + 1);
    assert.deepEqual(
      o.value.runs.map((r) => r.result !== undefined),
      [...hostile.map(() => false), true],
    );
    assert.equal(
      o.value.runs.every((r) => r.status === 'Theorem'),
      true,
    );
  });
});
