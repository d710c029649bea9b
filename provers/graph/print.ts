/**
 * Display printer for terms, formulas and clauses in Entail's readable syntax
 * (∀∃¬∧∨→↔⊕). The syntax module owns the canonical printer; this one exists so
 * the graph has no dependency on parser work and is only used for display text.
 * It is iterative over terms (10k-step graphs can carry deep terms).
 */
import type { Term, Formula, Clause, Literal, Substitution } from '../logic/index.js';
import type { TermStyle } from '../logic/index.js';
import { clauseVars, printTerm } from '../logic/index.js';

const DISPLAY: TermStyle = { fn: (n) => n, variable: (n) => n, sep: ', ' };

export function termText(t: Term): string {
  return printTerm(t, DISPLAY);
}

export function literalText(l: Literal): string {
  if (l.pred === '=' && l.args.length === 2) return `${termText(l.args[0]!)} ${l.positive ? '=' : '≠'} ${termText(l.args[1]!)}`;
  const atom = l.args.length === 0 ? l.pred : `${l.pred}(${l.args.map(termText).join(', ')})`;
  return l.positive ? atom : `¬${atom}`;
}

/** A clause as `L1 ∨ L2`, closed by `∀X Y.` when it has variables; the empty clause is ⊥. */
export function clauseText(c: Clause): string {
  if (c.literals.length === 0) return '⊥';
  const body = c.literals.map(literalText).join(' ∨ ');
  const vs = clauseVars(c);
  return vs.length === 0 ? body : `∀${vs.join(' ')}. ${body}`;
}

const PREC: Readonly<Record<Formula['kind'], number>> = {
  atom: 9,
  eq: 9,
  true: 9,
  false: 9,
  not: 8,
  and: 6,
  or: 5,
  xor: 4,
  imp: 3,
  iff: 2,
  forall: 1,
  exists: 1,
};
const OP: Readonly<Record<string, string>> = { and: ' ∧ ', or: ' ∨ ', imp: ' → ', iff: ' ↔ ', xor: ' ⊕ ' };

export function formulaText(f: Formula): string {
  const out: string[] = [];
  // Work items: a formula with the minimum precedence its context needs, or literal text.
  const stack: ([Formula, number] | string)[] = [[f, 0]];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const [g, ctx] = item;
    const p = PREC[g.kind];
    const paren = p < ctx;
    if (paren) stack.push(')');
    switch (g.kind) {
      case 'atom':
        stack.push(g.args.length === 0 ? g.pred : `${g.pred}(${g.args.map(termText).join(', ')})`);
        break;
      case 'eq':
        stack.push(`${termText(g.left)} = ${termText(g.right)}`);
        break;
      case 'true':
        stack.push('⊤');
        break;
      case 'false':
        stack.push('⊥');
        break;
      case 'not':
        if (g.arg.kind === 'eq') stack.push(`${termText(g.arg.left)} ≠ ${termText(g.arg.right)}`);
        else stack.push([g.arg, p], '¬');
        break;
      case 'and':
      case 'or':
        for (let i = g.args.length - 1; i >= 0; i--) {
          stack.push([g.args[i]!, p + 1]);
          if (i > 0) stack.push(OP[g.kind]!);
        }
        break;
      case 'imp':
      case 'iff':
      case 'xor':
        // Right-associative display for →; both sides parenthesized otherwise.
        stack.push([g.right, g.kind === 'imp' ? p : p + 1], OP[g.kind]!, [g.left, p + 1]);
        break;
      case 'forall':
      case 'exists':
        stack.push([g.body, p], `${g.kind === 'forall' ? '∀' : '∃'}${g.vars.join(' ')}. `);
        break;
    }
    if (paren) stack.push('(');
  }
  return out.join('');
}

/** `X ↦ t, Y ↦ u`, or undefined for an empty substitution. */
export function substText(s: Substitution | undefined): string | undefined {
  if (s === undefined) return undefined;
  const keys = Object.keys(s);
  if (keys.length === 0) return undefined;
  return keys.map((k) => `${k} ↦ ${termText(s[k]!)}`).join(', ');
}
