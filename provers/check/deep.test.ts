/**
 * The deepest input the parsers accept goes through every recursive walk downstream
 * (printers, clausifier, prover, checker) with half of Node's default stack to spare:
 * the test re-runs this file in a child process started with --stack-size at half the
 * default, so an overflow anywhere below the parsers' guard fails it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Dialect, Problem } from '../logic/problem.js';
import { DIALECTS, MAX_DEPTH, parseFormula, parseProblem, printFormula, printProblem } from '../logic/syntax/index.js';
import { formulaEquals } from '../logic/formula.js';
import { clausify, MAX_FORMULA_DEPTH } from '../logic/cnf.js';
import type { Term } from '../logic/term.js';
import type { Proof } from '../logic/proof.js';
import { proveProblem } from '../run/index.js';
import { checkProof, CHECK_MAX_DEPTH } from './index.js';

/** Half of V8's default (984 KB): the margin the guard must leave. */
const HALF_STACK_KB = 492;

interface Shape {
  readonly name: string;
  /** TPTP problem text with nesting n. */
  readonly text: (n: number) => string;
  /** The SZS status a correct prover gives (undefined: any status but Error). */
  readonly expect?: 'Theorem';
}

const rep = (n: number, f: (s: string) => string, base: string): string => {
  let s = base;
  for (let i = 0; i < n; i++) s = f(s);
  return s;
};

const SHAPES: readonly Shape[] = [
  { name: 'implications', text: (n) => `fof(g, conjecture, ${rep(n, (s) => `(p => ${s})`, 'p')}).`, expect: 'Theorem' },
  { name: 'negations', text: (n) => `fof(g, conjecture, ${rep(2 * Math.floor(n / 2), (s) => `~${s}`, '(p | ~p)')}).`, expect: 'Theorem' },
  { name: 'quantifiers', text: (n) => `fof(g, conjecture, ${rep(n, (s) => `! [X] : ${s}`, '(p(X) | ~p(X))')}).`, expect: 'Theorem' },
  {
    name: 'term',
    text: (n) => {
      const t = rep(n, (s) => `f(${s})`, 'a');
      return `fof(a, axiom, ! [X] : (p(X) => q(X))).\nfof(b, axiom, p(${t})).\nfof(g, conjecture, q(${t})).`;
    },
    expect: 'Theorem',
  },
  {
    name: 'equality',
    text: (n) => {
      const t = rep(n, (s) => `f(${s})`, 'a');
      return `fof(a, axiom, ${t} = b).\nfof(b, axiom, q(b)).\nfof(g, conjecture, q(${t})).`;
    },
    expect: 'Theorem',
  },
  { name: 'equivalences', text: (n) => `fof(g, conjecture, ${rep(n, (s) => `(p${n % 7} <=> ${s})`, 'p')}).` },
  {
    name: 'chains in chains',
    text: (n) => `fof(g, conjecture, ${rep(Math.floor(n / 3), (s) => `(p => (q => (r => ${s})))`, 'p')}).`,
    expect: 'Theorem',
  },
];

/** Largest n whose problem the TPTP parser accepts (the guard is monotone in n). */
function deepestAccepted(shape: Shape): number {
  let lo = 1;
  let hi = MAX_DEPTH + 10;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (parseProblem(shape.text(mid), { dialect: 'tptp' }).ok) lo = mid;
    else hi = mid;
  }
  return lo;
}

async function runPipeline(): Promise<string[]> {
  const problems: string[] = [];
  for (const shape of SHAPES) {
    const n = deepestAccepted(shape);
    const over = parseProblem(shape.text(n + 1), { dialect: 'tptp' });
    if (over.ok || !/deeper than/.test(over.error.message)) problems.push(`${shape.name}: depth ${n + 1} is not refused by the guard`);
    const parsed = parseProblem(shape.text(n), { dialect: 'tptp', name: shape.name });
    if (!parsed.ok) {
      problems.push(`${shape.name}: ${parsed.error.message}`);
      continue;
    }
    const problem: Problem = parsed.value;
    // Printers, and the parsers reading what they print, in every dialect.
    for (const d of DIALECTS as readonly Dialect[]) {
      for (const st of problem.statements) {
        const back = parseFormula(printFormula(st.formula, d), d);
        if (!back.ok) problems.push(`${shape.name}/${d}: printed formula does not parse: ${back.error.message}`);
        else if (d === 'tptp' && !formulaEquals(back.value, st.formula)) problems.push(`${shape.name}/${d}: print/parse changed it`);
      }
      printProblem(problem, d);
    }
    const cl = clausify(problem);
    if (!cl.ok) problems.push(`${shape.name}: clausify: ${cl.error.message}`);
    const r = await proveProblem(problem, { timeoutMs: 4000, check: true, countermodel: false });
    if (r.status === 'Error') problems.push(`${shape.name}: prover Error: ${r.message ?? ''}`);
    if (shape.expect && r.status !== shape.expect && r.status !== 'Timeout')
      problems.push(`${shape.name}: expected ${shape.expect}, got ${r.status}`);
    if (r.check && !r.check.ok) problems.push(`${shape.name}: proof check failed: ${JSON.stringify(r.check.failures).slice(0, 300)}`);
  }
  return problems;
}

function deepTerm(n: number): Term {
  let t: Term = { kind: 'app', fn: 'a', args: [] };
  for (let i = 0; i < n; i++) t = { kind: 'app', fn: 'f', args: [t] };
  return t;
}

if (process.env.ENTAIL_DEEP_CHILD === '1') {
  const problems = await runPipeline();
  process.stdout.write(JSON.stringify(problems));
} else {
  test('the deepest accepted input survives printers, clausifier, prover and checker on half the stack', { timeout: 240_000 }, () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [`--stack-size=${HALF_STACK_KB}`, fileURLToPath(import.meta.url)], {
        env: { ...process.env, ENTAIL_DEEP_CHILD: '1' },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const x = e as { stderr?: string; status?: number };
      assert.fail(`child failed (exit ${x.status}): ${(x.stderr ?? '').slice(0, 2000)}`);
    }
    assert.deepEqual(JSON.parse(out), []);
  });

  test('built deeper than any parser allows: the clausifier refuses, the checker trusts instead of walking', () => {
    const t = deepTerm(50_000);
    const problem: Problem = {
      name: 'deep',
      statements: [{ name: 'a', role: 'axiom', language: 'fof', formula: { kind: 'atom', pred: 'p', args: [t] } }],
    };
    assert.deepEqual(clausify(problem), {
      ok: false,
      error: { kind: 'inputError', message: `formula a is nested deeper than ${MAX_FORMULA_DEPTH}` },
    });
    const lit = { positive: true, pred: 'p', args: [t] };
    const proof: Proof = {
      steps: [
        { id: '1', rule: 'input', parents: [], conclusion: { kind: 'clause', clause: { literals: [lit] } } },
        { id: '2', rule: 'input', parents: [], conclusion: { kind: 'clause', clause: { literals: [{ ...lit, positive: false }] } } },
        { id: '3', rule: 'resolution', parents: [{ id: '1' }, { id: '2' }], conclusion: { kind: 'clause', clause: { literals: [] } } },
      ],
      root: '3',
    };
    const rep = checkProof(proof);
    assert.deepEqual(
      rep.trusted.map((x) => [x.id, x.note]),
      ['1', '2', '3'].map((id) => [id, `nested deeper than ${CHECK_MAX_DEPTH}: not walked (the checker's walks are recursive)`]),
    );
    assert.ok(rep.ok);
  });
}
