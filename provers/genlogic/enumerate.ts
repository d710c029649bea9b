/**
 * Conjecture generation: enumerate terms over the signature up to a size bound,
 * evaluate each on every assignment of ground numerals 0..n-1 to the variables,
 * and pair terms with equal value vectors (fingerprints). Two terms with
 * different fingerprints form an equation that some ground instance refutes.
 *
 * Only terms whose proper subterms are irreducible by the axioms are built (a
 * redex may sit at the root, so axioms themselves such as x+0 = x can be
 * rediscovered), which keeps the universe small without losing any law
 * between normal forms.
 */
import type { Term } from '../logic/index.js';
import { mkApp, mkVar, termVars } from '../logic/index.js';
import type { GroundEvaluator } from './evaluate.js';
import { UNKNOWN } from './evaluate.js';
import type { RuleSet } from './rewrite.js';
import { showTerm } from './show.js';

export interface FnSym {
  readonly name: string;
  readonly arity: number;
}

export interface EnumTerm {
  readonly term: Term;
  readonly size: number;
  readonly vars: readonly string[];
  /** Value on each test assignment (UNKNOWN anywhere excludes the term from conjectures). */
  readonly values: Int32Array;
  /** Not an instance of an axiom's left-hand side at the root. */
  readonly irreducible: boolean;
  readonly text: string;
  /** `text` with each variable occurrence written as \uE000name\uE001, for fast renaming. */
  readonly tmpl: string;
}

export interface EnumOptions {
  readonly symbols: readonly FnSym[];
  readonly variables: readonly string[];
  readonly maxTermSize: number;
  /** Ground numerals 0..numerals-1 are assigned to each variable. */
  readonly numerals: number;
  readonly zero: string;
  readonly succ: string;
  readonly shouldStop?: () => boolean;
}

/** Every assignment of numerals to the variables, as value ids, in a fixed order. */
export function testAssignments(ev: GroundEvaluator, opts: EnumOptions): Map<string, number>[] {
  const nums: number[] = [];
  let v = ev.apply(opts.zero, []);
  for (let i = 0; i < opts.numerals; i++) {
    nums.push(v);
    v = ev.apply(opts.succ, [v]);
  }
  let envs: Map<string, number>[] = [new Map()];
  for (const x of opts.variables) {
    const next: Map<string, number>[] = [];
    for (const e of envs)
      for (const n of nums) {
        const m = new Map(e);
        m.set(x, n);
        next.push(m);
      }
    envs = next;
  }
  return envs;
}

/** Terms by size (index = size), built bottom-up; values computed from the children's. */
export function enumerateTerms(ev: GroundEvaluator, axioms: RuleSet, opts: EnumOptions): EnumTerm[] {
  const envs = testAssignments(ev, opts);
  const nA = envs.length;
  const bySize: EnumTerm[][] = [[]];
  const all: EnumTerm[] = [];
  const leaf = (t: Term): EnumTerm => {
    const values = new Int32Array(nA);
    for (let a = 0; a < nA; a++) values[a] = ev.evaluate(t, envs[a]!);
    return { term: t, size: 1, vars: termVars(t), values, irreducible: axioms.step(t) === undefined, text: showTerm(t), tmpl: template(t) };
  };
  const leaves: EnumTerm[] = [];
  for (const f of opts.symbols) if (f.arity === 0) leaves.push(leaf(mkApp(f.name, [])));
  for (const x of opts.variables) leaves.push(leaf(mkVar(x)));
  bySize.push(leaves);
  all.push(...leaves);
  for (let size = 2; size <= opts.maxTermSize; size++) {
    const level: EnumTerm[] = [];
    for (const f of opts.symbols) {
      if (f.arity === 0) continue;
      // Distribute size-1 among the arguments (arity 1 or 2 is what the explorer needs; higher arities are enumerated too).
      for (const parts of compositions(size - 1, f.arity)) {
        const pools = parts.map((p) => (bySize[p] ?? []).filter((t) => t.irreducible));
        let n = 0;
        for (const combo of product(pools)) {
          if ((++n & 255) === 0 && opts.shouldStop?.()) return all;
          const t = mkApp(
            f.name,
            combo.map((c) => c.term),
          );
          const values = new Int32Array(nA);
          for (let a = 0; a < nA; a++) {
            let unknown = false;
            const args = combo.map((c) => {
              const v = c.values[a]!;
              if (v === UNKNOWN) unknown = true;
              return v;
            });
            values[a] = unknown ? UNKNOWN : ev.apply(f.name, args);
          }
          const vars: string[] = [];
          const seen = new Set<string>();
          for (const c of combo)
            for (const v of c.vars)
              if (!seen.has(v)) {
                seen.add(v);
                vars.push(v);
              }
          const tmpl = `${f.name}(${combo.map((c) => c.tmpl).join(', ')})`;
          level.push({ term: t, size, vars, values, irreducible: axioms.step(t) === undefined, text: untemplate(tmpl), tmpl });
        }
      }
    }
    bySize.push(level);
    all.push(...level);
  }
  return all;
}

function template(t: Term): string {
  if (t.kind === 'var') return `\uE000${t.name}\uE001`;
  return t.args.length === 0 ? t.fn : `${t.fn}(${t.args.map(template).join(', ')})`;
}

const MARK = /\uE000([^\uE001]*)\uE001/g;

function untemplate(tmpl: string): string {
  return tmpl.replace(MARK, '$1');
}

/** `equationKey` on enumerated terms, by renaming their templates (no term rebuilding). */
function pairKey(l: EnumTerm, r: EnumTerm): string {
  const render = (a: EnumTerm, b: EnumTerm): string => {
    const names = new Map<string, string>();
    for (const v of a.vars) if (!names.has(v)) names.set(v, `V${names.size}`);
    for (const v of b.vars) if (!names.has(v)) names.set(v, `V${names.size}`);
    const ren = (_: string, v: string): string => names.get(v)!;
    return `${a.tmpl.replace(MARK, ren)} = ${b.tmpl.replace(MARK, ren)}`;
  };
  const x = render(l, r);
  const y = render(r, l);
  return x < y ? x : y;
}

function* compositions(total: number, parts: number): Generator<number[]> {
  if (parts === 1) {
    if (total >= 1) yield [total];
    return;
  }
  for (let first = 1; first <= total - (parts - 1); first++)
    for (const rest of compositions(total - first, parts - 1)) yield [first, ...rest];
}

function* product<T>(pools: readonly (readonly T[])[]): Generator<T[]> {
  if (pools.some((p) => p.length === 0)) return;
  const idx = pools.map(() => 0);
  for (;;) {
    yield idx.map((i, k) => pools[k]![i]!);
    let k = pools.length - 1;
    while (k >= 0) {
      idx[k]!++;
      if (idx[k]! < pools[k]!.length) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) return;
  }
}

/** An equation candidate that survived testing. */
export interface Candidate {
  readonly left: Term;
  readonly right: Term;
  readonly size: number;
  /** Canonical text, the same for renamings and for l = r vs r = l. */
  readonly key: string;
  /** How many sides are an axiom redex at the root. */
  readonly redexes: number;
  /** 0 for laws that keep the variables' order and use each once per side; higher is less natural. */
  readonly shape: number;
  /** Distinct variables. */
  readonly nvars: number;
}

export interface CandidateStats {
  /** Pairs of terms within the size bound with compatible variables. */
  readonly generated: number;
  /** Of those, pairs some ground assignment tells apart. */
  readonly refuted: number;
  /** Surviving pairs that were renamings or mirror images of an earlier one. */
  readonly duplicates: number;
  /** Terms with an UNKNOWN value on some assignment (not testable): left out of every pair. */
  readonly untestable: number;
}

function subset(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (!b.includes(x)) return false;
  return true;
}

/**
 * Tie-break among equal-size conjectures: linear laws (each variable once per side)
 * before non-linear ones, and laws that keep the variables' left-to-right order
 * (associativity, distributivity) before permuting ones (left-commutativity), so
 * the textbook form of a law is the one proven and its variants become redundant.
 */
function shapePenalty(a: Term, b: Term): number {
  const occ = (t: Term, out: string[]): string[] => {
    if (t.kind === 'var') out.push(t.name);
    else for (const x of t.args) occ(x, out);
    return out;
  };
  const va = occ(a, []);
  const vb = occ(b, []);
  const nonLinear = new Set(va).size !== va.length || new Set(vb).size !== vb.length ? 1 : 0;
  // Pairs of variables whose order of first occurrence differs between the sides
  // (Kendall distance): 0 for associativity, 1 for commutativity.
  const fa = [...new Set(va)];
  const pb = new Map([...new Set(vb)].map((v, i) => [v, i]));
  let swapped = 0;
  for (let i = 0; i < fa.length; i++)
    for (let j = i + 1; j < fa.length; j++) {
      const x = pb.get(fa[i]!);
      const y = pb.get(fa[j]!);
      if (x !== undefined && y !== undefined && x > y) swapped++;
    }
  // Last tie-break: variables found at different argument positions of one function
  // (x in times(y, x) and in times(x, z)), which mirror images of a law have.
  const slots = new Map<string, Set<string>>();
  const visit = (t: Term): void => {
    if (t.kind === 'var') return;
    t.args.forEach((x, i) => {
      if (x.kind === 'var') {
        let m = slots.get(`${x.name} ${t.fn}`);
        if (!m) slots.set(`${x.name} ${t.fn}`, (m = new Set()));
        m.add(String(i));
      } else visit(x);
    });
  };
  visit(a);
  visit(b);
  let inconsistent = 0;
  for (const m of slots.values()) if (m.size > 1) inconsistent++;
  return 8 * (4 * nonLinear + swapped) + Math.min(inconsistent, 7);
}

/** The equation with every variable replaced by `_` (the law's shape, independent of naming and order). */
export function skeletonKey(l: Term, r: Term): string {
  const sk = (t: Term): string => (t.kind === 'var' ? '_' : t.args.length === 0 ? t.fn : `${t.fn}(${t.args.map(sk).join(',')})`);
  const x = sk(l);
  const y = sk(r);
  return x < y ? `${x}=${y}` : `${y}=${x}`;
}

/** Canonical text of l = r up to variable renaming and symmetry. */
export function equationKey(l: Term, r: Term): string {
  const render = (a: Term, b: Term): string => {
    const names = new Map<string, string>();
    for (const v of [...termVars(a), ...termVars(b)]) if (!names.has(v)) names.set(v, `V${names.size}`);
    const ren = (t: Term): Term => (t.kind === 'var' ? mkVar(names.get(t.name)!) : mkApp(t.fn, t.args.map(ren)));
    return `${showTerm(ren(a))} = ${showTerm(ren(b))}`;
  };
  const x = render(l, r);
  const y = render(r, l);
  return x < y ? x : y;
}

/**
 * Group terms by fingerprint and emit, per group, the pairs within `maxEquationSize`,
 * bigger side on the left; ordered by total size so small lemmas come first.
 */
export function candidates(
  terms: readonly EnumTerm[],
  maxEquationSize: number,
  shouldStop?: () => boolean,
): { candidates: Candidate[]; stats: CandidateStats } {
  // Terms with an UNKNOWN value cannot be tested; they take no part in any pair.
  const testable = terms.filter((t) => !t.values.includes(UNKNOWN));
  const untestableTerms = terms.length - testable.length;
  const groups = new Map<string, EnumTerm[]>();
  for (const t of testable) {
    const k = t.values.join(',');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(t);
  }
  let generated = 0;
  // Pairs over all testable terms (any fingerprint): counted by size and variable-set buckets, not materialized.
  const bucket = new Map<string, number>();
  for (const t of testable) {
    const k = `${t.size}|${[...t.vars].sort().join(',')}`;
    bucket.set(k, (bucket.get(k) ?? 0) + 1);
  }
  const keys = [...bucket.keys()];
  for (let i = 0; i < keys.length; i++)
    for (let j = i; j < keys.length; j++) {
      const [si, vi] = keys[i]!.split('|') as [string, string];
      const [sj, vj] = keys[j]!.split('|') as [string, string];
      if (Number(si) + Number(sj) > maxEquationSize) continue;
      const a = vi === '' ? [] : vi.split(',');
      const b = vj === '' ? [] : vj.split(',');
      if (!subset(a, b) && !subset(b, a)) continue;
      const ni = bucket.get(keys[i]!)!;
      generated += i === j ? (ni * (ni - 1)) / 2 : ni * bucket.get(keys[j]!)!;
    }
  const out: Candidate[] = [];
  const seen = new Set<string>();
  let surviving = 0;
  let duplicates = 0;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    if (shouldStop?.()) break;
    g.sort((a, b) => a.size - b.size || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    for (let j = 1; j < g.length; j++)
      for (let i = 0; i < j; i++) {
        const a = g[i]!;
        const b = g[j]!;
        if (a.size + b.size > maxEquationSize) break;
        if (!subset(a.vars, b.vars) && !subset(b.vars, a.vars)) continue;
        surviving++;
        const key = pairKey(b, a);
        if (seen.has(key)) {
          duplicates++;
          continue;
        }
        seen.add(key);
        out.push({
          left: b.term,
          right: a.term,
          size: a.size + b.size,
          key,
          redexes: (a.irreducible ? 0 : 1) + (b.irreducible ? 0 : 1),
          shape: shapePenalty(b.term, a.term),
          nvars: Math.max(a.vars.length, b.vars.length),
        });
      }
  }
  // Smallest first; at equal size prefer laws between normal forms (s(x)+y = s(x+y) before x+s(y) = s(x)+y).
  // More variables first at equal size: the general law before its special cases.
  out.sort(
    (x, y) =>
      x.size - y.size || x.redexes - y.redexes || y.nvars - x.nvars || x.shape - y.shape || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  return {
    candidates: out,
    stats: { generated, refuted: generated - surviving, duplicates, untestable: untestableTerms },
  };
}
