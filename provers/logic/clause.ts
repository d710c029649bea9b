/**
 * Literals and clauses in the logic core's plain representation (what proofs,
 * the checker, printers and the UI exchange). Equality literals use pred '='
 * with exactly two arguments.
 */
import type { Term } from './term.js';
import { termEquals, termVars, applySubst } from './term.js';
import type { Substitution } from './term.js';
import type { Formula } from './formula.js';
import { mkAtom, mkEq, mkNot, mkOr, mkForall, FALSE } from './formula.js';

export const EQUALITY = '=';

export interface Literal {
  readonly positive: boolean;
  readonly pred: string;
  readonly args: readonly Term[];
}

export interface Clause {
  readonly literals: readonly Literal[];
}

export function mkLit(positive: boolean, pred: string, args: readonly Term[] = []): Literal {
  return { positive, pred, args };
}

export function isEqualityLit(l: Literal): boolean {
  return l.pred === EQUALITY && l.args.length === 2;
}

export function litEquals(a: Literal, b: Literal): boolean {
  if (a.positive !== b.positive || a.pred !== b.pred || a.args.length !== b.args.length) return false;
  for (let i = 0; i < a.args.length; i++) if (!termEquals(a.args[i]!, b.args[i]!)) return false;
  return true;
}

export function negateLit(l: Literal): Literal {
  return { positive: !l.positive, pred: l.pred, args: l.args };
}

export function applySubstLit(l: Literal, s: Substitution): Literal {
  return { positive: l.positive, pred: l.pred, args: l.args.map((a) => applySubst(a, s)) };
}

export function clauseVars(c: Clause): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of c.literals) for (const a of l.args) termVars(a, out, seen);
  return out;
}

/** The clause as a universally closed formula (for display and the checker). */
export function clauseToFormula(c: Clause): Formula {
  if (c.literals.length === 0) return FALSE;
  const lits = c.literals.map((l) => {
    const a = isEqualityLit(l) ? mkEq(l.args[0]!, l.args[1]!) : mkAtom(l.pred, l.args);
    return l.positive ? a : mkNot(a);
  });
  return mkForall(clauseVars(c), mkOr(lits));
}
