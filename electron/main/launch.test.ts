import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { isOpenable, parseLaunch, PROBLEM_EXTENSIONS } from './launch.js';
import { PROJECT_ROOT } from '../../testing/corpora.js';

test('launch: `cli …` runs the command line, packaged or not', () => {
  assert.deepEqual(parseLaunch(['/opt/Entail/entail-workbench', 'cli', 'prove', 'a.p', '--timeout=5'], true), {
    kind: 'cli',
    args: ['prove', 'a.p', '--timeout=5'],
  });
  assert.deepEqual(parseLaunch(['electron', 'dist/electron/main/main.js', '--cli', '--version'], false), {
    kind: 'cli',
    args: ['--version'],
  });
  // `cli` anywhere but first is a file name or an argument, not the switch.
  assert.equal(parseLaunch(['/opt/Entail/entail-workbench', 'x.p', 'cli'], true).kind, 'app');
});

test('launch: the window opens the problem and session files named, never switches', () => {
  assert.deepEqual(
    parseLaunch(
      ['/opt/Entail/entail-workbench', '--no-sandbox', '/home/u/SET001+1.p', '-psn_0_1234', 'notes.txt', 'work.entail.json', 'A.LEAN'],
      true,
    ),
    { kind: 'app', files: ['/home/u/SET001+1.p', 'work.entail.json', 'A.LEAN'] },
  );
  assert.deepEqual(parseLaunch(['electron', 'main.js'], false), { kind: 'app', files: [] });
  for (const bad of ['.p', 'dir.p/', 'a\0.p', '--file=a.p', 'x.json', 'p']) assert.equal(isOpenable(bad), false, bad);
  assert.equal(isOpenable('C:\\work\\x.tptp'), true);
});

test('launch: electron-builder registers exactly the extensions the app opens', () => {
  const yml = readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
  const registered = [...yml.matchAll(/^\s+- ext: (\w+)$/gm)].map((m) => m[1]!);
  assert.deepEqual([...registered].sort(), [...PROBLEM_EXTENSIONS].sort());
});

test('launch: the packaged `entail` wrapper runs the binary beside it as `cli`, arguments intact, through a symlink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-wrapper-'));
  try {
    const app = join(dir, 'opt');
    mkdirSync(app);
    // A stand-in for the packaged binary: prints its arguments one per line and exits 7.
    writeFileSync(join(app, 'entail-workbench'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\nexit 7\n', { mode: 0o755 });
    copyFileSync(join(PROJECT_ROOT, 'electron', 'resources', 'entail-cli.sh'), join(app, 'entail'));
    chmodSync(join(app, 'entail'), 0o755);
    symlinkSync(join(app, 'entail'), join(dir, 'entail'));
    const r = spawnSync(join(dir, 'entail'), ['prove', 'a file.p', '--timeout=5'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 7);
    assert.deepEqual(r.stdout.split('\n').slice(0, -1), ['cli', 'prove', 'a file.p', '--timeout=5']);
    assert.deepEqual(parseLaunch(['/opt/entail-workbench', ...r.stdout.split('\n').slice(0, -1)], true), {
      kind: 'cli',
      args: ['prove', 'a file.p', '--timeout=5'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
