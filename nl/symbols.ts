/**
 * Symbol-level post-processing of parsed translations.
 *
 * `proverFreeVariables`: LINC hands NLTK formulas to Prover9, which treats every
 * unquantified lowercase name starting with u–z as a universally quantified
 * variable (`Study(x)` with x free means "for all x"; so does `Likes(tom, yoga)`
 * for yoga!). Our parsers read a free lowercase name as a constant, so a replay
 * that wants LINC's semantics converts those names back into variables and closes
 * the formula universally.
 *
 * `reconcile`: predicate names across samples that look like the same concept
 * (Eats/2 vs Eat/2) or share a name with different arities. Reported, never merged:
 * merging would change what the model said.
 */
import type { Formula, Term } from '../provers/logic/index.js';
import { mkVar, mkForall, freeVars, signatureOf } from '../provers/logic/index.js';
import type { SymbolClash } from './types.js';

function mapTerms(f: Formula, fn: (t: Term, bound: ReadonlySet<string>) => Term, bound: ReadonlySet<string> = new Set()): Formula {
  switch (f.kind) {
    case 'atom':
      return { kind: 'atom', pred: f.pred, args: f.args.map((a) => fn(a, bound)) };
    case 'eq':
      return { kind: 'eq', left: fn(f.left, bound), right: fn(f.right, bound) };
    case 'true':
    case 'false':
      return f;
    case 'not':
      return { kind: 'not', arg: mapTerms(f.arg, fn, bound) };
    case 'and':
    case 'or':
      return { kind: f.kind, args: f.args.map((a) => mapTerms(a, fn, bound)) };
    case 'imp':
    case 'iff':
    case 'xor':
      return { kind: f.kind, left: mapTerms(f.left, fn, bound), right: mapTerms(f.right, fn, bound) };
    case 'forall':
    case 'exists': {
      const b = new Set(bound);
      for (const v of f.vars) b.add(v);
      return { kind: f.kind, vars: f.vars, body: mapTerms(f.body, fn, b) };
    }
  }
}

const PROVER9_VAR = /^[u-z]/;

export function proverFreeVariables(f: Formula): Formula {
  const conv = (t: Term, bound: ReadonlySet<string>): Term => {
    if (t.kind === 'var') return t;
    if (t.args.length === 0) return PROVER9_VAR.test(t.fn) && !bound.has(t.fn) ? mkVar(t.fn) : t;
    return { kind: 'app', fn: t.fn, args: t.args.map((a) => conv(a, bound)) };
  };
  const g = mapTerms(f, conv);
  return mkForall(freeVars(g), g);
}

/** Close any remaining free variables universally (a parser may leave them free). */
export function closeUniversally(f: Formula): Formula {
  return mkForall(freeVars(f), f);
}

function conceptKey(name: string): string {
  let k = name.toLowerCase().replace(/[_-]/g, '');
  if (k.endsWith('ies')) k = k.slice(0, -3) + 'y';
  else if (k.endsWith('es') && k.length > 4) k = k.slice(0, -2);
  else if (k.endsWith('s') && !k.endsWith('ss') && k.length > 3) k = k.slice(0, -1);
  return k;
}

/** Predicate clashes across samples (each sample a list of formulas). */
export function reconcile(samples: readonly (readonly Formula[])[]): SymbolClash[] {
  const arities = new Map<string, Set<number>>();
  const byKey = new Map<string, Set<string>>();
  for (const fs of samples) {
    const sig = signatureOf(fs);
    for (const [p, n] of sig.preds) {
      if (p === '=') continue;
      let s = arities.get(p);
      if (!s) arities.set(p, (s = new Set()));
      s.add(n);
      const k = conceptKey(p);
      let names = byKey.get(k);
      if (!names) byKey.set(k, (names = new Set()));
      names.add(`${p}/${n}`);
    }
  }
  const out: SymbolClash[] = [];
  for (const [p, s] of arities) {
    if (s.size > 1)
      out.push({ kind: 'arity', symbols: [...s].sort().map((n) => `${p}/${n}`), note: `${p} is used with ${s.size} different arities` });
  }
  for (const names of byKey.values()) {
    const distinct = new Set([...names].map((x) => x.slice(0, x.lastIndexOf('/'))));
    if (distinct.size > 1)
      out.push({
        kind: 'near-duplicate',
        symbols: [...names].sort(),
        note: `${[...distinct].sort().join(' / ')} look like one concept spelled differently`,
      });
  }
  return out;
}

/**
 * Type check a translation: a name used both as a predicate and as a
 * function/constant, or a predicate or function used with two arities, makes it
 * ill-typed (NLTK's typed logic rejects such input; on LINC's recorded run every
 * one of the 363 such samples was an Error). Returns the problems found.
 */
export function symbolTypeErrors(fs: readonly Formula[]): string[] {
  const preds = new Map<string, Set<number>>();
  const fns = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, n: string, a: number): void => {
    let s = m.get(n);
    if (!s) m.set(n, (s = new Set()));
    s.add(a);
  };
  const stack: Formula[] = [...fs];
  const terms: Term[] = [];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === 'atom') {
      add(preds, f.pred, f.args.length);
      terms.push(...f.args);
    } else if (f.kind === 'eq') terms.push(f.left, f.right);
    else if (f.kind === 'not') stack.push(f.arg);
    else if (f.kind === 'and' || f.kind === 'or') stack.push(...f.args);
    else if (f.kind === 'imp' || f.kind === 'iff' || f.kind === 'xor') stack.push(f.left, f.right);
    else if (f.kind === 'forall' || f.kind === 'exists') stack.push(f.body);
  }
  while (terms.length > 0) {
    const t = terms.pop()!;
    if (t.kind === 'app') {
      add(fns, t.fn, t.args.length);
      terms.push(...t.args);
    }
  }
  const out: string[] = [];
  for (const [p, s] of preds) {
    if (s.size > 1) out.push(`predicate ${p} is used with arities ${[...s].sort().join(' and ')}`);
    if (fns.has(p)) out.push(`${p} is used both as a predicate and as ${fns.get(p)!.has(0) ? 'an individual' : 'a function'}`);
  }
  for (const [f, s] of fns) if (s.size > 1) out.push(`function ${f} is used with arities ${[...s].sort().join(' and ')}`);
  return out;
}
