/**
 * Finite models in the formats other tools read and write: TPTP finite
 * interpretations (`fi_domain` / `fi_functors` / `fi_predicates`, as SystemOnTPTP
 * and Vampire's finite model builder use) and Mace4's `interpretation(...)`.
 * Elements are named e0, e1, … in TPTP, as the UI names them; Mace4 numbers them
 * 0, 1, … by its own convention. Readers return errors as values.
 */
import type { Formula } from '../logic/formula.js';
import { mkAtom, mkEq, mkForall, mkNot, mkOr } from '../logic/formula.js';
import type { Term } from '../logic/term.js';
import { mkApp, mkConst, mkVar } from '../logic/term.js';
import type { FiniteModel } from '../logic/proof.js';
import type { Result } from '../logic/source.js';
import { err, ok, positionAt } from '../logic/source.js';
import { parseProblem, printFormula, printTerm } from '../logic/syntax/index.js';

/** The name of domain element `d`, shared with the UI's model tables. */
export function elementName(d: number): string {
  return `e${d}`;
}

function tuples(arity: number, n: number): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < arity; i++) out = out.flatMap((t) => Array.from({ length: n }, (_, d) => [...t, d]));
  return out;
}

const el = (d: number): Term => mkConst(elementName(d));

// Problem names such as SYN036-2 are not TPTP lower words: such names are single-quoted.
const LOWER_WORD = /^[a-z][A-Za-z0-9_]*$/;
const quoteName = (s: string): string => (LOWER_WORD.test(s) ? s : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const unquoteName = (s: string): string => (s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s);

/** One TPTP statement per line group, the conjuncts of a conjunction one per line. */
function statement(name: string, role: string, parts: readonly Formula[]): string {
  const lines = parts.map((f) => printFormula(f, 'tptp'));
  const body = lines.length === 1 ? lines[0]! : `( ${lines.join('\n    & ')} )`;
  return `fof(${quoteName(name)}, ${role},\n    ${body}).`;
}

export function modelToTptp(model: FiniteModel, name = 'model'): string {
  const n = model.domainSize;
  const X = mkVar('X');
  const out = [statement(`${name}_domain`, 'fi_domain', [mkForall(['X'], mkOr(Array.from({ length: n }, (_, d) => mkEq(X, el(d)))))])];
  const fns = Object.entries(model.functions).sort(([a], [b]) => a.localeCompare(b));
  const fParts: Formula[] = [];
  for (const [f, { arity, table }] of fns) tuples(arity, n).forEach((t, i) => fParts.push(mkEq(mkApp(f, t.map(el)), el(table[i]!))));
  if (fParts.length > 0) out.push(statement(`${name}_functors`, 'fi_functors', fParts));
  const preds = Object.entries(model.predicates).sort(([a], [b]) => a.localeCompare(b));
  const pParts: Formula[] = [];
  for (const [p, { arity, table }] of preds)
    tuples(arity, n).forEach((t, i) => {
      const a = mkAtom(p, t.map(el));
      pParts.push(table[i] ? a : mkNot(a));
    });
  if (pParts.length > 0) out.push(statement(`${name}_predicates`, 'fi_predicates', pParts));
  return out.join('\n');
}

/** Mace4's output format; arguments are shown as `_` and tables are row-major, first argument most significant. */
export function modelToMace4(model: FiniteModel): string {
  const items: string[] = [];
  const sig = (s: string, arity: number): string => (arity === 0 ? s : `${s}(${Array.from({ length: arity }, () => '_').join(',')})`);
  for (const [f, { arity, table }] of Object.entries(model.functions).sort(([a], [b]) => a.localeCompare(b)))
    items.push(`    function(${sig(f, arity)}, [${table.join(',')}])`);
  for (const [p, { arity, table }] of Object.entries(model.predicates).sort(([a], [b]) => a.localeCompare(b)))
    items.push(`    relation(${sig(p, arity)}, [${table.map((v) => (v ? 1 : 0)).join(',')}])`);
  return `interpretation( ${model.domainSize}, [number=1, seconds=0], [\n${items.join(',\n')}\n]).`;
}

type Mutable = {
  functions: Record<string, { arity: number; table: (number | undefined)[] }>;
  predicates: Record<string, { arity: number; table: (boolean | undefined)[] }>;
};

function conjuncts(f: Formula): Formula[] {
  return f.kind === 'and' ? f.args.flatMap(conjuncts) : f.kind === 'true' ? [] : [f];
}

function disjuncts(f: Formula): Formula[] {
  return f.kind === 'or' ? f.args.flatMap(disjuncts) : [f];
}

const FI_ROLE = /(\b(?:fof|tff|cnf)\(\s*[^,()]+?\s*,\s*)(fi_domain|fi_functors|fi_predicates)(\s*,)/g;

/**
 * Reads a TPTP finite interpretation. The fi_ roles are replaced by `axiom` padded
 * to the same length before parsing, so the parser's positions stay the file's.
 */
export function modelFromTptp(text: string, file = 'model'): Result<FiniteModel, string> {
  const roles = new Map<string, string>();
  const renamed = text.replace(FI_ROLE, (_m, head: string, role: string, tail: string) => {
    const name = unquoteName(head.slice(head.indexOf('(') + 1, head.lastIndexOf(',')).trim());
    roles.set(name, role);
    return head + 'axiom'.padEnd(role.length) + tail;
  });
  const parsed = parseProblem(renamed, { file, dialect: 'tptp' });
  if (!parsed.ok) {
    const e = parsed.error;
    return err(`${e.file ?? file}:${e.line}:${e.col}: ${e.message}`);
  }
  const stmts = parsed.value.statements.filter((s) => roles.has(s.name));
  const domainStmt = stmts.filter((s) => roles.get(s.name) === 'fi_domain');
  if (domainStmt.length !== 1) return err(`${file}: expected exactly one fi_domain statement, found ${domainStmt.length}`);
  let dom = domainStmt[0]!.formula;
  if (dom.kind !== 'forall' || dom.vars.length !== 1) return err(`${file}: fi_domain must read ![X]: (X = e0 | X = e1 | ...)`);
  const v = dom.vars[0]!;
  dom = dom.body;
  const index = new Map<string, number>();
  for (const d of disjuncts(dom)) {
    if (d.kind !== 'eq') return err(`${file}: fi_domain: expected X = element, found ${printFormula(d, 'tptp')}`);
    const [x, e] = d.left.kind === 'var' && d.left.name === v ? [d.left, d.right] : [d.right, d.left];
    if (x.kind !== 'var' || x.name !== v || e.kind !== 'app' || e.args.length !== 0)
      return err(`${file}: fi_domain: expected ${v} = element, found ${printFormula(d, 'tptp')}`);
    if (index.has(e.fn)) return err(`${file}: fi_domain: element ${e.fn} listed twice`);
    index.set(e.fn, index.size);
  }
  const n = index.size;
  const m: Mutable = { functions: {}, predicates: {} };
  const elementOf = (t: Term, where: string): number | string => {
    const d = t.kind === 'app' && t.args.length === 0 ? index.get(t.fn) : undefined;
    return d ?? `${where}: ${printTerm(t, 'tptp')} is not a domain element`;
  };
  const cell = (args: readonly Term[], where: string): number | string => {
    let idx = 0;
    for (const a of args) {
      const d = elementOf(a, where);
      if (typeof d === 'string') return d;
      idx = idx * n + d;
    }
    return idx;
  };
  for (const s of stmts) {
    const role = roles.get(s.name);
    if (role === 'fi_domain') continue;
    for (const c of conjuncts(s.formula)) {
      const where = `${file}: ${s.name}`;
      if (role === 'fi_functors') {
        if (c.kind !== 'eq' || c.left.kind !== 'app')
          return err(`${where}: expected f(elements) = element, found ${printFormula(c, 'tptp')}`);
        const { fn, args } = c.left;
        const val = elementOf(c.right, where);
        if (typeof val === 'string') return err(val);
        const idx = cell(args, where);
        if (typeof idx === 'string') return err(idx);
        const f = (m.functions[fn] ??= { arity: args.length, table: new Array<number | undefined>(n ** args.length) });
        if (f.arity !== args.length) return err(`${where}: ${fn} used with arities ${f.arity} and ${args.length}`);
        if (f.table[idx] !== undefined && f.table[idx] !== val) return err(`${where}: ${printTerm(c.left, 'tptp')} given two values`);
        f.table[idx] = val;
      } else {
        const positive = c.kind !== 'not';
        const a = c.kind === 'not' ? c.arg : c;
        if (a.kind !== 'atom') return err(`${where}: expected p(elements) or ~p(elements), found ${printFormula(c, 'tptp')}`);
        const idx = cell(a.args, where);
        if (typeof idx === 'string') return err(idx);
        const p = (m.predicates[a.pred] ??= { arity: a.args.length, table: new Array<boolean | undefined>(n ** a.args.length) });
        if (p.arity !== a.args.length) return err(`${where}: ${a.pred} used with arities ${p.arity} and ${a.args.length}`);
        if (p.table[idx] !== undefined && p.table[idx] !== positive) return err(`${where}: ${printFormula(a, 'tptp')} given both values`);
        p.table[idx] = positive;
      }
    }
  }
  return complete(m, n, file);
}

function complete(m: Mutable, n: number, file: string): Result<FiniteModel, string> {
  for (const [f, { table }] of Object.entries(m.functions)) {
    const missing = table.findIndex((x) => x === undefined);
    if (missing >= 0 || table.length === 0) return err(`${file}: function ${f} has no value for argument tuple #${missing}`);
  }
  for (const [p, { table }] of Object.entries(m.predicates)) {
    const missing = table.findIndex((x) => x === undefined);
    if (missing >= 0) return err(`${file}: predicate ${p} has no value for argument tuple #${missing}`);
  }
  for (const t of [...Object.values(m.functions), ...Object.values(m.predicates)])
    for (let i = 0; i < t.table.length; i++) if (!(i in t.table)) return err(`${file}: incomplete table`);
  return ok({ domainSize: n, functions: m.functions as FiniteModel['functions'], predicates: m.predicates as FiniteModel['predicates'] });
}

/** Reads the first Mace4 `interpretation(N, [...], [function(...), relation(...)])`. */
export function modelFromMace4(text: string, file = 'model'): Result<FiniteModel, string> {
  const start = text.indexOf('interpretation(');
  if (start < 0) return err(`${file}: no interpretation(...) found`);
  const at = (i: number): string => {
    const p = positionAt(text, i);
    return `${file}:${p.line}:${p.col}`;
  };
  const head = /^interpretation\(\s*(\d+)\s*,/.exec(text.slice(start));
  if (!head) return err(`${at(start)}: expected interpretation(SIZE, ...`);
  const n = Number(head[1]);
  if (n < 1 || n > 1_000_000) return err(`${at(start)}: domain size ${n} out of range`);
  const m: Mutable = { functions: {}, predicates: {} };
  const item = /\b(function|relation)\(\s*([^\s(),[\]]+|'(?:[^'\\]|\\.)*')\s*(?:\(([_,\s]*)\))?\s*,\s*\[([^\]]*)\]\s*\)/g;
  item.lastIndex = start;
  let found = 0;
  for (let x = item.exec(text); x; x = item.exec(text)) {
    found++;
    const [, kind, sym, argsText, values] = x as unknown as [string, string, string, string | undefined, string];
    const arity = argsText === undefined ? 0 : argsText.split(',').length;
    const vals = values.split(',').map((s) => s.trim());
    if (vals.length !== n ** arity) return err(`${at(x.index)}: ${sym} needs ${n ** arity} values, found ${vals.length}`);
    const nums = vals.map(Number);
    if (nums.some((v) => !Number.isInteger(v) || v < 0 || v >= (kind === 'function' ? n : 2)))
      return err(`${at(x.index)}: ${sym}: values must be ${kind === 'function' ? `0..${n - 1}` : '0 or 1'}`);
    const name = sym.startsWith("'") ? sym.slice(1, -1).replace(/\\(.)/g, '$1') : sym;
    if (kind === 'function') m.functions[name] = { arity, table: nums };
    else m.predicates[name] = { arity, table: nums.map((v) => v === 1) };
  }
  // A problem without symbols (e.g. `cnf(c, axiom, $true)`) has the empty interpretation `[ ]`.
  if (found === 0 && !/^interpretation\(\s*\d+\s*,\s*\[[^\]]*\]\s*,\s*\[\s*\]\s*\)/.test(text.slice(start)))
    return err(`${at(start)}: the interpretation lists no function or relation`);
  return complete(m, n, file);
}

/** Reads either format, recognised by content. */
export function readModel(text: string, file = 'model'): Result<FiniteModel, string> {
  return /^\s*interpretation\(/m.test(text) && !/fi_domain/.test(text) ? modelFromMace4(text, file) : modelFromTptp(text, file);
}
