/**
 * TSTP rendering of a proof: one `fof`/`cnf` line per step, with
 * `inference(rule, [status(..)], [parents])` annotations. Self-contained (does not
 * need the syntax printers); terms go through the logic core's iterative printTerm, so deep terms print.
 */
import type { Clause } from '../logic/clause.js';
import type { Formula } from '../logic/formula.js';
import type { Proof, ProofStep } from '../logic/proof.js';
import type { Term, TermStyle } from '../logic/term.js';
import { printTerm } from '../logic/term.js';

const LOWER_WORD = /^[a-z][A-Za-z0-9_]*$/;
const UPPER_WORD = /^[A-Z][A-Za-z0-9_]*$/;

export function tptpName(s: string): string {
  if (LOWER_WORD.test(s) || /^\$\$?[a-z][A-Za-z0-9_]*$/.test(s) || /^"(?:[^"\\]|\\.)*"$/.test(s) || /^-?[0-9]+$/.test(s)) return s;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function tptpVar(s: string): string {
  if (UPPER_WORD.test(s)) return s;
  return 'V' + s.replace(/[^A-Za-z0-9_]/g, '_');
}

const TPTP: TermStyle = { fn: tptpName, variable: tptpVar, sep: ',' };

export function termToTptp(t: Term): string {
  return printTerm(t, TPTP);
}

export function clauseToTptp(c: Clause): string {
  if (c.literals.length === 0) return '$false';
  return c.literals
    .map((l) => {
      if (l.pred === '=' && l.args.length === 2) return `${termToTptp(l.args[0]!)} ${l.positive ? '=' : '!='} ${termToTptp(l.args[1]!)}`;
      const atom = l.args.length === 0 ? tptpName(l.pred) : `${tptpName(l.pred)}(${l.args.map(termToTptp).join(',')})`;
      return l.positive ? atom : `~ ${atom}`;
    })
    .join(' | ');
}

export function formulaToTptp(f: Formula): string {
  switch (f.kind) {
    case 'true':
      return '$true';
    case 'false':
      return '$false';
    case 'atom':
      return f.args.length === 0 ? tptpName(f.pred) : `${tptpName(f.pred)}(${f.args.map(termToTptp).join(',')})`;
    case 'eq':
      return `${termToTptp(f.left)} = ${termToTptp(f.right)}`;
    case 'not':
      return `~ (${formulaToTptp(f.arg)})`;
    case 'and':
    case 'or':
      return `(${f.args.map(formulaToTptp).join(f.kind === 'and' ? ' & ' : ' | ')})`;
    case 'imp':
      return `(${formulaToTptp(f.left)} => ${formulaToTptp(f.right)})`;
    case 'iff':
      return `(${formulaToTptp(f.left)} <=> ${formulaToTptp(f.right)})`;
    case 'xor':
      return `(${formulaToTptp(f.left)} <~> ${formulaToTptp(f.right)})`;
    case 'forall':
    case 'exists':
      return `(${f.kind === 'forall' ? '!' : '?'} [${f.vars.map(tptpVar).join(',')}] : ${formulaToTptp(f.body)})`;
  }
}

function statusOf(rule: string): string {
  return rule === 'skolemize' || rule === 'definition' ? 'esa' : rule === 'negated_conjecture' ? 'cth' : 'thm';
}

export function stepToTptp(s: ProofStep): string {
  const name = tptpName(s.id);
  let role = 'plain';
  if (s.rule === 'input') role = s.source?.role ?? 'axiom';
  else if (s.rule === 'negated_conjecture') role = 'negated_conjecture';
  let annot: string;
  if (s.rule === 'input') {
    annot = s.source?.file ? `file(${tptpName(s.source.file)}, ${tptpName(s.source.name ?? s.id)})` : `introduced(input)`;
  } else {
    annot = `inference(${s.rule}, [status(${statusOf(s.rule)})], [${s.parents.map((p) => tptpName(p.id)).join(', ')}])`;
  }
  if (s.conclusion.kind === 'clause') return `cnf(${name}, ${role}, ${clauseToTptp(s.conclusion.clause)}, ${annot}).`;
  return `fof(${name}, ${role}, ${formulaToTptp(s.conclusion.formula)}, ${annot}).`;
}

export function proofToTptp(p: Proof): string {
  return p.steps.map(stepToTptp).join('\n');
}
