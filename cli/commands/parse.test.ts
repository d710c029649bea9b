import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function capture(cwd: string): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false, cwd }, out, err };
}

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'entail-cli-'));
  mkdirSync(join(root, 'probs', 'sub'), { recursive: true });
  writeFileSync(join(root, 'probs', 'good.p'), 'fof(a, axiom, p).\nfof(b, conjecture, p).\n');
  writeFileSync(join(root, 'probs', 'sub', 'bad.p'), 'fof(a, axiom, p).\nfof(b, axiom, (p & q).\n');
  writeFileSync(join(root, 'probs', 'sub', 'demo.fol'), 'axiom a: ∀x. P(x).\nconjecture g: P(a).\n');
  writeFileSync(join(root, 'probs', 'README.md'), 'not a problem (skipped when walking)');
  return root;
}

test('entail parse walks folders and reports file:line:col with a caret', async () => {
  const root = fixture();
  try {
    const c = capture(root);
    const code = await main(['parse', 'probs'], c.io);
    assert.equal(code, 1);
    assert.equal(c.err.length, 1);
    assert.equal(c.err[0], "probs/sub/bad.p:2:22: expected ')' or ',' but found '.'\nfof(b, axiom, (p & q).\n                     ^");
    assert.match(c.out[0]!, /^3 files, 4 formulas, 1 error \(\d+ ms\)$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('entail parse --json prints exactly files, formulas and errors', async () => {
  const root = fixture();
  try {
    const c = capture(root);
    const code = await main(['parse', '--json', 'probs/good.p', 'probs/sub', 'missing.p'], c.io);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(c.out.join('')), {
      files: 3,
      records: 0,
      formulas: 4,
      errors: [
        { file: 'probs/sub/bad.p', line: 2, col: 22, message: "expected ')' or ',' but found '.'" },
        { file: 'missing.p', line: 0, col: 0, message: 'no such file or folder' },
      ],
    });
    const okRun = capture(root);
    assert.equal(await main(['parse', '--json', 'probs/good.p'], okRun.io), 0);
    assert.deepEqual(JSON.parse(okRun.out.join('')), { files: 1, records: 0, formulas: 2, errors: [] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('entail parse/convert usage errors exit 2', async () => {
  for (const argv of [
    ['parse'],
    ['parse', '--bogus', 'x'],
    ['parse', '--dialect', 'klingon', 'x'],
    ['convert', 'x.p'],
    ['convert', '--to', 'tptp'],
    ['convert', 'a', 'b', '--to', 'tptp'],
  ]) {
    const c = capture('/');
    assert.equal(await main(argv, c.io), 2, argv.join(' '));
    assert.ok(c.err.join('').includes('usage: entail'));
  }
});

test('entail convert prints the problem in another dialect; input errors exit 1', async () => {
  const root = fixture();
  try {
    const c = capture(root);
    assert.equal(await main(['convert', 'probs/sub/demo.fol', '--to', 'tptp'], c.io), 0);
    assert.equal(c.out.join('\n'), "% File     : demo\nfof(a, axiom, ! [X] : 'P'(X)).\nfof(g, conjecture, 'P'(a)).");
    const d = capture(root);
    assert.equal(await main(['convert', 'probs/good.p', '--to', 'nltk', '--from', 'tptp'], d.io), 0);
    assert.equal(d.out.join('\n'), 'p\np');
    const e = capture(root);
    assert.equal(await main(['convert', 'probs/sub/bad.p', '--to', 'entail'], e.io), 1);
    assert.match(e.err[0]!, /^probs\/sub\/bad\.p:2:22: /);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
