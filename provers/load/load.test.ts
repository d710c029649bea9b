import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProblem, decodeText } from './index.js';

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'entail-load-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

test('loadProblem resolves includes next to the file, then under the TPTP root', async () => {
  const root = tree({
    'probs/P.p': "include('local.ax').\ninclude('Axioms/LIB.ax', [l2]).\nfof(g, conjecture, q(a)).\n",
    'probs/local.ax': 'fof(loc, axiom, p(a)).\n',
    'tptp/Axioms/LIB.ax': 'fof(l1, axiom, r).\nfof(l2, axiom, q(a)).\n',
  });
  try {
    const res = await loadProblem(join(root, 'probs/P.p'), { tptpRoot: join(root, 'tptp') });
    if (!res.ok) assert.fail(res.error.message);
    assert.deepEqual(
      res.value.statements.map((s) => s.name),
      ['loc', 'l2', 'g'],
    );
    assert.equal(res.value.statements[1]!.pos?.file, join(root, 'tptp/Axioms/LIB.ax'));
    // Without a TPTP root the library include is a positioned error naming where it looked.
    const bad = await loadProblem(join(root, 'probs/P.p'), { tptpRoot: '' });
    assert.ok(!bad.ok);
    if (!bad.ok) {
      assert.equal(bad.error.line, 2);
      assert.equal(bad.error.col, 9);
      assert.match(bad.error.message, /cannot include 'Axioms\/LIB.ax': no such file \(looked in .*\$TPTP is not set\)/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('include cycles, binary files and missing files are error values', async () => {
  const root = tree({
    'a.p': "include('b.ax').\n",
    'b.ax': "include('a.p').\n",
    'bin.p': new Uint8Array([0x66, 0x6f, 0x66, 0x00, 0x01, 0x02]),
    'latin1.p': new Uint8Array([0x25, 0x20, 0xe9, 0x0a]),
    'ok.fol': 'axiom a: P(x).\nconjecture g: P(x).\n',
  });
  try {
    const cyc = await loadProblem(join(root, 'a.p'));
    assert.ok(!cyc.ok && /include cycle: .*a\.p → .*b\.ax → .*a\.p$/.test(cyc.error.message), JSON.stringify(cyc));
    const bin = await loadProblem(join(root, 'bin.p'));
    assert.ok(!bin.ok && bin.error.message === 'not a text file (binary content: NUL byte)');
    const l1 = await loadProblem(join(root, 'latin1.p'));
    assert.ok(!l1.ok && l1.error.message === 'not a text file (invalid UTF-8)');
    const missing = await loadProblem(join(root, 'nope.p'));
    assert.ok(!missing.ok && missing.error.message === 'cannot read file: no such file');
    const dir = await loadProblem(root);
    assert.ok(!dir.ok && /cannot read file/.test(dir.error.message));
    const fol = await loadProblem(join(root, 'ok.fol'));
    assert.ok(fol.ok && fol.value.dialect === 'entail' && fol.value.name === 'ok');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('decodeText strips a BOM', () => {
  const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x70]));
  assert.deepEqual(r, { ok: true, value: 'p' });
});
