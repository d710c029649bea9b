/**
 * Ground reasoning with equality for the proof checker: hash-consed ground terms,
 * congruence closure over a union-find, and a small DPLL that picks one literal per
 * clause. For ground equality with uninterpreted functions (EUF) this is a complete
 * decision procedure: a set of ground clauses is satisfiable iff some choice of one
 * literal per clause is consistent under congruence closure.
 *
 * Deliberately independent of the prover's term bank and unifier: the checker must
 * not inherit the prover's bugs.
 */
import type { Term } from '../logic/term.js';
import type { Literal } from '../logic/clause.js';
import { isEqualityLit } from '../logic/clause.js';

/** A ground literal over interned term ids: `a = b` or `a != b`. Atoms P(t) become P(t) = ⊤. */
export interface GLit {
  readonly eq: boolean;
  readonly a: number;
  readonly b: number;
}

// Prefix that cannot occur in a parsed symbol, so predicate atoms, ⊤ and frozen
// variables never collide with user function symbols.
const PRED = '\u0001p:';
const FROZEN = '\u0001v:';
const TOP = '\u0001top';

export class GroundTerms {
  private readonly ids = new Map<string, number>();
  /** fn symbol and argument ids per node. */
  readonly fns: string[] = [];
  readonly args: number[][] = [];
  readonly top: number;

  constructor() {
    this.top = this.node(TOP, []);
  }

  private node(fn: string, args: number[]): number {
    const key = args.length === 0 ? fn : `${fn}(${args.join(',')})`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.fns.length;
      this.ids.set(key, id);
      this.fns.push(fn);
      this.args.push(args);
    }
    return id;
  }

  /** Intern a term; variables are frozen as fresh constants named after them. */
  term(t: Term): number {
    if (t.kind === 'var') return this.node(FROZEN + t.name, []);
    const args = new Array<number>(t.args.length);
    for (let i = 0; i < t.args.length; i++) args[i] = this.term(t.args[i]!);
    return this.node(t.fn, args);
  }

  lit(l: Literal): GLit {
    if (isEqualityLit(l)) return { eq: l.positive, a: this.term(l.args[0]!), b: this.term(l.args[1]!) };
    const args = l.args.map((t) => this.term(t));
    return { eq: l.positive, a: this.node(PRED + l.pred, args), b: this.top };
  }

  get size(): number {
    return this.fns.length;
  }
}

/** Congruence closure from scratch over all interned terms; returns false if a disequality is violated. */
function consistent(terms: GroundTerms, lits: readonly GLit[]): boolean {
  const n = terms.size;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let changed = false;
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent[ra] = rb;
      changed = true;
    }
  };
  for (const l of lits) if (l.eq) union(l.a, l.b);
  // Signature-table rounds until no new congruence is found; terms are few here.
  changed = true;
  while (changed) {
    changed = false;
    const sigs = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const as = terms.args[i]!;
      if (as.length === 0) continue;
      let key = terms.fns[i]!;
      for (const a of as) key += ',' + find(a);
      const other = sigs.get(key);
      if (other === undefined) sigs.set(key, i);
      else union(other, i);
    }
  }
  for (const l of lits) if (!l.eq && find(l.a) === find(l.b)) return false;
  return true;
}

export type SatAnswer = 'sat' | 'unsat' | 'limit';

/**
 * Is the ground clause set satisfiable (modulo EUF)? Each clause is a disjunction of
 * GLits; the empty clause makes the set unsatisfiable. `maxNodes` bounds the search.
 */
export function groundSat(terms: GroundTerms, clauses: readonly (readonly GLit[])[], maxNodes = 200_000): SatAnswer {
  // Units first and short clauses early: they prune the most.
  const sorted = [...clauses].sort((x, y) => x.length - y.length);
  if (sorted.length > 0 && sorted[0]!.length === 0) return 'unsat';
  const chosen: GLit[] = [];
  let nodes = 0;
  const search = (i: number): SatAnswer => {
    if (++nodes > maxNodes) return 'limit';
    if (!consistent(terms, chosen)) return 'unsat';
    if (i === sorted.length) return 'sat';
    let limited = false;
    for (const l of sorted[i]!) {
      chosen.push(l);
      const r = search(i + 1);
      chosen.pop();
      if (r === 'sat') return 'sat';
      if (r === 'limit') limited = true;
    }
    return limited ? 'limit' : 'unsat';
  };
  return search(0);
}
