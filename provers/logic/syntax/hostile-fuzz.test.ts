/**
 * Hostile-input fuzz: 10,000 seeded mutated inputs (formulas nested to random depths up
 * to 100,000, long names, unicode including surrogates and bidi controls, NUL) through
 * every parser, the printers for whatever parses, and a bounded subset through the
 * prover with proof checking. Nothing may throw, no message may carry a stack trace,
 * every error points inside the input, and nothing hangs (the test has a time bound).
 * The seed is pinned; ENTAIL_FUZZ_SEED overrides it to explore.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialect, Problem } from '../problem.js';
import type { ParseError, Result } from '../source.js';
import { seededRandom } from '../../../testing/random.js';
import { proveProblemSync } from '../../run/index.js';
import type { IncludeResolver } from './index.js';
import { DIALECTS, MAX_DEPTH, parseFormula, parseProblem, printFormula } from './index.js';

const SEED = Number(process.env.ENTAIL_FUZZ_SEED ?? 0x5eed18);
const CASES = 10_000;
/** Every PROVE_EVERY-th case that parses as a problem is proved (small limit, with --check). */
const PROVE_EVERY = 40;
const PROVE_MS = 150;

type Rand = () => number;

const SEEDS: Readonly<Record<Dialect, readonly string[]>> = {
  tptp: [
    'fof(a, axiom, ! [X] : (p(X) => q(f(X)))).\nfof(b, axiom, p(c)).\nfof(g, conjecture, ? [Y] : q(Y)).',
    "cnf(c1, axiom, p(X) | ~q(X)).\ncnf(c2, negated_conjecture, q(a)).\ninclude('lib.ax').",
    'fof(e, axiom, f(a) = b & b != c).\nfof(g, conjecture, \'a b\'("s") <=> $true).',
  ],
  ladr: [
    'formulas(assumptions).\nall x (man(x) -> mortal(x)).\nman(socrates).\nend_of_list.\nformulas(goals).\nmortal(socrates).\nend_of_list.',
  ],
  nltk: ['all x.(Man(x) -> Mortal(x))\nMan(socrates)\nMortal(socrates)', 'exists x y.(Likes(x, y) & -Likes(y, x))'],
  folio: ['∀x (Man(x) → Mortal(x))\nMan(socrates)\nMortal(socrates)', '∃x (P(x) ∧ ¬Q(x)) ⊕ (R(a) ↔ S(b))'],
  entail: ['axiom a: ∀x. P(x) → Q(x).\naxiom b: P(c).\nconjecture g: Q(c).', '% problem p\nconjecture: ¬(p ∧ ¬p).'],
};

const NEG: Readonly<Record<Dialect, string>> = { tptp: '~', ladr: '-', nltk: '-', folio: '¬', entail: '¬' };
const IMP: Readonly<Record<Dialect, string>> = { tptp: ' => ', ladr: ' -> ', nltk: ' -> ', folio: ' → ', entail: ' → ' };

const int = (r: Rand, n: number): number => Math.floor(r() * n);
/** Log-uniform in [1, max]: most depths small, some near max. */
const depth = (r: Rand, max: number): number => Math.max(1, Math.floor(Math.exp(r() * Math.log(max))));

const NASTY = [
  '\u0000',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udfff',
  '\u0007',
  '\u001b[31m',
  '\ufeff',
  '𝔘',
  '∀',
  '→',
  "'",
  '"',
  '\\',
  '%',
  '/*',
  '\r',
  '\n',
];

function weirdName(r: Rand): string {
  const len = depth(r, 20_000);
  const kind = int(r, 3);
  if (kind === 0) return 'n'.repeat(len);
  let s = 'u';
  for (let i = 0; i < Math.min(len, 2000); i++) s += String.fromCodePoint(0x80 + int(r, 0x2ff80));
  return kind === 1 ? s : `'${s}'`;
}

/** A formula nested `n` deep in one of several ways (nesting that the grammar builds differently). */
function deepFormula(r: Rand, d: Dialect, n: number): string {
  const neg = NEG[d];
  const imp = IMP[d];
  switch (int(r, 6)) {
    case 0:
      return '('.repeat(n) + 'p' + ')'.repeat(n);
    case 1:
      return neg.repeat(n) + 'p';
    case 2:
      return 'p(' + 'f('.repeat(n) + 'a' + ')'.repeat(n + 1);
    case 3:
      return `(p${imp}`.repeat(n) + 'p' + ')'.repeat(n);
    case 4:
      return 'p' + imp.repeat(1) + `q${imp}`.repeat(n) + 'r';
    default: {
      // Chains inside chains: shallow recursion, deep tree.
      const k = Math.max(1, Math.floor(Math.sqrt(n)));
      let s = 'p';
      for (let i = 0; i < k; i++) s = `(${`q${imp}`.repeat(k)}${s})`;
      return s;
    }
  }
}

function mutate(r: Rand, text: string, d: Dialect): string {
  let t = text;
  const steps = 1 + int(r, 3);
  for (let s = 0; s < steps; s++) {
    const at = int(r, t.length + 1);
    switch (int(r, 8)) {
      case 0:
      case 1: {
        const f = deepFormula(r, d, depth(r, 100_000));
        t =
          d === 'tptp'
            ? `${t}\nfof(deep, axiom, ${f}).`
            : d === 'entail'
              ? `${t}\naxiom deep: ${f}.`
              : d === 'ladr'
                ? `formulas(sos).\n${f}.\nend_of_list.\n${t}`
                : `${t}\n${f}`;
        break;
      }
      case 2:
        t = t.slice(0, at) + weirdName(r) + t.slice(at);
        break;
      case 3:
        t = t.slice(0, at) + NASTY[int(r, NASTY.length)]! + t.slice(at);
        break;
      case 4:
        t = t.slice(0, at);
        break;
      case 5: {
        const len = int(r, 20);
        t = t.slice(0, at) + t.slice(at + len);
        break;
      }
      case 6: {
        const from = int(r, t.length + 1);
        t = t.slice(0, at) + t.slice(from, from + int(r, 40)) + t.slice(at);
        break;
      }
      default:
        t = t.slice(0, at) + String.fromCharCode(int(r, 0x10000)) + t.slice(at);
    }
  }
  return t;
}

const includes: IncludeResolver = (path) =>
  path === 'lib.ax' ? { ok: true, value: { text: 'fof(l, axiom, p(c)).', file: 'lib.ax' } } : { ok: false, error: 'no such file' };

function checkError(text: string, r: Result<unknown, ParseError>, what: string): void {
  if (r.ok) return;
  const e = r.error;
  assert.equal(typeof e.message, 'string', what);
  assert.ok(
    !/\n\s+at .*:\d+:\d+/.test(e.message) && !/RangeError|Maximum call stack/.test(e.message),
    `${what}: ${e.message.slice(0, 300)}`,
  );
  assert.ok(Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.col) && e.col >= 1, `${what}: position ${e.line}:${e.col}`);
  if (e.file === undefined) {
    const lines = text.split(/\r\n|\r|\n/);
    assert.ok(e.line <= lines.length, `${what}: line ${e.line} past the end`);
    assert.ok(e.col <= lines[e.line - 1]!.length + 1, `${what}: col ${e.col} past the end of line ${e.line}`);
  }
}

test('hostile fuzz: every parser, printer and (a subset) prove --check', { timeout: 180_000 }, (t) => {
  const r = seededRandom(SEED);
  const stats = { cases: 0, parsedFormulas: 0, parsedProblems: 0, proved: 0, deepRefused: 0 };
  let problemsSeen = 0;
  for (let i = 0; i < CASES; i++) {
    const d = DIALECTS[int(r, DIALECTS.length)]!;
    const seeds = SEEDS[d];
    const text = mutate(r, seeds[int(r, seeds.length)]!, d);
    const what = `seed ${SEED} case ${i} (${d})`;
    stats.cases++;
    // The input's own dialect, content detection, and one other dialect.
    const other = DIALECTS[int(r, DIALECTS.length)]!;
    const results: { res: Result<Problem>; how: string }[] = [
      { res: parseProblem(text, { dialect: d, includes }), how: d },
      { res: parseProblem(text, { includes }), how: 'detected' },
      { res: parseProblem(text, { dialect: other, includes }), how: other },
    ];
    for (const { res, how } of results) {
      checkError(text, res, `${what} problem as ${how}`);
      if (!res.ok) {
        if (/deeper than/.test(res.error.message)) stats.deepRefused++;
        continue;
      }
      stats.parsedProblems++;
      for (const st of res.value.statements) printFormula(st.formula, d);
      if (++problemsSeen % PROVE_EVERY === 0) {
        const run = proveProblemSync(res.value, { timeoutMs: PROVE_MS, check: true, countermodel: false });
        assert.notEqual(run.status, 'Error', `${what}: prove says Error: ${run.message ?? ''}`);
        if (run.check) assert.ok(run.check.ok, `${what}: proof check failed`);
        stats.proved++;
      }
    }
    const line = text.split('\n').pop() ?? '';
    const f = parseFormula(line, d);
    checkError(line, f, `${what} formula`);
    if (f.ok) {
      stats.parsedFormulas++;
      const back = parseFormula(printFormula(f.value, d), d);
      assert.ok(back.ok, `${what}: printed formula does not parse back: ${back.ok ? '' : back.error.message}`);
    }
  }
  t.diagnostic(JSON.stringify(stats));
  // The fuzz must exercise both sides of the guard, not only fail fast.
  assert.ok(stats.deepRefused > 500 && stats.parsedProblems > 500 && stats.proved > 20, JSON.stringify(stats));
  assert.ok(MAX_DEPTH < 100_000);
});
