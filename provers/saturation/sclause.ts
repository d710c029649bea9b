/**
 * The prover's internal clauses: literals are equations over bank terms
 * (a predicate literal is `p(s) = $$true`), oriented so that when one side is
 * KBO-greater it is the left one. Each clause remembers how it was derived
 * (rule, parents, and per parent the substitution used, as bank terms over this
 * clause's variables) so the proof DAG can be rebuilt only when a proof is found.
 */
import type { Rule } from '../logic/proof.js';
import type { TermBank } from './bank.js';
import type { TermOrdering } from './order.js';
import { GT, LT, EQ } from './order.js';

/**
 * A parent's variables' images (index = parent variable), as bank terms over the conclusion's variables. A plain
 * array: one is kept per parent of every generated clause, and a small typed array costs several times as much heap.
 */
export type VarImages = readonly number[];

export interface SLit {
  readonly pos: boolean;
  /** Left side (the greater one when `oriented`). */
  readonly l: number;
  readonly r: number;
  /** l ≻ r */
  readonly oriented: boolean;
}

export const PASSIVE = 0;
export const ACTIVE = 1;
export const DEAD = 2;
export const NEW = 3;

export class SClause {
  state = NEW;
  /** Literals eligible for inferences (set on activation). */
  elig: boolean[] | null = null;
  /** The selected literal's index, or -1 (set on activation, so generation does not select again). */
  sel = -1;
  /**
   * Visit mark: an index retrieval sets it to its own fresh number, so a clause reached through several of its
   * literals is tested once. Heap positions are not tracked; queues use lazy deletion by state.
   */
  stamp = 0;
  constructor(
    readonly id: number,
    readonly lits: readonly SLit[],
    readonly weight: number,
    /** 1 + largest variable index used. */
    readonly nv: number,
    readonly rule: Rule | 'input',
    readonly parents: readonly SClause[],
    /** Per parent, what its variables became in this clause. */
    readonly substs: readonly (VarImages | null)[],
    /** Derived (transitively) from the negated conjecture. */
    readonly goal: boolean,
    /** For input clauses: the id of the Clausified step and the original variable names by index. */
    readonly input?: { readonly stepId: string; readonly varNames: readonly string[] },
  ) {}
}

/** Orient one literal. */
export function mkLit(kbo: TermOrdering, pos: boolean, a: number, b: number, bankTrue: number): SLit {
  if (b === bankTrue) return { pos, l: a, r: b, oriented: true };
  if (a === bankTrue) return { pos, l: b, r: a, oriented: true };
  const c = kbo.compare(a, b);
  if (c === LT) return { pos, l: b, r: a, oriented: true };
  return { pos, l: a, r: b, oriented: c === GT || c === EQ };
}

/**
 * Clean a literal list: drop `t != t` literals and duplicates; return null for a
 * tautology (`t = t`, or complementary literals). Returns the same array when nothing changed.
 */
export function cleanLits(lits: readonly SLit[]): SLit[] | null | 'same' {
  let changed = false;
  const out: SLit[] = [];
  for (let i = 0; i < lits.length; i++) {
    const x = lits[i]!;
    if (x.l === x.r) {
      if (x.pos) return null;
      changed = true;
      continue;
    }
    let dup = false;
    for (let j = 0; j < out.length; j++) {
      const y = out[j]!;
      const same = (x.l === y.l && x.r === y.r) || (x.l === y.r && x.r === y.l);
      if (!same) continue;
      if (x.pos === y.pos) {
        dup = true;
        break;
      }
      return null;
    }
    if (dup) {
      changed = true;
      continue;
    }
    out.push(x);
  }
  return changed ? out : 'same';
}

export function litsWeight(b: TermBank, lits: readonly SLit[]): number {
  let w = 0;
  for (const x of lits) w += b.size[x.l]! + b.size[x.r]!;
  return w;
}

export function litsVarBound(b: TermBank, lits: readonly SLit[]): number {
  let v = 0;
  for (const x of lits) {
    if (b.vbound[x.l]! > v) v = b.vbound[x.l]!;
    if (b.vbound[x.r]! > v) v = b.vbound[x.r]!;
  }
  return v;
}

export function showClause(b: TermBank, c: { lits: readonly SLit[] }): string {
  if (c.lits.length === 0) return '$false';
  return c.lits
    .map((x) => {
      if (x.r === b.TRUE) return (x.pos ? '' : '~') + b.show(x.l);
      return `${b.show(x.l)} ${x.pos ? '=' : '!='} ${b.show(x.r)}`;
    })
    .join(' | ');
}
