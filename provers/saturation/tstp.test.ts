/**
 * TSTP proof output: the derivation lines wrap logic's TPTP printer, so every name is
 * quoted or folded to ASCII exactly as in printed problems, and E (where installed) reads
 * both the printed problems and the proofs back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saturate } from './index.js';
import { proofToTptp, stepToTptp } from './tstp.js';
import { clausify } from '../logic/cnf.js';
import type { Formula } from '../logic/formula.js';
import type { Problem } from '../logic/problem.js';
import { parseProblem, printClause, printProblem, tptpName } from '../logic/syntax/index.js';

/** Names E rejects unfolded: accents, a sharp s, a curly apostrophe, a space. */
const UNICODE = [
  'axiom café: ∀x. größer(x) → klein(x).',
  "axiom 'Zoë’s rule': ∀x. klein(x) → 'sehr klein'(x).",
  'axiom fact: größer(zoë).',
  "conjecture goal: 'sehr klein'(zoë).",
].join('\n');

function unicodeProblem(): Problem {
  const p = parseProblem(UNICODE, { dialect: 'entail', file: 'unicode.entail' });
  assert.ok(p.ok, p.ok ? '' : p.error.message);
  return p.value;
}

function proofOf(p: Problem): string {
  const cl = clausify(p);
  assert.ok(cl.ok);
  const r = saturate(cl.value, { deadline: Date.now() + 10_000 });
  assert.equal(r.status, 'Theorem');
  assert.ok(r.proof);
  return proofToTptp(r.proof);
}

test('proof lines fold names to ASCII as printed problems do, and quote what is not a lower word', () => {
  const tstp = proofOf(unicodeProblem());
  for (const line of tstp.split('\n')) assert.match(line, /^[\x20-\x7e]+$/, line);
  assert.match(tstp, /gro_u00dfer\(/);
  assert.match(tstp, /'sehr klein'\(zoe\)/);
  assert.match(tstp, /file\('unicode\.entail', 'Zoe's rule'\)|file\('unicode\.entail', 'Zoe\\'s rule'\)/);
  assert.equal(tptpName('Zoë’s rule'), "'Zoe\\'s rule'");
  // The same symbol spelt the same in a problem and in a proof.
  const printed = printProblem(unicodeProblem(), 'tptp');
  assert.match(printed, /gro_u00dfer\(/);
  assert.match(printed, /'sehr klein'\(zoe\)/);
});

test('derivation layout: every compound parenthesized, literals as ~ p, variables made TPTP variables', () => {
  const x = { kind: 'var', name: 'x' } as const;
  const f: Formula = {
    kind: 'not',
    arg: {
      kind: 'and',
      args: [
        { kind: 'atom', pred: 'p', args: [] },
        { kind: 'forall', vars: ['x'], body: { kind: 'atom', pred: 'q', args: [x] } },
      ],
    },
  };
  const fof = stepToTptp({ id: 's2', rule: 'skolemize', parents: [{ id: 's1' }], conclusion: { kind: 'formula', formula: f } });
  assert.equal(fof, 'fof(s2, plain, ~ ((p & (! [X] : q(X)))), inference(skolemize, [status(esa)], [s1])).');
  const clause = {
    literals: [
      { positive: false, pred: 'p', args: [x] },
      { positive: false, pred: '=', args: [x, { kind: 'app', fn: 'a', args: [] } as const] },
      { positive: true, pred: 'q', args: [] },
    ],
  };
  const cnf = stepToTptp({ id: 'c3', rule: 'resolution', parents: [{ id: 'c1' }, { id: 'c2' }], conclusion: { kind: 'clause', clause } });
  assert.equal(cnf, 'cnf(c3, plain, ~ p(X) | X != a | q, inference(resolution, [status(thm)], [c1, c2])).');
  // Problems keep the compact layout.
  assert.equal(printClause(clause, 'tptp'), '~p(X) | X != a | q');
});

const E = spawnSync('eprover', ['--version'], { encoding: 'utf8', timeout: 5000 });
const hasE = E.status === 0;

test('E parses printed problems and proofs (skipped where eprover is not installed)', { skip: !hasE && 'eprover not found' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-tstp-'));
  try {
    const group = parseProblem(
      [
        'fof(assoc, axiom, ![X,Y,Z] : mult(mult(X,Y),Z) = mult(X,mult(Y,Z))).',
        'fof(left_id, axiom, ![X] : mult(e,X) = X).',
        'fof(left_inv, axiom, ![X] : mult(inv(X),X) = e).',
        'fof(right_id, conjecture, ![X] : mult(X,e) = X).',
      ].join('\n'),
      { dialect: 'tptp', file: 'group.p' },
    );
    assert.ok(group.ok);
    const texts: [string, string][] = [
      ['unicode-problem.p', printProblem(unicodeProblem(), 'tptp')],
      ['unicode-proof.p', proofOf(unicodeProblem())],
      ['group-problem.p', printProblem(group.value, 'tptp')],
      ['group-proof.p', proofOf(group.value)],
    ];
    for (const [name, text] of texts) {
      const file = join(dir, name);
      writeFileSync(file, text + '\n');
      const r = spawnSync('eprover', ['--auto', '--cpu-limit=5', '-s', file], { encoding: 'utf8', timeout: 20_000 });
      // 3 is E's exit code for a syntax error; a proof read as a problem holds $false, so its axioms contradict.
      assert.notEqual(r.status, 3, `${name}: ${r.stderr}\n${text}`);
      assert.match(r.stdout, /SZS status (Theorem|Unsatisfiable|ContradictoryAxioms)/, `${name}: ${r.stdout}${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
