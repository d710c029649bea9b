/**
 * Problem → SMT-LIB 2 for z3 (Debian's z3 4.8 has no TPTP front end).
 *
 * One uninterpreted sort U. Symbols are quoted and tagged with kind and arity
 * (`|p.human.1|`) so TPTP's overloading of a name at two arities, or a
 * predicate and a function sharing a name, cannot clash, and no name can hit
 * an SMT-LIB reserved word. TPTP distinct objects ("abc") get a `distinct`
 * assertion, as their semantics require.
 */
import type { Formula } from '../logic/formula.js';
import { freeVars } from '../logic/formula.js';
import type { Term } from '../logic/term.js';
import type { Problem } from '../logic/problem.js';

const q = (s: string): string => '|' + s.replace(/[|\\]/g, '_') + '|';
const fnSym = (name: string, arity: number): string => q(`f.${name}.${arity}`);
const predSym = (name: string, arity: number): string => q(`p.${name}.${arity}`);
const varSym = (name: string): string => q(`v.${name}`);

function termSmt(t: Term, bound: ReadonlySet<string>): string {
  if (t.kind === 'var') return bound.has(t.name) ? varSym(t.name) : fnSym(t.name, 0);
  if (t.args.length === 0) return fnSym(t.fn, 0);
  return `(${fnSym(t.fn, t.args.length)} ${t.args.map((a) => termSmt(a, bound)).join(' ')})`;
}

function formulaSmt(f: Formula, bound: ReadonlySet<string>): string {
  switch (f.kind) {
    case 'true':
      return 'true';
    case 'false':
      return 'false';
    case 'atom':
      return f.args.length === 0
        ? predSym(f.pred, 0)
        : `(${predSym(f.pred, f.args.length)} ${f.args.map((a) => termSmt(a, bound)).join(' ')})`;
    case 'eq':
      return `(= ${termSmt(f.left, bound)} ${termSmt(f.right, bound)})`;
    case 'not':
      return `(not ${formulaSmt(f.arg, bound)})`;
    case 'and':
    case 'or':
      return `(${f.kind} ${f.args.map((a) => formulaSmt(a, bound)).join(' ')})`;
    case 'imp':
      return `(=> ${formulaSmt(f.left, bound)} ${formulaSmt(f.right, bound)})`;
    case 'iff':
      return `(= ${formulaSmt(f.left, bound)} ${formulaSmt(f.right, bound)})`;
    case 'xor':
      return `(xor ${formulaSmt(f.left, bound)} ${formulaSmt(f.right, bound)})`;
    case 'forall':
    case 'exists': {
      const b = new Set(bound);
      for (const v of f.vars) b.add(v);
      const decl = f.vars.map((v) => `(${varSym(v)} U)`).join(' ');
      return `(${f.kind} (${decl}) ${formulaSmt(f.body, b)})`;
    }
  }
}

function closed(f: Formula): Formula {
  const fv = freeVars(f);
  return fv.length === 0 ? f : { kind: 'forall', vars: fv, body: f };
}

/** Collect constants and functions, including free variables of closed-over cnf clauses (none after closing). */
function collectSymbols(fs: readonly Formula[]): { fns: Map<string, number>; preds: Map<string, number>; distinct: Set<string> } {
  // Both maps are keyed `name/arity`: one name used at two arities is two symbols (common in LLM output).
  const fns = new Map<string, number>();
  const preds = new Map<string, number>();
  const distinct = new Set<string>();
  const visit = (t: Term, bound: ReadonlySet<string>): void => {
    if (t.kind === 'var') {
      if (!bound.has(t.name)) fns.set(`${t.name}/0`, 0);
      return;
    }
    fns.set(`${t.fn}/${t.args.length}`, t.args.length);
    if (t.args.length === 0 && t.fn.startsWith('"')) distinct.add(t.fn);
    for (const a of t.args) visit(a, bound);
  };
  const walk = (f: Formula, bound: ReadonlySet<string>): void => {
    switch (f.kind) {
      case 'atom':
        preds.set(`${f.pred}/${f.args.length}`, f.args.length);
        for (const a of f.args) visit(a, bound);
        return;
      case 'eq':
        visit(f.left, bound);
        visit(f.right, bound);
        return;
      case 'true':
      case 'false':
        return;
      case 'not':
        walk(f.arg, bound);
        return;
      case 'and':
      case 'or':
        for (const a of f.args) walk(a, bound);
        return;
      case 'imp':
      case 'iff':
      case 'xor':
        walk(f.left, bound);
        walk(f.right, bound);
        return;
      case 'forall':
      case 'exists': {
        const b = new Set(bound);
        for (const v of f.vars) b.add(v);
        walk(f.body, b);
        return;
      }
    }
  };
  for (const f of fs) walk(f, new Set());
  return { fns, preds, distinct };
}

/** The SMT-LIB script: axioms asserted, the conjunction of conjectures negated. */
export function problemToSmt2(p: Problem): { text: string; hasConjecture: boolean } {
  const axioms: Formula[] = [];
  const conjs: Formula[] = [];
  for (const s of p.statements) {
    const f = closed(s.formula);
    if (s.role === 'conjecture') conjs.push(f);
    else axioms.push(f);
  }
  const { fns, preds, distinct } = collectSymbols([...axioms, ...conjs]);
  const lines: string[] = [`; ${p.name}`, '(set-logic ALL)', '(declare-sort U 0)'];
  for (const [key, arity] of fns) {
    const name = key.slice(0, key.lastIndexOf('/'));
    lines.push(`(declare-fun ${fnSym(name, arity)} (${'U '.repeat(arity).trim()}) U)`);
  }
  for (const [key, arity] of preds) {
    const name = key.slice(0, key.lastIndexOf('/'));
    lines.push(`(declare-fun ${predSym(name, arity)} (${'U '.repeat(arity).trim()}) Bool)`);
  }
  if (distinct.size > 1) lines.push(`(assert (distinct ${[...distinct].map((d) => fnSym(d, 0)).join(' ')}))`);
  for (const a of axioms) lines.push(`(assert ${formulaSmt(a, new Set())})`);
  if (conjs.length > 0) {
    const c = conjs.length === 1 ? formulaSmt(conjs[0]!, new Set()) : `(and ${conjs.map((x) => formulaSmt(x, new Set())).join(' ')})`;
    lines.push(`(assert (not ${c}))`);
  }
  lines.push('(check-sat)', '(exit)');
  return { text: lines.join('\n') + '\n', hasConjecture: conjs.length > 0 };
}
