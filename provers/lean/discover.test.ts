/** Discovery against fake `repl` / `lean` / `lake` executables in a temporary PATH. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverLean, which } from './discover.js';

function sandbox(): { dir: string; bin: string; home: string; project: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'entail-lean-discover-'));
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  const project = join(dir, 'project');
  for (const d of [bin, home, project]) mkdirSync(d);
  return { dir, bin, home, project, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

test('nothing on PATH or in ~/.elan/bin: notInstalled with the reason', async () => {
  const s = sandbox();
  try {
    const d = await discoverLean({ env: { PATH: s.bin, HOME: s.home } });
    assert.equal(d.kind, 'notInstalled');
    if (d.kind === 'notInstalled') assert.match(d.reason, /no repl\/lake/);
  } finally {
    s.cleanup();
  }
});

test('repl on PATH is found and the Lean version reported', async () => {
  const s = sandbox();
  try {
    script(join(s.bin, 'repl'), 'exit 0');
    script(join(s.bin, 'lean'), 'echo "Lean (version 4.99.0-fake, x86_64-unknown-linux-gnu, Release)"');
    const d = await discoverLean({ env: { PATH: s.bin, HOME: s.home } });
    assert.equal(d.kind, 'found');
    if (d.kind !== 'found') return;
    assert.equal(d.via, 'path');
    assert.equal(d.command, join(s.bin, 'repl'));
    assert.equal(d.leanVersion, 'Lean (version 4.99.0-fake, x86_64-unknown-linux-gnu, Release)');
  } finally {
    s.cleanup();
  }
});

test('~/.elan/bin is searched after PATH; a non-executable file does not count', async () => {
  const s = sandbox();
  try {
    writeFileSync(join(s.bin, 'repl'), 'not executable');
    mkdirSync(join(s.home, '.elan', 'bin'), { recursive: true });
    script(join(s.home, '.elan', 'bin', 'repl'), 'exit 0');
    assert.equal(which('repl', { PATH: s.bin, HOME: s.home }), join(s.home, '.elan', 'bin', 'repl'));
    const d = await discoverLean({ env: { PATH: s.bin, HOME: s.home }, skipVersion: true });
    assert.ok(d.kind === 'found' && d.leanVersion === undefined);
  } finally {
    s.cleanup();
  }
});

test('a Lean project runs `lake exe repl` there, and the version comes from `lake env lean`', async () => {
  const s = sandbox();
  try {
    script(join(s.bin, 'lake'), 'if [ "$1" = env ] && [ "$2" = lean ]; then echo "Lean (version 4.98.0-lake)"; fi');
    const d = await discoverLean({ env: { PATH: s.bin, HOME: s.home, ENTAIL_LEAN_PROJECT: s.project } });
    assert.equal(d.kind, 'found');
    if (d.kind !== 'found') return;
    assert.deepEqual(
      [d.via, d.command, d.args, d.cwd, d.leanVersion],
      ['lake', join(s.bin, 'lake'), ['exe', 'repl'], s.project, 'Lean (version 4.98.0-lake)'],
    );
  } finally {
    s.cleanup();
  }
});

test('a configured repl binary wins, wrapped in `lake env` inside a configured project', async () => {
  const s = sandbox();
  try {
    const repl = join(s.dir, 'repl-build');
    script(repl, 'exit 0');
    script(join(s.bin, 'lake'), 'exit 0');
    const d = await discoverLean({ repl, project: s.project, env: { PATH: s.bin, HOME: s.home }, skipVersion: true });
    assert.ok(d.kind === 'found');
    if (d.kind !== 'found') return;
    assert.deepEqual([d.via, d.command, d.args, d.cwd], ['configured', join(s.bin, 'lake'), ['env', repl], s.project]);
    const alone = await discoverLean({ repl, env: { PATH: '', HOME: s.home }, skipVersion: true });
    assert.ok(alone.kind === 'found' && alone.command === repl && alone.args.length === 0);
  } finally {
    s.cleanup();
  }
});

test('misconfiguration is reported, not guessed around', async () => {
  const s = sandbox();
  try {
    const env = { PATH: s.bin, HOME: s.home };
    const a = await discoverLean({ repl: join(s.dir, 'missing'), env });
    assert.ok(a.kind === 'notInstalled' && /configured repl/.test(a.reason));
    const b = await discoverLean({ project: join(s.dir, 'nope'), env });
    assert.ok(b.kind === 'notInstalled' && /project not found/.test(b.reason));
    const c = await discoverLean({ project: s.project, env });
    assert.ok(c.kind === 'notInstalled' && /lake/.test(c.reason));
  } finally {
    s.cleanup();
  }
});
