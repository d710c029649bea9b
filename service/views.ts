/**
 * Pure conversions from engine data to what the UI displays: finite model →
 * tables, problem → symbol table. No I/O. (Proof → graph is the graph module's.)
 */
import type { FiniteModel, Formula, Problem, Term } from '../provers/logic/index.js';
import type { ModelTable, SymbolInfo } from '../api/contract.js';

/** All tuples over {0..n-1}^arity in row-major order (the FiniteModel table order). */
function tuples(n: number, arity: number): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < arity; i++) {
    const next: number[][] = [];
    for (const t of out) for (let d = 0; d < n; d++) next.push([...t, d]);
    out = next;
  }
  return out;
}

/** Tables with at most this many rows are shown whole; larger ones are cut (the UI says so). */
const MAX_ROWS = 512;

export function modelTables(m: FiniteModel): ModelTable[] {
  const out: ModelTable[] = [];
  const el = (d: number): string => `e${d}`;
  const argHeads = (k: number): string[] => Array.from({ length: k }, (_, i) => `x${i + 1}`);
  for (const [symbol, f] of Object.entries(m.functions).sort(([a], [b]) => a.localeCompare(b))) {
    const rows: string[][] = [[...argHeads(f.arity), 'value']];
    tuples(m.domainSize, f.arity)
      .slice(0, MAX_ROWS)
      .forEach((t, i) => rows.push([...t.map(el), el(f.table[i] ?? -1)]));
    out.push({ symbol, kind: 'function', arity: f.arity, rows });
  }
  for (const [symbol, p] of Object.entries(m.predicates).sort(([a], [b]) => a.localeCompare(b))) {
    const rows: string[][] = [[...argHeads(p.arity), 'holds']];
    tuples(m.domainSize, p.arity)
      .slice(0, MAX_ROWS)
      .forEach((t, i) => rows.push([...t.map(el), p.table[i] ? 'true' : 'false']));
    out.push({ symbol, kind: 'predicate', arity: p.arity, rows });
  }
  return out;
}

const MAX_USES = 50;

interface SymbolAcc {
  readonly name: string;
  readonly kind: SymbolInfo['kind'];
  readonly arity: number;
  readonly uses: number[];
  count: number;
  /** Last statement index counted, so a symbol used twice in one statement counts once. */
  last: number;
}

/**
 * Symbols of a problem with arity and the lines of the statements that use them
 * (for hovers). Linear in the problem size: it runs on every keystroke-debounced
 * parse, and a 5 MB paste has ~10^5 statements.
 */
export function problemSymbols(p: Problem): SymbolInfo[] {
  const table = new Map<string, SymbolAcc[]>();
  const note = (name: string, kind: SymbolInfo['kind'], arity: number, stmt: number, line: number | undefined): void => {
    let list = table.get(name);
    if (!list) table.set(name, (list = []));
    let e: SymbolAcc | undefined;
    for (const x of list) if (x.kind === kind && x.arity === arity) e = x;
    if (!e) list.push((e = { name, kind, arity, uses: [], count: 0, last: -1 }));
    if (e.last === stmt) return;
    e.last = stmt;
    e.count++;
    if (line !== undefined && e.uses.length < MAX_USES) e.uses.push(line);
  };
  const formulas: Formula[] = [];
  const terms: Term[] = [];
  p.statements.forEach((s, stmt) => {
    const line = s.pos?.line;
    formulas.push(s.formula);
    while (formulas.length > 0) {
      const f = formulas.pop()!;
      switch (f.kind) {
        case 'atom':
          note(f.pred, 'predicate', f.args.length, stmt, line);
          for (const a of f.args) terms.push(a);
          break;
        case 'eq':
          terms.push(f.left, f.right);
          break;
        case 'not':
          formulas.push(f.arg);
          break;
        case 'and':
        case 'or':
          for (const g of f.args) formulas.push(g);
          break;
        case 'imp':
        case 'iff':
        case 'xor':
          formulas.push(f.left, f.right);
          break;
        case 'forall':
        case 'exists':
          formulas.push(f.body);
          break;
        default:
          break;
      }
    }
    while (terms.length > 0) {
      const t = terms.pop()!;
      if (t.kind === 'app') {
        note(t.fn, t.args.length === 0 ? 'constant' : 'function', t.args.length, stmt, line);
        for (const a of t.args) terms.push(a);
      }
    }
  });
  const out: SymbolInfo[] = [];
  for (const list of table.values()) {
    for (const e of list) {
      // Statements come in file order, so the lines are already ascending.
      out.push({ name: e.name, kind: e.kind, arity: e.arity, uses: e.uses, useCount: e.count });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.arity - b.arity);
}
