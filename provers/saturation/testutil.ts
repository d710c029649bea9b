/**
 * Test helpers: build saturation inputs from a tiny clause syntax without the
 * parsers, e.g. `p(X) | ~q(a) | f(X) = b | X != c` (uppercase = variable).
 * Only for tests and benches; throws on malformed input (a bug in the test).
 */
import type { Clause, Literal } from '../logic/clause.js';
import type { Term } from '../logic/term.js';
import type { Role } from '../logic/problem.js';
import type { ClausifiedLike } from './saturate.js';
import { DEFAULT_STRATEGY } from './heuristics/strategy.js';
import type { Strategy } from './heuristics/strategy.js';
import { setPrecedence } from './heuristics/precedence.js';
import type { SClause } from './sclause.js';
import { ProofState } from './state.js';
import { inputClause, reoriented } from './derive.js';
import { parseProblem } from '../logic/syntax/index.js';
import { clausify } from '../logic/cnf.js';
import type { Clausified } from '../logic/cnf.js';

/** TPTP lines, parsed and clausified. */
export function tptpInput(lines: readonly string[]): Clausified {
  const p = parseProblem(lines.join('\n'), { dialect: 'tptp', file: 'input.p' });
  if (!p.ok) throw new Error(p.error.message);
  const cl = clausify(p.value);
  if (!cl.ok) throw new Error(cl.error.message);
  return cl.value;
}

export function parseTerm(s: string): Term {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const term = (): Term => {
    ws();
    const m = /^[A-Za-z0-9_$]+/.exec(s.slice(i));
    if (!m) throw new Error(`bad term at ${i} in ${s}`);
    i += m[0].length;
    const name = m[0];
    ws();
    if (s[i] === '(') {
      i++;
      const args: Term[] = [];
      for (;;) {
        args.push(term());
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        throw new Error(`bad term at ${i} in ${s}`);
      }
      return { kind: 'app', fn: name, args };
    }
    if (/^[A-Z]/.test(name)) return { kind: 'var', name };
    return { kind: 'app', fn: name, args: [] };
  };
  const t = term();
  return t;
}

export function parseLit(s: string): Literal {
  s = s.trim();
  const ne = s.indexOf('!=');
  if (ne >= 0) return { positive: false, pred: '=', args: [parseTerm(s.slice(0, ne)), parseTerm(s.slice(ne + 2))] };
  const eq = s.indexOf('=');
  if (eq >= 0) return { positive: true, pred: '=', args: [parseTerm(s.slice(0, eq)), parseTerm(s.slice(eq + 1))] };
  const neg = s.startsWith('~');
  const t = parseTerm(neg ? s.slice(1) : s);
  if (t.kind !== 'app') throw new Error(`bad literal ${s}`);
  return { positive: !neg, pred: t.fn, args: t.args };
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseClause(s: string): Clause {
  if (s.trim() === '$false') return { literals: [] };
  return { literals: splitTop(s).map(parseLit) };
}

/** Axiom clauses and (already negated) conjecture clauses → a saturation input. */
export function clausesInput(axioms: readonly string[], negatedConjecture: readonly string[] = []): ClausifiedLike {
  const clauses = [
    ...axioms.map((a, i) => ({ id: `a${i}`, clause: parseClause(a), role: 'axiom' as Role, source: `a${i}` })),
    ...negatedConjecture.map((a, i) => ({ id: `g${i}`, clause: parseClause(a), role: 'negated_conjecture' as Role, source: `g${i}` })),
  ];
  return { clauses, steps: [], hasConjecture: negatedConjecture.length > 0 };
}

/** A proof state over the given axiom clauses (precedence fixed from them, as a run does), and those clauses in order. */
export function stateWith(clauses: readonly string[], strategy: Partial<Strategy> = {}): { st: ProofState; cs: SClause[] } {
  const st = new ProofState({ ...DEFAULT_STRATEGY, ...strategy }, false);
  const raw: SClause[] = [];
  for (const ic of clausesInput(clauses).clauses) {
    const c = inputClause(st, ic);
    if (!c) throw new Error(`not a clause the prover keeps: ${ic.source}`);
    raw.push(c);
  }
  setPrecedence(st, raw);
  return { st, cs: raw.map((c) => reoriented(st, c)) };
}
