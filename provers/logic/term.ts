/**
 * First-order terms as immutable trees.
 *
 * Why trees and not a hash-consed bank here: the logic core is shared by parsers,
 * printers, the clausifier, the proof checker, the UI and the LLM pipeline, all of
 * which want plain, serializable, structurally comparable data. The saturation
 * prover interns these into its own TermBank (integer ids, cached weight and
 * groundness) at the boundary, so its hot loop never touches this representation.
 *
 * A constant is an `App` with no arguments. Variables are named; a clause's
 * variables are implicitly universally quantified over that clause.
 */
export interface Var {
  readonly kind: 'var';
  readonly name: string;
}

export interface App {
  readonly kind: 'app';
  /** Function or constant symbol. TPTP distinct objects keep their quotes ("abc"). */
  readonly fn: string;
  readonly args: readonly Term[];
}

export type Term = Var | App;

export function mkVar(name: string): Var {
  return { kind: 'var', name };
}

export function mkApp(fn: string, args: readonly Term[] = []): App {
  return { kind: 'app', fn, args };
}

export function mkConst(fn: string): App {
  return { kind: 'app', fn, args: [] };
}

/** Structural equality. Iterative so deep terms cannot overflow the stack. */
export function termEquals(a: Term, b: Term): boolean {
  const stack: Term[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    if (x === y) continue;
    if (x.kind === 'var') {
      if (y.kind !== 'var' || x.name !== y.name) return false;
      continue;
    }
    if (y.kind !== 'app' || x.fn !== y.fn || x.args.length !== y.args.length) return false;
    for (let i = 0; i < x.args.length; i++) stack.push(x.args[i]!, y.args[i]!);
  }
  return true;
}

/** Variables of a term in order of first occurrence. */
export function termVars(t: Term, out: string[] = [], seen: Set<string> = new Set()): string[] {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'var') {
      if (!seen.has(x.name)) {
        seen.add(x.name);
        out.push(x.name);
      }
    } else {
      for (let i = x.args.length - 1; i >= 0; i--) stack.push(x.args[i]!);
    }
  }
  return out;
}

/** How `printTerm` spells symbols, variables and the argument separator (display vs TPTP output). */
export interface TermStyle {
  /** arity tells a constant from a function symbol, which some dialects spell differently. */
  readonly fn: (name: string, arity: number) => string;
  readonly variable: (name: string) => string;
  readonly sep: string;
}

/** Print a term with an explicit stack, so deep terms (long proofs, 10k-step graphs) do not overflow. */
export function printTerm(t: Term, style: TermStyle): string {
  const out: string[] = [];
  const stack: (Term | string)[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      out.push(x);
      continue;
    }
    if (x.kind === 'var') {
      out.push(style.variable(x.name));
      continue;
    }
    out.push(style.fn(x.fn, x.args.length));
    if (x.args.length === 0) continue;
    out.push('(');
    stack.push(')');
    for (let i = x.args.length - 1; i >= 0; i--) {
      stack.push(x.args[i]!);
      if (i > 0) stack.push(style.sep);
    }
  }
  return out.join('');
}

/** A substitution maps variable names to terms. Plain data so it can cross IPC and be printed. */
export type Substitution = Readonly<Record<string, Term>>;

/** Apply a substitution (not idempotent-closing: bindings are applied once, as recorded). */
export function applySubst(t: Term, s: Substitution): Term {
  if (t.kind === 'var') return Object.prototype.hasOwnProperty.call(s, t.name) ? s[t.name]! : t;
  if (t.args.length === 0) return t;
  let changed = false;
  const args = new Array<Term>(t.args.length);
  for (let i = 0; i < t.args.length; i++) {
    const a = t.args[i]!;
    const b = applySubst(a, s);
    if (a !== b) changed = true;
    args[i] = b;
  }
  return changed ? { kind: 'app', fn: t.fn, args } : t;
}
