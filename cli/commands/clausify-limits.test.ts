import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import type { CliIo } from '../io.js';
import { PROJECT_ROOT } from '../../testing/corpora.js';

function io(): CliIo & { stdout: () => string } {
  const out: string[] = [];
  return { out: (s) => out.push(s), err: () => undefined, isTty: false, cwd: PROJECT_ROOT, stdout: () => out.join('\n') };
}

/**
 * One clause of 40 000 distinct literals: clausification is quadratic in a clause's length (duplicate
 * literals are removed pairwise), about ten seconds unbounded, far past these limits.
 */
function wideProblem(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entail-clausify-limits-'));
  const f = join(dir, 'wide.p');
  const lits = Array.from({ length: 40_000 }, (_, i) => `p${i}`).join(' | ');
  writeFileSync(f, `fof(a, axiom, ${lits}).\nfof(c, conjecture, q).\n`);
  return f;
}

test(
  'entail prove -t 1: clausification past the limit is SZS Timeout with a comment, exit 0 as for any timeout',
  { timeout: 60_000 },
  async () => {
    const f = wideProblem();
    const a = io();
    assert.equal(await main(['prove', f, '-t', '1'], a), 0);
    const lines = a.stdout().split('\n');
    assert.equal(lines[0], '% SZS status Timeout for wide');
    assert.match(lines[1]!, /^% clausification ran out of time \(in [a-z ]+ of a\)$/);
    const j = io();
    assert.equal(await main(['prove', f, '-t', '1', '--json'], j), 0);
    assert.equal((JSON.parse(j.stdout()) as { status: string }).status, 'Timeout');
  },
);

test(
  'entail cnf -t and entail model -t: clausification past the limit is SZS Timeout, exit 1, no clauses printed',
  { timeout: 60_000 },
  async () => {
    const f = wideProblem();
    for (const cmd of ['cnf', 'model']) {
      const a = io();
      assert.equal(await main([cmd, f, '--timeout=0.5'], a), 1, cmd);
      assert.match(a.stdout(), /^% SZS status Timeout for wide\n% clausification ran out of time \(in [a-z ]+ of a\)$/, cmd);
      const j = io();
      assert.equal(await main([cmd, f, '-t', '0.5', '--json'], j), 1, cmd);
      assert.equal((JSON.parse(j.stdout()) as { szs: string }).szs, 'Timeout', cmd);
    }
    assert.equal(await main(['cnf', f, '-t', '0'], io()), 2, 'a non-positive limit is a usage error');
  },
);
