/**
 * Importer for Prover9 proofs (the text between `== PROOF ==` and `== end of proof ==`).
 * Each line is `<id> <formula> [# attributes].  [<justification>].`, e.g.
 *   `3 -man(x) | mortal(x).  [clausify(1)].`
 *   `9 f(x,e) = x.  [para(4(a,1),5(a,1,2)),rewrite([6(3)]),flip(a)].`
 * In a justification, clause ids are the integer arguments of a step
 * (`resolve(3,a,4,a)`, `unit_del(a,5)`) and the integer functors of position
 * terms (`4(a,1)`, `6(3)` inside `rewrite([...])`); integers inside a position
 * term are positions, not ids.
 *
 * Written from the documented LADR output format: Prover9 is not installed here,
 * so the tests use proof texts written by hand in exactly that format.
 */
import type { Result } from '../logic/index.js';
import type { GraphEdge, GraphNode, NodeKind, ProofGraph } from './model.js';
import { numberGraph, pruneToRoot } from './model.js';
import type { STerm } from './sterm.js';
import { parseSTerm, stermText } from './sterm.js';
import type { ImportError } from './tstp.js';
import { displayFormula, parseFormula } from '../logic/syntax/index.js';

const PREPROCESSING = new Set(['clausify', 'deny', 'copy']);

/** LADR formula text with Entail's connectives, for display only. */
export function ladrToDisplay(s: string): string {
  let out = s
    .replace(/\$F\b/g, '⊥')
    .replace(/\$T\b/g, '⊤')
    .replace(/<->/g, ' ↔ ')
    .replace(/->/g, ' → ')
    .replace(/<-/g, ' ← ')
    .replace(/!=/g, ' ≠ ')
    .replace(/\s*\|\s*/g, ' ∨ ')
    .replace(/\s*&\s*/g, ' ∧ ')
    .replace(/\ball\s+([A-Za-z_][A-Za-z0-9_]*)\s*/g, '∀$1 ')
    .replace(/\bexists\s+([A-Za-z_][A-Za-z0-9_]*)\s*/g, '∃$1 ');
  // Prefix '-' is negation (at the start, or after an operator or an opening parenthesis);
  // applied twice because a match consumes the character before the next '-' (as in `--p`).
  out = out.replace(/(^|[\s(∨∧→↔¬])-(?=[A-Za-z_(¬$-])/g, '$1¬');
  out = out.replace(/(^|[\s(∨∧→↔¬])-(?=[A-Za-z_(¬$-])/g, '$1¬');
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Entail syntax via the LADR parser for prefix formulas; LADR's infix and postfix
 * operators (`x * y`, `x'`) keep their own notation through the text translation.
 */
export function displayLadr(formula: string): string {
  if (!/[*+/'^@]/.test(formula)) {
    const r = parseFormula(formula, 'ladr');
    if (r.ok) return displayFormula(r.value);
  }
  return ladrToDisplay(formula);
}

/** Clause ids a justification cites, in order of first mention. */
export function justificationParents(just: readonly STerm[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (s: string): void => {
    const k = Number(s);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  };
  const stack: STerm[] = [];
  // The step names themselves (resolve, rewrite, flip...) are function terms; their args hold ids.
  for (let i = just.length - 1; i >= 0; i--) {
    const t = just[i]!;
    if (t.kind === 'fn') for (let k = t.args.length - 1; k >= 0; k--) stack.push(t.args[k]!);
  }
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind === 'leaf') {
      if (/^\d+$/.test(t.text)) add(t.text);
    } else if (t.kind === 'list') {
      for (let k = t.items.length - 1; k >= 0; k--) stack.push(t.items[k]!);
    } else if (/^\d+$/.test(t.name)) {
      add(t.name); // `6(3)`: clause 6 at position 3
    } else {
      for (let k = t.args.length - 1; k >= 0; k--) stack.push(t.args[k]!);
    }
  }
  return out;
}

interface P9Line {
  readonly id: string;
  readonly formula: string;
  readonly attrs: string;
  readonly just: readonly STerm[];
  readonly line: number;
}

function parseLine(raw: string, line: number): Result<P9Line | null, ImportError> {
  const s = raw.trim();
  if (s === '' || s.startsWith('%') || s.startsWith('=')) return { ok: true, value: null };
  const m = /^(\d+)\s+(.*)$/.exec(s);
  if (!m) return { ok: true, value: null };
  const rest = m[2]!;
  // The justification is the last `[...]` followed by '.', preceded by the formula's '.'.
  const jEnd = rest.lastIndexOf('].');
  const jStart = jEnd < 0 ? -1 : findOpen(rest, jEnd);
  if (jStart < 0) return { ok: false, error: { line, message: 'missing justification [...]' } };
  const before = rest.slice(0, jStart).trim();
  if (!before.endsWith('.')) return { ok: false, error: { line, message: "expected '.' before the justification" } };
  const body = before.slice(0, -1);
  const hash = body.indexOf(' # ');
  const formula = (hash < 0 ? body : body.slice(0, hash)).trim();
  const attrs = hash < 0 ? '' : body.slice(hash + 3).trim();
  const jt = parseSTerm(rest.slice(jStart, jEnd + 1));
  if (!jt.ok) return { ok: false, error: { line, message: `bad justification: ${jt.error.message}` } };
  if (jt.value.kind !== 'list') return { ok: false, error: { line, message: 'justification is not a list' } };
  return { ok: true, value: { id: m[1]!, formula, attrs, just: jt.value.items, line } };
}

function findOpen(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (s[i] === ']') depth++;
    else if (s[i] === '[') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Import every proof in a Prover9 output (or a bare list of proof lines). */
export function fromProver9All(text: string, title = 'Prover9 proof'): Result<ProofGraph[], ImportError> {
  const lines = text.split(/\r?\n/);
  const blocks: { start: number; lines: string[] }[] = [];
  let cur: { start: number; lines: string[] } | null = null;
  const hasMarkers = /=+ PROOF =+/.test(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/=+ PROOF =+/.test(l)) {
      cur = { start: i + 2, lines: [] };
      blocks.push(cur);
    } else if (/=+ end of proof =+/.test(l)) cur = null;
    else if (cur) cur.lines.push(l);
  }
  if (!hasMarkers) blocks.push({ start: 1, lines });
  const graphs: ProofGraph[] = [];
  for (const b of blocks) {
    const parsed: P9Line[] = [];
    for (let k = 0; k < b.lines.length; k++) {
      const r = parseLine(b.lines[k]!, b.start + k);
      if (!r.ok) return r;
      if (r.value) parsed.push(r.value);
    }
    if (parsed.length === 0) continue;
    graphs.push(buildGraph(parsed, blocks.length > 1 ? `${title} ${graphs.length + 1}` : title));
  }
  if (graphs.length === 0) return { ok: false, error: { line: 1, message: 'no Prover9 proof lines found' } };
  return { ok: true, value: graphs };
}

/** Import the first proof in a Prover9 output. */
export function fromProver9(text: string, title?: string): Result<ProofGraph, ImportError> {
  const r = fromProver9All(text, title);
  return r.ok ? { ok: true, value: r.value[0]! } : r;
}

function buildGraph(lines: readonly P9Line[], title: string): ProofGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let root: string | undefined;
  for (const l of lines) {
    const first = l.just[0];
    const rule = first === undefined ? 'unknown' : first.kind === 'fn' ? first.name : stermText(first);
    const isGoal = rule === 'goal' || /label\(goal\)/.test(l.attrs);
    const label = /label\(([^)]*)\)/g;
    const labels: string[] = [];
    for (let m = label.exec(l.attrs); m; m = label.exec(l.attrs)) if (m[1] !== 'non_clause' && m[1] !== 'goal') labels.push(m[1]!);
    const kind: NodeKind =
      rule === 'assumption' || rule === 'goal' ? 'input' : PREPROCESSING.has(rule) && l.just.length === 1 ? 'preprocessing' : 'inference';
    nodes.push({
      id: l.id,
      label: l.id,
      text: displayLadr(l.formula),
      rule,
      kind,
      role: isGoal ? 'conjecture' : rule === 'deny' ? 'negated_conjecture' : rule === 'assumption' ? 'axiom' : 'plain',
      ...(labels.length > 0 ? { source: labels.join(', ') } : {}),
      detail: `[${l.just.map(stermText).join(',')}]`,
    });
    for (const p of justificationParents(l.just)) edges.push({ from: String(p), to: l.id });
    if (l.formula === '$F') root = l.id;
  }
  root ??= lines[lines.length - 1]!.id;
  const g: ProofGraph = {
    title,
    origin: 'prover9',
    nodes: nodes.map((n) => (n.id === root ? { ...n, kind: 'theorem' as const } : n)),
    edges,
    root,
    status: root !== undefined && lines.some((l) => l.formula === '$F') ? 'Theorem' : 'Unknown',
  };
  return numberGraph(pruneToRoot(g));
}
