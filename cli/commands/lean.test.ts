/** `entail lean` in-process, with the fake REPL standing in for a configured repl binary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import type { CliIo } from '../io.js';
import { PROJECT_ROOT, SHARED_CORPORA, sharedAvailable } from '../../testing/corpora.js';
import { FAKE_REPL, TRANSCRIPTS } from '../../provers/lean/fixtures/fakes.js';

function capture(cwd = PROJECT_ROOT): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false, cwd }, out, err };
}

async function withTranscript<T>(name: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.FAKE_REPL_TRANSCRIPT;
  process.env.FAKE_REPL_TRANSCRIPT = join(TRANSCRIPTS, name);
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.FAKE_REPL_TRANSCRIPT;
    else process.env.FAKE_REPL_TRANSCRIPT = before;
  }
}

const SAMPLE = 'provers/lean/fixtures/sample.lean';

test('entail lean check: messages as file:line:col (1-based), exit 1 on errors', async () => {
  const c = capture();
  const code = await withTranscript('basic', () => main(['lean', 'check', SAMPLE, '--repl', FAKE_REPL], c.io));
  assert.equal(code, 1, c.err.join('\n'));
  const text = c.out.join('\n');
  assert.match(text, /^provers\/lean\/fixtures\/sample\.lean:2:18: error: type mismatch/m);
  assert.match(text, /sample\.lean:4:9: warning: declaration uses 'sorry'/);
  assert.match(text, /1 error, 1 warning$/);
});

test('entail lean check --json and entail lean goals', async () => {
  const j = capture();
  assert.equal(await withTranscript('basic', () => main(['lean', 'check', SAMPLE, '--json', '--repl', FAKE_REPL], j.io)), 1);
  const parsed = JSON.parse(j.out.join('')) as { status: string; errors: number; warnings: number; messages: { pos: { line: number } }[] };
  assert.deepEqual([parsed.status, parsed.errors, parsed.warnings, parsed.messages[0]!.pos.line], ['ok', 1, 1, 2]);
  const g = capture();
  await withTranscript('basic', () => main(['lean', 'goals', SAMPLE, '--repl', FAKE_REPL], g.io));
  assert.match(
    g.out.join('\n'),
    /sample\.lean:4:74: sorry \(proof state 7\)\n {2}α : Type\n {2}xs : List α\n {2}⊢ xs\.reverse\.reverse = xs\n1 sorry/,
  );
});

test('entail lean check without Lean: a clear message and exit 1; info says why', async () => {
  const c = capture();
  assert.equal(await main(['lean', 'check', SAMPLE, '--repl', '/nonexistent/entail/repl'], c.io), 1);
  assert.match(c.err.join('\n'), /Lean not installed: configured repl is not an executable file/);
  const i = capture();
  assert.equal(await main(['lean', 'info', '--repl', '/nonexistent/entail/repl'], i.io), 1);
  assert.match(i.out.join('\n'), /Lean not installed/);
});

test('entail lean export: a TPTP problem as a Lean theorem, no Lean needed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-lean-cli-'));
  try {
    const file = join(dir, 'dogs.p');
    writeFileSync(file, 'fof(p1, axiom, ![X]: (dog(X) => animal(X))).\nfof(p2, axiom, dog(fido)).\nfof(goal, conjecture, animal(fido)).\n');
    const c = capture(dir);
    assert.equal(await main(['lean', 'export', 'dogs.p', '--name', 'dogs'], c.io), 0, c.err.join('\n'));
    assert.equal(
      c.out.join('\n'),
      [
        'theorem dogs {U : Type} [Nonempty U]',
        '    (dog animal : U → Prop) (fido : U)',
        '    (h_p1 : ∀ X : U, dog X → animal X)',
        '    (h_p2 : dog fido) :',
        '    animal fido := by',
        '  sorry',
      ].join('\n'),
    );
    writeFileSync(file, 'fof(p1, axiom, dog(fido) & ).\n');
    const bad = capture(dir);
    assert.equal(await main(['lean', 'export', 'dogs.p'], bad.io), 1);
    assert.match(bad.err.join('\n'), /dogs\.p:1:\d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'entail lean export on real TPTP problems from the shared corpus',
  { skip: sharedAvailable() ? false : 'shared corpora not available' },
  async () => {
    const dir = join(SHARED_CORPORA, 'tptp', 'SYN-FOF');
    for (const f of readdirSync(dir).sort().slice(0, 5)) {
      const c = capture();
      assert.equal(await main(['lean', 'export', join(dir, f)], c.io), 0, `${f}: ${c.err.join('\n')}`);
      const text = c.out.join('\n');
      assert.match(text, /^theorem entail_goal \{U : Type\} \[Nonempty U\]/);
      assert.match(text, /:= by\n {2}sorry$/);
    }
  },
);

test('entail lean: usage errors exit 2', async () => {
  for (const argv of [
    ['lean'],
    ['lean', 'prove'],
    ['lean', 'check'],
    ['lean', 'check', 'a', 'b'],
    ['lean', 'check', 'a', '--timeout', 'x'],
    ['lean', 'export', 'a', '--dialect', 'klingon'],
    ['lean', 'info', 'x'],
  ]) {
    const c = capture();
    assert.equal(await main(argv, c.io), 2, argv.join(' '));
  }
});
