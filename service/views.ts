/**
 * Pure conversions from engine data to what the UI displays: finite model →
 * tables, problem → symbol table. No I/O. (Proof → graph is the graph module's.)
 */
import type { FiniteModel, Formula, Problem, Term } from '../provers/logic/index.js';
import type { ModelTable, SymbolInfo } from '../electron/common/api.js';

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

/** Symbols of a problem with arity and the lines of the statements that use them (for hovers). */
export function problemSymbols(p: Problem): SymbolInfo[] {
  const info = new Map<string, { kind: SymbolInfo['kind']; arity: number; uses: Set<number> }>();
  const note = (name: string, kind: SymbolInfo['kind'], arity: number, line: number | undefined): void => {
    const key = `${kind}:${name}/${arity}`;
    let e = info.get(key);
    if (!e) info.set(key, (e = { kind, arity, uses: new Set() }));
    if (line !== undefined) e.uses.add(line);
  };
  for (const s of p.statements) {
    const line = s.pos?.line;
    const terms: Term[] = [];
    const stack: Formula[] = [s.formula];
    while (stack.length > 0) {
      const f = stack.pop()!;
      switch (f.kind) {
        case 'atom':
          note(f.pred, 'predicate', f.args.length, line);
          terms.push(...f.args);
          break;
        case 'eq':
          terms.push(f.left, f.right);
          break;
        case 'not':
          stack.push(f.arg);
          break;
        case 'and':
        case 'or':
          stack.push(...f.args);
          break;
        case 'imp':
        case 'iff':
        case 'xor':
          stack.push(f.left, f.right);
          break;
        case 'forall':
        case 'exists':
          stack.push(f.body);
          break;
        default:
          break;
      }
    }
    while (terms.length > 0) {
      const t = terms.pop()!;
      if (t.kind === 'app') {
        note(t.fn, t.args.length === 0 ? 'constant' : 'function', t.args.length, line);
        terms.push(...t.args);
      }
    }
  }
  return [...info.entries()]
    .map(([key, e]) => ({
      name: key.slice(key.indexOf(':') + 1, key.lastIndexOf('/')),
      kind: e.kind,
      arity: e.arity,
      uses: [...e.uses].sort((a, b) => a - b),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.arity - b.arity);
}
