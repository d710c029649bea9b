/** A compact one-line rendering of formulas, the notation of the test corpus and the docs: AX.(Cat(X) -> Mammal(X)). */
import type { Formula, Term } from '../../provers/logic/index.js';

function term(x: Term): string {
  return x.kind === 'var' ? x.name.toUpperCase() : x.args.length === 0 ? x.fn : `${x.fn}(${x.args.map(term).join(',')})`;
}

export function showFormula(f: Formula): string {
  switch (f.kind) {
    case 'atom':
      return `${f.pred}(${f.args.map(term).join(',')})`;
    case 'eq':
      return `${term(f.left)}=${term(f.right)}`;
    case 'true':
    case 'false':
      return f.kind;
    case 'not':
      return `~${showFormula(f.arg)}`;
    case 'and':
    case 'or':
      return `(${f.args.map(showFormula).join(f.kind === 'and' ? ' & ' : ' | ')})`;
    case 'imp':
    case 'iff':
    case 'xor':
      return `(${showFormula(f.left)} ${f.kind === 'imp' ? '->' : f.kind === 'iff' ? '<->' : '+'} ${showFormula(f.right)})`;
    case 'forall':
    case 'exists':
      return `${f.kind === 'forall' ? 'A' : 'E'}${f.vars.join(',').toUpperCase()}.${showFormula(f.body)}`;
  }
}
