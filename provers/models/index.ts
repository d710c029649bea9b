/**
 * Mace4-style finite model finder. For domain sizes 1..maxSize: flatten the clauses
 * (every function application becomes `f(x̄) = y` with variable arguments), ground
 * them over the domain, encode function tables as one-hot cells with "exactly one
 * value" constraints, break constant symmetries (least number heuristic) and run
 * the CDCL solver in ./sat.ts. Every model is evaluated against the original
 * clauses before it is returned.
 */
import type { Term } from '../logic/term.js';
import type { Clause } from '../logic/clause.js';
import { EQUALITY } from '../logic/clause.js';
import type { FiniteModel } from '../logic/proof.js';
import type { Limits } from '../logic/limits.js';
import { SatSolver, posLit, negLit } from './sat.js';
import { evalClause } from './eval.js';

export { evalClause, evalFormula, evalTerm, formatModel } from './eval.js';
export { elementName, modelFromMace4, modelFromTptp, modelToMace4, modelToTptp, readModel } from './interpretation.js';
export type { Env } from './eval.js';

export interface FindModelOptions extends Pick<Limits, 'deadline'> {
  /** Largest domain size tried (default 8). */
  readonly maxSize?: number;
  /** Smallest domain size tried (default 1). */
  readonly minSize?: number;
  /** Give up on a size whose grounding would exceed this many clause instances (default 2 000 000). */
  readonly maxGroundClauses?: number;
}

export type FindModelResult =
  | { readonly status: 'found'; readonly model: FiniteModel; readonly stats: ModelStats }
  | { readonly status: 'none' | 'timeout' | 'gaveUp'; readonly message?: string; readonly stats: ModelStats };

export interface ModelStats {
  readonly timeMs: number;
  /** The largest size for which the search completed with "no model". */
  readonly exhaustedUpTo: number;
  readonly satVars: number;
  readonly satClauses: number;
}

// Flat literals: the arguments are clause-local variable indices.
type FlatLit =
  | { readonly kind: 'pred'; readonly positive: boolean; readonly sym: number; readonly args: readonly number[] }
  | { readonly kind: 'fn'; readonly positive: boolean; readonly sym: number; readonly args: readonly number[]; readonly res: number }
  | { readonly kind: 'vareq'; readonly positive: boolean; readonly a: number; readonly b: number };

interface FlatClause {
  readonly nVars: number;
  readonly lits: readonly FlatLit[];
}

interface Sig {
  readonly fns: { name: string; arity: number }[];
  readonly preds: { name: string; arity: number }[];
  readonly fnIndex: Map<string, number>;
  readonly predIndex: Map<string, number>;
}

function signature(clauses: readonly Clause[]): Sig {
  const sig: Sig = { fns: [], preds: [], fnIndex: new Map(), predIndex: new Map() };
  const key = (name: string, arity: number): string => `${name}/${arity}`;
  const visit = (t: Term): void => {
    if (t.kind === 'var') return;
    const k = key(t.fn, t.args.length);
    if (!sig.fnIndex.has(k)) sig.fnIndex.set(k, sig.fns.push({ name: t.fn, arity: t.args.length }) - 1);
    t.args.forEach(visit);
  };
  for (const c of clauses)
    for (const l of c.literals) {
      if (!(l.pred === EQUALITY && l.args.length === 2)) {
        const k = key(l.pred, l.args.length);
        if (!sig.predIndex.has(k)) sig.predIndex.set(k, sig.preds.push({ name: l.pred, arity: l.args.length }) - 1);
      }
      l.args.forEach(visit);
    }
  return sig;
}

/** Flatten one clause; identical subterms share one variable. */
function flatten(c: Clause, sig: Sig): FlatClause {
  const vars = new Map<string, number>();
  const lits: FlatLit[] = [];
  let nVars = 0;
  const varOf = (name: string): number => {
    let v = vars.get(name);
    if (v === undefined) vars.set(name, (v = nVars++));
    return v;
  };
  const shared = new Map<string, number>();
  // A variable y with the side literal f(x̄) != y (so the clause reads "f(x̄) = y → …").
  const flat = (t: Term): number => {
    if (t.kind === 'var') return varOf(t.name);
    const args = t.args.map(flat);
    const sym = sig.fnIndex.get(`${t.fn}/${t.args.length}`)!;
    const k = `${sym}(${args.join(',')})`;
    let y = shared.get(k);
    if (y === undefined) {
      shared.set(k, (y = nVars++));
      lits.push({ kind: 'fn', positive: false, sym, args, res: y });
    }
    return y;
  };
  for (const l of c.literals) {
    if (l.pred === EQUALITY && l.args.length === 2) {
      const [s, t] = l.args as [Term, Term];
      if (s.kind === 'var' && t.kind === 'var') lits.push({ kind: 'vareq', positive: l.positive, a: varOf(s.name), b: varOf(t.name) });
      else {
        // Keep one side as a direct cell literal f(x̄) = y; flatten the other to a variable.
        const [app, other] = (s.kind === 'app' ? [s, t] : [t, s]) as [Term & { kind: 'app' }, Term];
        const y = flat(other);
        const args = app.args.map(flat);
        lits.push({ kind: 'fn', positive: l.positive, sym: sig.fnIndex.get(`${app.fn}/${app.args.length}`)!, args, res: y });
      }
    } else {
      lits.push({ kind: 'pred', positive: l.positive, sym: sig.predIndex.get(`${l.pred}/${l.args.length}`)!, args: l.args.map(flat) });
    }
  }
  return { nVars, lits };
}

function pow(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r *= n;
  return r;
}

/** SAT variable layout for one domain size. */
function layout(sig: Sig, n: number): { predBase: number[]; fnBase: number[]; total: number } {
  let next = 0;
  const predBase = sig.preds.map((p) => {
    const b = next;
    next += pow(n, p.arity);
    return b;
  });
  const fnBase = sig.fns.map((f) => {
    const b = next;
    next += pow(n, f.arity) * n;
    return b;
  });
  return { predBase, fnBase, total: next };
}

function encode(sig: Sig, flats: readonly FlatClause[], n: number, solver: SatSolver, lay: ReturnType<typeof layout>): number {
  let added = 0;
  const cellIndex = (args: readonly number[], asg: Int32Array): number => {
    let idx = 0;
    for (const a of args) idx = idx * n + asg[a]!;
    return idx;
  };
  // Function tables: every cell has exactly one value.
  sig.fns.forEach((f, s) => {
    const cells = pow(n, f.arity);
    for (let cell = 0; cell < cells; cell++) {
      const base = lay.fnBase[s]! + cell * n;
      const alo: number[] = [];
      for (let e = 0; e < n; e++) alo.push(posLit(base + e));
      solver.addClause(alo);
      for (let e = 0; e < n; e++) for (let e2 = e + 1; e2 < n; e2++) solver.addClause([negLit(base + e), negLit(base + e2)]);
      added += 1 + (n * (n - 1)) / 2;
    }
  });
  // Least number heuristic: the i-th constant takes a value ≤ i (any model can be permuted into this form).
  let ci = 0;
  const distinct: number[] = [];
  sig.fns.forEach((f, s) => {
    if (f.arity !== 0) return;
    for (let e = ci + 1; e < n; e++) solver.addClause([negLit(lay.fnBase[s]! + e)]);
    ci++;
    // TPTP distinct objects ("...") denote pairwise different elements.
    if (f.name.startsWith('"')) distinct.push(s);
  });
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++)
      for (let e = 0; e < n; e++) solver.addClause([negLit(lay.fnBase[distinct[i]!]! + e), negLit(lay.fnBase[distinct[j]!]! + e)]);
  const lits: number[] = [];
  for (const fc of flats) {
    const asg = new Int32Array(fc.nVars);
    // Odometer over all assignments of the clause's variables.
    for (;;) {
      lits.length = 0;
      let satisfied = false;
      for (const l of fc.lits) {
        let sv: number;
        if (l.kind === 'vareq') {
          if ((asg[l.a] === asg[l.b]) === l.positive) {
            satisfied = true;
            break;
          }
          continue;
        } else if (l.kind === 'pred') sv = lay.predBase[l.sym]! + cellIndex(l.args, asg);
        else sv = lay.fnBase[l.sym]! + cellIndex(l.args, asg) * n + asg[l.res]!;
        lits.push(l.positive ? posLit(sv) : negLit(sv));
      }
      if (!satisfied) {
        added++;
        if (!solver.addClause(lits)) return added;
      }
      let k = 0;
      while (k < fc.nVars && ++asg[k]! === n) asg[k++] = 0;
      if (k === fc.nVars) break;
    }
  }
  return added;
}

function decode(sig: Sig, n: number, lay: ReturnType<typeof layout>, values: Uint8Array): FiniteModel {
  const functions: Record<string, { arity: number; table: number[] }> = {};
  const predicates: Record<string, { arity: number; table: boolean[] }> = {};
  sig.fns.forEach((f, s) => {
    const cells = pow(n, f.arity);
    const table: number[] = [];
    for (let cell = 0; cell < cells; cell++) {
      let v = 0;
      for (let e = 0; e < n; e++) if (values[lay.fnBase[s]! + cell * n + e] === 1) v = e;
      table.push(v);
    }
    functions[f.name] = { arity: f.arity, table };
  });
  sig.preds.forEach((p, s) => {
    const cells = pow(n, p.arity);
    const table: boolean[] = [];
    for (let cell = 0; cell < cells; cell++) table.push(values[lay.predBase[s]! + cell] === 1);
    predicates[p.name] = { arity: p.arity, table };
  });
  return { domainSize: n, functions, predicates };
}

/**
 * Search for a finite model of the clauses (variables universally quantified).
 * 'none' means no model of any size up to maxSize (larger ones may exist).
 */
export function findModel(clauses: readonly Clause[], opts: FindModelOptions = {}): FindModelResult {
  const start = Date.now();
  const maxSize = opts.maxSize ?? 8;
  const deadline = opts.deadline ?? Infinity;
  const maxGround = opts.maxGroundClauses ?? 2_000_000;
  const sig = signature(clauses);
  // The same symbol with two arities would need two tables under one name in the model.
  for (const list of [sig.fns, sig.preds]) {
    const names = new Set<string>();
    for (const s of list) {
      if (names.has(s.name))
        return { status: 'gaveUp', message: `symbol ${s.name} is used with different arities`, stats: stats(start, 0, 0, 0) };
      names.add(s.name);
    }
  }
  const flats = clauses.map((c) => flatten(c, sig));
  let exhausted = 0;
  let satVars = 0;
  let satClauses = 0;
  for (let n = Math.max(1, opts.minSize ?? 1); n <= maxSize; n++) {
    if (Date.now() > deadline)
      return { status: 'timeout', message: `no model up to size ${exhausted}`, stats: stats(start, exhausted, satVars, satClauses) };
    let estimate = 0;
    for (const fc of flats) estimate += pow(n, fc.nVars);
    if (estimate > maxGround)
      return {
        status: 'gaveUp',
        message: `grounding size ${n} needs ~${estimate} clauses`,
        stats: stats(start, exhausted, satVars, satClauses),
      };
    const lay = layout(sig, n);
    const solver = new SatSolver(lay.total);
    satVars = lay.total;
    satClauses = encode(sig, flats, n, solver, lay);
    const out = solver.solve(deadline);
    if (out.status === 'timeout')
      return { status: 'timeout', message: `no model up to size ${exhausted}`, stats: stats(start, exhausted, satVars, satClauses) };
    if (out.status === 'unsat') {
      exhausted = n;
      continue;
    }
    const model = decode(sig, n, lay, out.values);
    for (const c of clauses) {
      const v = evalClause(model, c);
      if (!v.ok || !v.value) throw new Error(`model finder bug: size-${n} model falsifies a clause`);
    }
    return { status: 'found', model, stats: stats(start, exhausted, satVars, satClauses) };
  }
  return { status: 'none', message: `no model of size ≤ ${maxSize}`, stats: stats(start, exhausted, satVars, satClauses) };
}

function stats(start: number, exhaustedUpTo: number, satVars: number, satClauses: number): ModelStats {
  return { timeMs: Date.now() - start, exhaustedUpTo, satVars, satClauses };
}
