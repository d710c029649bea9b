import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import type { CliIo } from '../io.js';
import { command } from './explore.js';
import { command as exportCommand } from './export.js';

function io(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false, cwd: PROJECT_ROOT }, out, err };
}

test('entail explore corpora/peano --only plus: counts, theorem list, HTML export and JSON round trip', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-explore-'));
  const html = join(dir, 'out.html');
  const a = io();
  const code = await command.run(['corpora/peano', '--only', 'plus', '--max-term-size', '5', '--export', html], a.io);
  assert.equal(code, 0, a.err.join('\n'));
  const text = a.out.join('\n');
  for (const label of ['conjectures generated:', 'refuted on numerals:', 'proved:', 'kept after compression:'])
    assert.ok(text.includes(label), label);
  assert.match(text, /T\d+ +plus\(x, y\) = plus\(y, x\) +induction on/);
  assert.match(text, /T\d+ +plus\(plus\(x, y\), z\) = plus\(x, plus\(y, z\)\) +induction on z/);
  assert.match(text, /0 rejected by the checker/);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /<section id="t0" data-testid="theorem">/);
  assert.match(page, /data-rel="lemma"/, 'lemma steps link to earlier theorems');

  const j = io();
  assert.equal(await command.run(['corpora/peano', '--only', 'plus', '--max-term-size', '4', '--json'], j.io), 0);
  const d = JSON.parse(j.out.join('')) as { theorems: unknown[]; stats: { proved: number } };
  assert.equal(d.theorems.length, d.stats.proved);
  // The JSON derivation exports through `entail export` the same way.
  const jf = join(dir, 'd.json');
  (await import('node:fs')).writeFileSync(jf, j.out.join(''));
  const e = io();
  assert.equal(await exportCommand.run([jf, '--html', join(dir, 'd.html')], e.io), 0, e.err.join('\n'));
  assert.match(e.out.join(''), /explorer derivation, \d+ graph\(s\)/);
  assert.ok(existsSync(join(dir, 'd.html')));
});

test('entail explore: usage and input errors', async () => {
  const a = io();
  assert.equal(await command.run([], a.io), 2);
  assert.equal(await command.run(['corpora/peano', '--prover', 'magic'], a.io), 2);
  assert.equal(await command.run(['corpora/does-not-exist'], a.io), 1);
  assert.equal(await command.run(['corpora/peano/peano.p'], a.io), 1, 'a file needs --decl');
});
