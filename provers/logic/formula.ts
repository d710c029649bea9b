/**
 * First-order formulas.
 *
 * `and`/`or` are n-ary (at least two arguments): a parser turns an unparenthesized
 * chain `a & b & c` into one node and keeps parenthesized groups nested, so
 * print→parse is the identity and a long chain does not become a deep tree.
 * Equality is its own node; `a != b` is `not(eq)`.
 */
import type { Term } from './term.js';
import { termEquals } from './term.js';

export interface Atom {
  readonly kind: 'atom';
  readonly pred: string;
  readonly args: readonly Term[];
}
export interface Eq {
  readonly kind: 'eq';
  readonly left: Term;
  readonly right: Term;
}
export interface Const {
  readonly kind: 'true' | 'false';
}
export interface Not {
  readonly kind: 'not';
  readonly arg: Formula;
}
export interface NAry {
  readonly kind: 'and' | 'or';
  readonly args: readonly Formula[];
}
export interface Binary {
  readonly kind: 'imp' | 'iff' | 'xor';
  readonly left: Formula;
  readonly right: Formula;
}
export interface Quant {
  readonly kind: 'forall' | 'exists';
  readonly vars: readonly string[];
  readonly body: Formula;
}

export type Formula = Atom | Eq | Const | Not | NAry | Binary | Quant;
export type FormulaKind = Formula['kind'];

export const TRUE: Formula = { kind: 'true' };
export const FALSE: Formula = { kind: 'false' };

export function mkAtom(pred: string, args: readonly Term[] = []): Atom {
  return { kind: 'atom', pred, args };
}
export function mkEq(left: Term, right: Term): Eq {
  return { kind: 'eq', left, right };
}
export function mkNot(arg: Formula): Not {
  return { kind: 'not', arg };
}
/** n-ary conjunction; one argument returns it, zero returns true. */
export function mkAnd(args: readonly Formula[]): Formula {
  if (args.length === 0) return TRUE;
  if (args.length === 1) return args[0]!;
  return { kind: 'and', args };
}
export function mkOr(args: readonly Formula[]): Formula {
  if (args.length === 0) return FALSE;
  if (args.length === 1) return args[0]!;
  return { kind: 'or', args };
}
export function mkBin(kind: Binary['kind'], left: Formula, right: Formula): Binary {
  return { kind, left, right };
}
export function mkImp(left: Formula, right: Formula): Binary {
  return { kind: 'imp', left, right };
}
export function mkIff(left: Formula, right: Formula): Binary {
  return { kind: 'iff', left, right };
}
export function mkQuant(kind: Quant['kind'], vars: readonly string[], body: Formula): Formula {
  return vars.length === 0 ? body : { kind, vars, body };
}
export function mkForall(vars: readonly string[], body: Formula): Formula {
  return mkQuant('forall', vars, body);
}
export function mkExists(vars: readonly string[], body: Formula): Formula {
  return mkQuant('exists', vars, body);
}

/** Immediate subformulas. */
export function children(f: Formula): readonly Formula[] {
  switch (f.kind) {
    case 'atom':
    case 'eq':
    case 'true':
    case 'false':
      return [];
    case 'not':
      return [f.arg];
    case 'and':
    case 'or':
      return f.args;
    case 'imp':
    case 'iff':
    case 'xor':
      return [f.left, f.right];
    case 'forall':
    case 'exists':
      return [f.body];
  }
}

/** Structural equality (bound variable names must match too). */
export function formulaEquals(a: Formula, b: Formula): boolean {
  const stack: Formula[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    if (x === y) continue;
    if (x.kind !== y.kind) return false;
    switch (x.kind) {
      case 'atom': {
        const z = y as Atom;
        if (x.pred !== z.pred || x.args.length !== z.args.length) return false;
        for (let i = 0; i < x.args.length; i++) if (!termEquals(x.args[i]!, z.args[i]!)) return false;
        break;
      }
      case 'eq': {
        const z = y as Eq;
        if (!termEquals(x.left, z.left) || !termEquals(x.right, z.right)) return false;
        break;
      }
      case 'true':
      case 'false':
        break;
      case 'not':
        stack.push(x.arg, (y as Not).arg);
        break;
      case 'and':
      case 'or': {
        const z = y as NAry;
        if (x.args.length !== z.args.length) return false;
        for (let i = 0; i < x.args.length; i++) stack.push(x.args[i]!, z.args[i]!);
        break;
      }
      case 'imp':
      case 'iff':
      case 'xor': {
        const z = y as Binary;
        stack.push(x.left, z.left, x.right, z.right);
        break;
      }
      case 'forall':
      case 'exists': {
        const z = y as Quant;
        if (x.vars.length !== z.vars.length) return false;
        for (let i = 0; i < x.vars.length; i++) if (x.vars[i] !== z.vars[i]) return false;
        stack.push(x.body, z.body);
        break;
      }
    }
  }
  return true;
}

/** Free variables in order of first occurrence. */
export function freeVars(f: Formula): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visitTerm = (t: Term, bound: ReadonlySet<string>): void => {
    const stack: Term[] = [t];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x.kind === 'var') {
        if (!bound.has(x.name) && !seen.has(x.name)) {
          seen.add(x.name);
          out.push(x.name);
        }
      } else for (let i = x.args.length - 1; i >= 0; i--) stack.push(x.args[i]!);
    }
  };
  const stack: Array<[Formula, ReadonlySet<string>]> = [[f, new Set()]];
  while (stack.length > 0) {
    const [g, bound] = stack.pop()!;
    switch (g.kind) {
      case 'atom':
        for (const a of g.args) visitTerm(a, bound);
        break;
      case 'eq':
        visitTerm(g.left, bound);
        visitTerm(g.right, bound);
        break;
      case 'forall':
      case 'exists': {
        const b = new Set(bound);
        for (const v of g.vars) b.add(v);
        stack.push([g.body, b]);
        break;
      }
      default: {
        const cs = children(g);
        for (let i = cs.length - 1; i >= 0; i--) stack.push([cs[i]!, bound]);
      }
    }
  }
  return out;
}

/** Symbols with arities, for signatures, hovers and predicate-name reconciliation. */
export interface Signature {
  readonly preds: Map<string, number>;
  readonly fns: Map<string, number>;
}

export function signatureOf(fs: readonly Formula[], sig: Signature = { preds: new Map(), fns: new Map() }): Signature {
  const visitTerm = (t: Term): void => {
    const stack: Term[] = [t];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x.kind === 'app') {
        if (!sig.fns.has(x.fn)) sig.fns.set(x.fn, x.args.length);
        for (const a of x.args) stack.push(a);
      }
    }
  };
  const stack: Formula[] = [...fs];
  while (stack.length > 0) {
    const g = stack.pop()!;
    if (g.kind === 'atom') {
      if (!sig.preds.has(g.pred)) sig.preds.set(g.pred, g.args.length);
      g.args.forEach(visitTerm);
    } else if (g.kind === 'eq') {
      visitTerm(g.left);
      visitTerm(g.right);
    } else stack.push(...children(g));
  }
  return sig;
}

/** Universal closure over the free variables. */
export function universalClosure(f: Formula): Formula {
  return mkForall(freeVars(f), f);
}
