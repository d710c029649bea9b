import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import type { CliIo } from '../io.js';
import { command, graphsFromText } from './export.js';

const FIX = join(PROJECT_ROOT, 'provers', 'graph', 'fixtures');

function io(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false, cwd: PROJECT_ROOT }, out, err };
}

test('entail export: a recorded E proof object and a Prover9 proof', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-export-'));
  for (const [file, kind] of [
    ['SYN075+1.eprover.tstp', 'TSTP derivation'],
    ['group.prover9.out', 'Prover9 proof'],
  ] as const) {
    const a = io();
    const out = join(dir, `${file}.html`);
    assert.equal(await command.run([join(FIX, file), '--html', out, '--collapse'], a.io), 0, a.err.join('\n'));
    assert.ok(a.out.join('').includes(kind));
    const html = readFileSync(out, 'utf8');
    assert.match(html, /data-testid="step"/);
    assert.ok(!html.includes('split_conjunct</a>'), '--collapse hides preprocessing');
  }
});

test('entail export: a problem file is proved with the embedded prover, then exported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-export-'));
  const p = join(dir, 'socrates.p');
  writeFileSync(p, 'fof(a, axiom, man(socrates)).\nfof(b, axiom, ![X]: (man(X) => mortal(X))).\nfof(c, conjecture, mortal(socrates)).\n');
  const a = io();
  const out = join(dir, 's.html');
  assert.equal(await command.run([p, '--html', out], a.io), 0, a.err.join('\n'));
  assert.match(a.out.join(''), /problem proved by the embedded prover/);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /mortal\(socrates\)/);
  // A non-theorem has no proof to export.
  const q = join(dir, 'no.p');
  writeFileSync(q, 'fof(a, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n');
  const b = io();
  assert.equal(await command.run([q, '--html', join(dir, 'n.html'), '--timeout', '5'], b.io), 1);
  assert.match(b.err.join(''), /no proof to export/);
});

test('entail export: input detection and errors', async () => {
  assert.equal(graphsFromText('fof(a, axiom, p).\n', 'x.p'), undefined, 'a plain problem is not a proof');
  const bad = graphsFromText('{"nope": 1}', 'x.json');
  assert.ok(bad && !bad.ok);
  const a = io();
  assert.equal(await command.run(['x'], a.io), 2, 'missing --html');
  assert.equal(await command.run(['missing.tstp', '--html', '/tmp/x.html'], a.io), 1);
});
