/**
 * Evaluating clauses and formulas in a finite model, and printing models as tables
 * (elements e0, e1, … as the UI names them).
 * Used to verify every model the finder returns, and by the UI and NL pipeline.
 */
import type { Term } from '../logic/term.js';
import type { Clause, Literal } from '../logic/clause.js';
import { clauseVars, isEqualityLit } from '../logic/clause.js';
import type { Formula } from '../logic/formula.js';
import { freeVars } from '../logic/formula.js';
import type { FiniteModel } from '../logic/proof.js';
import type { Result } from '../logic/source.js';
import { elementName } from './interpretation.js';

/** Variable name → domain element. */
export type Env = ReadonlyMap<string, number>;

/** Thrown only inside this module and turned into a Result at the public functions. */
class EvalError extends Error {}

function tableIndex(args: readonly number[], n: number): number {
  let idx = 0;
  for (const a of args) idx = idx * n + a;
  return idx;
}

export function evalTerm(model: FiniteModel, t: Term, env: Env): number {
  if (t.kind === 'var') {
    const v = env.get(t.name);
    if (v === undefined) throw new EvalError(`unbound variable ${t.name}`);
    return v;
  }
  const f = model.functions[t.fn];
  if (!f || f.arity !== t.args.length) throw new EvalError(`function ${t.fn}/${t.args.length} is not interpreted`);
  const args = t.args.map((a) => evalTerm(model, a, env));
  return f.table[tableIndex(args, model.domainSize)]!;
}

function evalAtom(model: FiniteModel, pred: string, args: readonly Term[], env: Env): boolean {
  const p = model.predicates[pred];
  if (!p || p.arity !== args.length) throw new EvalError(`predicate ${pred}/${args.length} is not interpreted`);
  return p.table[
    tableIndex(
      args.map((a) => evalTerm(model, a, env)),
      model.domainSize,
    )
  ]!;
}

function evalLit(model: FiniteModel, l: Literal, env: Env): boolean {
  const v = isEqualityLit(l) ? evalTerm(model, l.args[0]!, env) === evalTerm(model, l.args[1]!, env) : evalAtom(model, l.pred, l.args, env);
  return v === l.positive;
}

/** Calls `f` with every assignment of `vars` to domain elements until it returns false. */
function forAllAssignments(vars: readonly string[], n: number, base: Env, f: (env: Env) => boolean): boolean {
  const env = new Map(base);
  const go = (i: number): boolean => {
    if (i === vars.length) return f(env);
    for (let d = 0; d < n; d++) {
      env.set(vars[i]!, d);
      if (!go(i + 1)) return false;
    }
    return true;
  };
  return go(0);
}

function clauseHolds(model: FiniteModel, c: Clause): boolean {
  return forAllAssignments(clauseVars(c), model.domainSize, new Map(), (env) => c.literals.some((l) => evalLit(model, l, env)));
}

function formulaHolds(model: FiniteModel, f: Formula, env: Env): boolean {
  switch (f.kind) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'atom':
      return evalAtom(model, f.pred, f.args, env);
    case 'eq':
      return evalTerm(model, f.left, env) === evalTerm(model, f.right, env);
    case 'not':
      return !formulaHolds(model, f.arg, env);
    case 'and':
      return f.args.every((a) => formulaHolds(model, a, env));
    case 'or':
      return f.args.some((a) => formulaHolds(model, a, env));
    case 'imp':
      return !formulaHolds(model, f.left, env) || formulaHolds(model, f.right, env);
    case 'iff':
      return formulaHolds(model, f.left, env) === formulaHolds(model, f.right, env);
    case 'xor':
      return formulaHolds(model, f.left, env) !== formulaHolds(model, f.right, env);
    case 'forall':
      return forAllAssignments(f.vars, model.domainSize, env, (e) => formulaHolds(model, f.body, e));
    case 'exists':
      return !forAllAssignments(f.vars, model.domainSize, env, (e) => !formulaHolds(model, f.body, e));
  }
}

function guard(f: () => boolean): Result<boolean, string> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof EvalError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Truth of a clause (variables universally quantified) in the model; an error if a symbol is not interpreted. */
export function evalClause(model: FiniteModel, c: Clause): Result<boolean, string> {
  return guard(() => clauseHolds(model, c));
}

/** Truth of a formula; free variables are read universally (like clauses) unless bound in `env`. */
export function evalFormula(model: FiniteModel, f: Formula, env: Env = new Map()): Result<boolean, string> {
  const free = freeVars(f).filter((v) => !env.has(v));
  return guard(() => forAllAssignments(free, model.domainSize, env, (e) => formulaHolds(model, f, e)));
}

function tuples(arity: number, n: number): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < arity; i++) out = out.flatMap((t) => Array.from({ length: n }, (_, d) => [...t, d]));
  return out;
}

/** Domain, constants, function tables and predicate extensions as aligned text tables. */
export function formatModel(model: FiniteModel): string {
  const n = model.domainSize;
  const w = elementName(n - 1).length + 1;
  const lines = [`domain: {${Array.from({ length: n }, (_, i) => elementName(i)).join(', ')}} (size ${n})`];
  const fns = Object.entries(model.functions).sort(([a], [b]) => a.localeCompare(b));
  const consts = fns.filter(([, f]) => f.arity === 0);
  if (consts.length > 0) {
    lines.push('', 'constants:');
    for (const [name, f] of consts) lines.push(`  ${name} = ${elementName(f.table[0]!)}`);
  }
  for (const [name, f] of fns) {
    if (f.arity === 0) continue;
    lines.push('', `function ${name}/${f.arity}:`);
    if (f.arity === 1) {
      lines.push(`  x    | ${Array.from({ length: n }, (_, i) => elementName(i).padStart(w)).join(' ')}`);
      lines.push(`  ${name}(x) | ${f.table.map((v) => elementName(v).padStart(w)).join(' ')}`);
    } else if (f.arity === 2) {
      lines.push(`  ${name.padEnd(4)} | ${Array.from({ length: n }, (_, i) => elementName(i).padStart(w)).join(' ')}`);
      lines.push(`  ${'-'.repeat(4)}-+-${'-'.repeat((w + 1) * n - 1)}`);
      for (let r = 0; r < n; r++)
        lines.push(
          `  ${elementName(r).padEnd(4)} | ${f.table
            .slice(r * n, r * n + n)
            .map((v) => elementName(v).padStart(w))
            .join(' ')}`,
        );
    } else {
      tuples(f.arity, n).forEach((t, i) => lines.push(`  ${name}(${t.map(elementName).join(',')}) = ${elementName(f.table[i]!)}`));
    }
  }
  const preds = Object.entries(model.predicates).sort(([a], [b]) => a.localeCompare(b));
  if (preds.length > 0) lines.push('', 'predicates:');
  for (const [name, p] of preds) {
    if (p.arity === 0) {
      lines.push(`  ${name}: ${p.table[0] ? 'true' : 'false'}`);
      continue;
    }
    const ext = tuples(p.arity, n)
      .filter((_, i) => p.table[i])
      .map((t) => (p.arity === 1 ? elementName(t[0]!) : `(${t.map(elementName).join(',')})`));
    lines.push(`  ${name}/${p.arity}: {${ext.join(', ')}}`);
  }
  return lines.join('\n');
}
