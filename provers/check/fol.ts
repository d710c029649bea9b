/**
 * First-order helpers for checking preprocessing steps: an independent NNF, CNF of
 * universal formulas, clause subsumption by matching, and a propositional
 * equivalence test that treats quantified blocks as atoms. All of them give up
 * (return undefined) outside the fragment they decide, so the caller can list the
 * step as trusted instead of guessing.
 */
import type { Term, Substitution } from '../logic/term.js';
import { applySubst, mkVar } from '../logic/term.js';
import type { Formula } from '../logic/formula.js';
import { mkAnd, mkOr, mkNot, mkAtom, mkEq } from '../logic/formula.js';
import type { Literal, Clause } from '../logic/clause.js';
import { mkLit, EQUALITY } from '../logic/clause.js';

/** Negation normal form: only and/or/not-on-atoms/quantifiers; nested same quantifiers merged. */
export function nnf(f: Formula, positive = true): Formula {
  switch (f.kind) {
    case 'atom':
    case 'eq':
      return positive ? f : mkNot(f);
    case 'true':
    case 'false':
      return (f.kind === 'true') === positive ? { kind: 'true' } : { kind: 'false' };
    case 'not':
      return nnf(f.arg, !positive);
    case 'and':
    case 'or': {
      const args = f.args.map((a) => nnf(a, positive));
      return (f.kind === 'and') === positive ? mkAnd(args) : mkOr(args);
    }
    case 'imp':
      return positive ? mkOr([nnf(f.left, false), nnf(f.right, true)]) : mkAnd([nnf(f.left, true), nnf(f.right, false)]);
    case 'iff':
    case 'xor': {
      // iff positive, or xor negative: (¬a ∨ b) ∧ (a ∨ ¬b); otherwise (a ∨ b) ∧ (¬a ∨ ¬b).
      const same = (f.kind === 'iff') === positive;
      return same
        ? mkAnd([mkOr([nnf(f.left, false), nnf(f.right, true)]), mkOr([nnf(f.left, true), nnf(f.right, false)])])
        : mkAnd([mkOr([nnf(f.left, true), nnf(f.right, true)]), mkOr([nnf(f.left, false), nnf(f.right, false)])]);
    }
    case 'forall':
    case 'exists': {
      const kind = (f.kind === 'forall') === positive ? 'forall' : 'exists';
      const body = nnf(f.body, positive);
      if (body.kind === kind) return { kind, vars: [...f.vars, ...body.vars], body: body.body };
      return { kind, vars: f.vars, body };
    }
  }
}

/** Apply a substitution to the free variables of a formula (bound names shadow). */
export function substFormula(f: Formula, s: Substitution): Formula {
  switch (f.kind) {
    case 'atom':
      return mkAtom(
        f.pred,
        f.args.map((a) => applySubst(a, s)),
      );
    case 'eq':
      return mkEq(applySubst(f.left, s), applySubst(f.right, s));
    case 'true':
    case 'false':
      return f;
    case 'not':
      return mkNot(substFormula(f.arg, s));
    case 'and':
    case 'or':
      return { kind: f.kind, args: f.args.map((a) => substFormula(a, s)) };
    case 'imp':
    case 'iff':
    case 'xor':
      return { kind: f.kind, left: substFormula(f.left, s), right: substFormula(f.right, s) };
    case 'forall':
    case 'exists': {
      const inner: Record<string, Term> = { ...s };
      for (const v of f.vars) delete inner[v];
      return { kind: f.kind, vars: f.vars, body: substFormula(f.body, inner) };
    }
  }
}

function litOf(f: Formula): Literal | undefined {
  const positive = f.kind !== 'not';
  const a = f.kind === 'not' ? f.arg : f;
  if (a.kind === 'atom') return mkLit(positive, a.pred, a.args);
  if (a.kind === 'eq') return mkLit(positive, EQUALITY, [a.left, a.right]);
  return undefined;
}

/** A clause-shaped formula (∀x̄. l1 ∨ … ∨ ln, or ⊥) as a Clause; undefined otherwise. */
export function formulaAsClause(f: Formula): Clause | undefined {
  let g = nnf(f);
  while (g.kind === 'forall') g = g.body;
  if (g.kind === 'false') return { literals: [] };
  const parts = g.kind === 'or' ? g.args : [g];
  const literals: Literal[] = [];
  for (const p of parts) {
    const l = litOf(p);
    if (!l) return undefined;
    literals.push(l);
  }
  return { literals };
}

/**
 * NNF with every ∀ stripped and its variables renamed apart as `?1`, `?2`, …
 * (sound to pull out since the formula is closed and universal); undefined if an ∃ remains.
 */
function patternMatrix(f: Formula): Formula | undefined {
  let fresh = 0;
  const go = (g: Formula): Formula | undefined => {
    switch (g.kind) {
      case 'exists':
        return undefined;
      case 'forall': {
        const s: Record<string, Term> = {};
        for (const v of g.vars) s[v] = mkVar(`?${++fresh}`);
        return go(substFormula(g.body, s));
      }
      case 'and':
      case 'or': {
        const args: Formula[] = [];
        for (const a of g.args) {
          const x = go(a);
          if (!x) return undefined;
          args.push(x);
        }
        return { kind: g.kind, args };
      }
      default:
        return g; // literals and constants: nnf leaves nothing else
    }
  };
  return go(nnf(f));
}

/**
 * Is clause `c` (its variables rigid) an instance of a clause of the CNF of the
 * universal formulas `fs`, up to duplicate literals and equation orientation? That
 * is what a correct clausification produces. Decided without building the CNF: a
 * CNF clause picks one conjunct of every ∧ and all disjuncts of every ∨, so we search
 * for such a choice whose literals all match literals of c under one substitution.
 * True/false when decided; undefined if an ∃ remains or the search budget runs out.
 */
export function clauseOfCnf(fs: readonly Formula[], c: Clause, budget = 200_000): boolean | undefined {
  const s = new Map<string, Term>();
  let nodes = 0;
  // Continuation-passing backtracking: k() continues with the rest of the current CNF clause.
  const falsify = (g: Formula, k: () => boolean): boolean => {
    if (++nodes > budget) throw new Budget();
    switch (g.kind) {
      case 'true':
        return false;
      case 'false':
        return k();
      case 'and':
        return g.args.some((a) => falsify(a, k));
      case 'or': {
        const chain = (i: number): boolean => (i === g.args.length ? k() : falsify(g.args[i]!, () => chain(i + 1)));
        return chain(0);
      }
      default: {
        const l = litOf(g)!;
        if (l.pred === EQUALITY && l.args.length === 2 && termEq(l.args[0]!, l.args[1]!)) return l.positive ? false : k();
        for (const cl of c.literals) {
          if (cl.positive !== l.positive || cl.pred !== l.pred || cl.args.length !== l.args.length) continue;
          const orders = l.pred === EQUALITY && l.args.length === 2 ? [cl.args, [cl.args[1]!, cl.args[0]!]] : [cl.args];
          for (const args of orders) {
            const trail: string[] = [];
            let ok = true;
            for (let i = 0; i < args.length && ok; i++) ok = matchTerm(l.args[i]!, args[i]!, s, trail);
            if (ok && k()) return true;
            for (const v of trail) s.delete(v);
          }
        }
        return false;
      }
    }
  };
  const ms: Formula[] = [];
  for (const f of fs) {
    const m = patternMatrix(f);
    if (!m) return undefined;
    ms.push(m);
  }
  try {
    return ms.some((m) => falsify(m, () => true));
  } catch (e) {
    if (e instanceof Budget) return undefined;
    throw e;
  }
}

class Budget extends Error {}

/**
 * The CNF clauses of a universal formula, variables renamed to `!n` (rigid for
 * clauseOfCnf); undefined if an ∃ remains or there would be more than `max`.
 */
export function cnfClauses(f: Formula, max = 2000): Clause[] | undefined {
  const m = patternMatrix(f);
  if (!m) return undefined;
  const rigid = (t: Term): Term => (t.kind === 'var' ? mkVar(`!${t.name.slice(1)}`) : { kind: 'app', fn: t.fn, args: t.args.map(rigid) });
  const go = (g: Formula): Literal[][] | undefined => {
    switch (g.kind) {
      case 'true':
        return [];
      case 'false':
        return [[]];
      case 'and': {
        const out: Literal[][] = [];
        for (const a of g.args) {
          const x = go(a);
          if (!x || out.length + x.length > max) return undefined;
          out.push(...x);
        }
        return out;
      }
      case 'or': {
        let acc: Literal[][] = [[]];
        for (const a of g.args) {
          const x = go(a);
          if (!x || acc.length * x.length > max) return undefined;
          acc = acc.flatMap((p) => x.map((q) => [...p, ...q]));
        }
        return acc;
      }
      default: {
        const l = litOf(g)!;
        return [[mkLit(l.positive, l.pred, l.args.map(rigid))]];
      }
    }
  };
  return go(m)?.map((literals) => ({ literals }));
}

/** Both universal and each one's CNF clauses are instances of the other's: equivalent. Undefined = not decided. */
export function equivalentUniversal(a: Formula, b: Formula): boolean | undefined {
  const ca = cnfClauses(a);
  const cb = cnfClauses(b);
  if (!ca || !cb) return undefined;
  for (const c of cb) if (clauseOfCnf([a], c) !== true) return undefined;
  for (const c of ca) if (clauseOfCnf([b], c) !== true) return undefined;
  return true;
}

const isPatternVar = (name: string): boolean => name.startsWith('?');

/** Extend `s` so that pattern term p (variables `?n`) becomes t; t's variables are rigid. */
function matchTerm(p: Term, t: Term, s: Map<string, Term>, trail: string[]): boolean {
  if (p.kind === 'var' && isPatternVar(p.name)) {
    const bound = s.get(p.name);
    if (bound) return termEq(bound, t);
    s.set(p.name, t);
    trail.push(p.name);
    return true;
  }
  if (p.kind === 'var') return t.kind === 'var' && t.name === p.name;
  if (t.kind !== 'app' || t.fn !== p.fn || t.args.length !== p.args.length) return false;
  for (let i = 0; i < p.args.length; i++) if (!matchTerm(p.args[i]!, t.args[i]!, s, trail)) return false;
  return true;
}

function termEq(a: Term, b: Term): boolean {
  if (a.kind === 'var') return b.kind === 'var' && a.name === b.name;
  if (b.kind !== 'app' || a.fn !== b.fn || a.args.length !== b.args.length) return false;
  for (let i = 0; i < a.args.length; i++) if (!termEq(a.args[i]!, b.args[i]!)) return false;
  return true;
}

/** Tautology: contains l and ¬l, or a positive t = t. */
export function isTautology(c: Clause): boolean {
  const key = (l: Literal): string => JSON.stringify([l.pred, l.args]);
  const pos = new Set<string>();
  const neg = new Set<string>();
  for (const l of c.literals) {
    if (l.positive && l.pred === EQUALITY && l.args.length === 2 && termEq(l.args[0]!, l.args[1]!)) return true;
    (l.positive ? pos : neg).add(key(l));
  }
  for (const k of pos) if (neg.has(k)) return true;
  return false;
}

/**
 * Are a and b equivalent? Decided propositionally after NNF, with quantified blocks
 * as atoms (two blocks are the same atom when their bodies are equivalent after
 * renaming the bound variables in order). True = proven equivalent; false = not
 * equivalent under this abstraction; undefined = too many atoms to decide.
 */
export function equivalent(a: Formula, b: Formula, maxAtoms = 16): boolean | undefined {
  const atoms: string[] = [];
  const blocks: { kind: string; arity: number; body: Formula; index: number }[] = [];
  let undecided = false;
  const atomIndex = (key: string): number => {
    let i = atoms.indexOf(key);
    if (i < 0) i = atoms.push(key) - 1;
    return i;
  };
  // Skeleton: formula tree with leaves replaced by atom indices.
  type Skel = { op: 'and' | 'or'; args: Skel[] } | { op: 'lit'; atom: number; positive: boolean } | { op: 'const'; value: boolean };
  const skel = (g: Formula): Skel => {
    switch (g.kind) {
      case 'true':
      case 'false':
        return { op: 'const', value: g.kind === 'true' };
      case 'and':
      case 'or':
        return { op: g.kind, args: g.args.map(skel) };
      case 'not': {
        const inner = skel(g.arg);
        return inner.op === 'lit' ? { ...inner, positive: !inner.positive } : { op: 'const', value: false };
      }
      case 'atom':
        return { op: 'lit', atom: atomIndex(JSON.stringify(['p', g.pred, g.args])), positive: true };
      case 'eq': {
        const [l, r] = [JSON.stringify(g.left), JSON.stringify(g.right)].sort();
        return { op: 'lit', atom: atomIndex(JSON.stringify(['=', l, r])), positive: true };
      }
      case 'forall':
      case 'exists': {
        for (const bl of blocks) {
          if (bl.kind !== g.kind || bl.arity !== g.vars.length) continue;
          const rn: Record<string, Term> = {};
          g.vars.forEach((v, i) => (rn[v] = mkVar(`#b${bl.index}_${i}`)));
          const eqv = equivalent(bl.body, substFormula(g.body, rn), maxAtoms);
          if (eqv === undefined) undecided = true;
          if (eqv) return { op: 'lit', atom: bl.index, positive: true };
        }
        const index = atomIndex(`block${blocks.length}`);
        const rn: Record<string, Term> = {};
        g.vars.forEach((v, i) => (rn[v] = mkVar(`#b${index}_${i}`)));
        blocks.push({ kind: g.kind, arity: g.vars.length, body: substFormula(g.body, rn), index });
        return { op: 'lit', atom: index, positive: true };
      }
      default:
        return { op: 'const', value: false }; // unreachable after nnf
    }
  };
  const sa = skel(nnf(a));
  const sb = skel(nnf(b));
  if (atoms.length > maxAtoms) return undefined;
  const evalSkel = (s: Skel, bits: number): boolean => {
    if (s.op === 'const') return s.value;
    if (s.op === 'lit') return (((bits >> s.atom) & 1) === 1) === s.positive;
    return s.op === 'and' ? s.args.every((x) => evalSkel(x, bits)) : s.args.some((x) => evalSkel(x, bits));
  };
  for (let bits = 0; bits < 1 << atoms.length; bits++) if (evalSkel(sa, bits) !== evalSkel(sb, bits)) return undecided ? undefined : false;
  return true;
}
