/**
 * Building clauses with their proof records: every clause of a run is made here, numbered by the state,
 * with its rule, its parents and per parent the substitution used (as bank terms over the new clause's
 * variables), so the proof DAG can be rebuilt only when a proof is found (proof.ts). Inferences and
 * simplifications call these while their unifier or matcher is still bound.
 */
import type { InputClause } from '../logic/cnf.js';
import type { Rule } from '../logic/proof.js';
import { PRED, MAX_VARS } from './bank.js';
import { SClause, mkLit, cleanLits, litsWeight, litsVarBound } from './sclause.js';
import type { SLit, VarImages } from './sclause.js';
import type { ProofState } from './state.js';

/** A rewrite step used by a demodulation: the unit equation and its matcher (over the unit's variables). */
export interface Rewrite {
  readonly c: SClause;
  readonly sub: VarImages;
}

export function newClause(
  st: ProofState,
  lits: readonly SLit[],
  rule: Rule | 'input',
  parents: readonly SClause[],
  substs: readonly (VarImages | null)[],
  goal: boolean,
  input?: { stepId: string; varNames: readonly string[] },
): SClause {
  const b = st.bank;
  const nv = input ? input.varNames.length : litsVarBound(b, lits);
  return new SClause(st.newId(), lits, litsWeight(b, lits), nv, rule, parents, substs, goal, input);
}

/**
 * An input clause as a prover clause (plus a `trivial_literal_removal` step when `$false` literals were
 * dropped); null for a `$true` tautology, and for a clause over more variables than the bank can scope
 * (the state is then incomplete).
 */
export function inputClause(st: ProofState, ic: InputClause): SClause | null {
  const b = st.bank;
  const vars = new Map<string, number>();
  const lits: SLit[] = [];
  let trivial = false;
  let tautology = false;
  for (const L of ic.clause.literals) {
    if (L.pred === '=' && L.args.length === 2) {
      const l = b.fromTerm(L.args[0]!, vars);
      const r = b.fromTerm(L.args[1]!, vars);
      lits.push(mkLit(st.ord, L.positive, l, r, b.TRUE));
      continue;
    }
    if ((L.pred === '$true' || L.pred === '$false') && L.args.length === 0) {
      if ((L.pred === '$true') === L.positive) tautology = true;
      else trivial = true;
      continue;
    }
    const args = L.args.map((a) => b.fromTerm(a, vars));
    lits.push({ pos: L.positive, l: b.app(b.sym(L.pred, args.length, PRED), args), r: b.TRUE, oriented: true });
  }
  if (tautology) return null;
  if (vars.size > MAX_VARS) {
    st.incomplete = true;
    return null;
  }
  const names = [...vars.keys()];
  const goal = ic.role === 'negated_conjecture';
  const c = newClause(st, lits, 'input', [], [], goal, { stepId: ic.id, varNames: names });
  if (!trivial) return c;
  return newClause(st, lits, 'trivial_literal_removal', [c], [identitySubst(st, c)], goal);
}

/** c with its literals oriented again under the current ordering: the same clause, the same step. */
export function reoriented(st: ProofState, c: SClause): SClause {
  const b = st.bank;
  const lits = c.lits.map((x) => mkLit(st.ord, x.pos, x.l, x.r, b.TRUE));
  return new SClause(c.id, lits, c.weight, c.nv, c.rule, c.parents, c.substs, c.goal, c.input);
}

/** Identity substitution array for a clause (a step that keeps the parent's variables). */
export function identitySubst(st: ProofState, c: SClause): VarImages {
  const a = new Array<number>(c.nv).fill(0);
  for (let v = 0; v < c.nv; v++) a[v] = st.bank.mkVar(v);
  return a;
}

/** c's variables under the current unifier in `scope` (renamed into the conclusion's variables). */
export function parentSubst(st: ProofState, c: SClause, scope: number): VarImages {
  const a = new Array<number>(c.nv).fill(0);
  for (let v = 0; v < c.nv; v++) a[v] = st.sub.inst(st.bank.mkVar(v), scope);
  return a;
}

/** The current matcher's bindings of c's variables (unbound ones map to themselves). */
export function matcherSubst(st: ProofState, c: SClause): VarImages {
  const b = st.bank;
  const mB = st.sub.mB;
  const a = new Array<number>(c.nv).fill(0);
  for (let v = 0; v < c.nv; v++) {
    const m = mB[v]!;
    a[v] = m < 0 ? b.mkVar(v) : m;
  }
  return a;
}

/**
 * Push c's literals except the one at `skip`, instantiated under the current unifier in `scope`; with
 * `from` ≥ 0, every occurrence of the term `from` in them is replaced by `to` (simultaneous superposition).
 */
export function instOthers(st: ProofState, c: SClause, skip: number, scope: number, out: SLit[], from = -1, to = -1): void {
  const s = st.sub;
  const b = st.bank;
  for (let k = 0; k < c.lits.length; k++) {
    if (k === skip) continue;
    const y = c.lits[k]!;
    let l = s.inst(y.l, scope);
    let r = s.inst(y.r, scope);
    if (from >= 0) {
      l = b.replaceAll(l, from, to);
      r = b.replaceAll(r, from, to);
    }
    out.push(mkLit(st.ord, y.pos, l, r, b.TRUE));
  }
}

/**
 * Finish a generating inference while its unifier is still bound (from `mark` on): count it, clean the
 * conclusion, record each parent's substitution, undo the bindings and number the clause. Null for a
 * tautology, and for a conclusion over more variables than the bank can scope (the state is then incomplete).
 */
export function conclude(
  st: ProofState,
  lits: SLit[],
  rule: Rule,
  A: SClause,
  sa: number,
  B: SClause | null,
  sb: number,
  mark: number,
): SClause | null {
  st.stats.generated++;
  const cl = cleanLits(lits);
  if (cl === null) {
    st.sub.undo(mark);
    return null;
  }
  const out = cl === 'same' ? lits : cl;
  const parents = B ? [A, B] : [A];
  const substs = B ? [parentSubst(st, A, sa), parentSubst(st, B, sb)] : [parentSubst(st, A, sa)];
  st.sub.undo(mark);
  if (litsVarBound(st.bank, out) > MAX_VARS) {
    st.incomplete = true;
    return null;
  }
  return newClause(st, out, rule, parents, substs, A.goal || (B !== null && B.goal));
}

/** c without trivial (`t != t`) and duplicate literals, as a new step; c itself if none; null for a tautology. */
export function cleaned(st: ProofState, c: SClause): SClause | null {
  const r = cleanLits(c.lits);
  if (r === null) return null;
  if (r === 'same') return c;
  const trivialOnly = r.length + countTrivial(c.lits) === c.lits.length;
  return newClause(st, r, trivialOnly ? 'trivial_literal_removal' : 'duplicate_literal_removal', [c], [identitySubst(st, c)], c.goal);
}

/** The clause c rewritten to `lits` by `rewrites`, as one demodulation step; null for a tautology. */
export function demodulationStep(st: ProofState, c: SClause, lits: SLit[], rewrites: readonly Rewrite[]): SClause | null {
  const parents: SClause[] = [c];
  const substs: VarImages[] = [identitySubst(st, c)];
  let goal = c.goal;
  for (const rw of rewrites) {
    parents.push(rw.c);
    substs.push(rw.sub);
    if (rw.c.goal) goal = true;
  }
  const cl = cleanLits(lits);
  if (cl === null) return null;
  const out = cl === 'same' ? lits : cl;
  return newClause(st, out, 'demodulation', parents, substs, goal);
}

function countTrivial(lits: readonly SLit[]): number {
  let n = 0;
  for (const x of lits) if (!x.pos && x.l === x.r) n++;
  return n;
}
