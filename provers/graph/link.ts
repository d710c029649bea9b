/**
 * Linking a proof graph with the problem text it was proved from, both ways:
 * a step selects the source lines of its input formula (a derived step: of the
 * inputs it came from), and a cursor line in an annotated formula names every
 * step that formula feeds.
 *
 * Inputs carry their statement's name (`source`: `name`, `file:name`, or a
 * Prover9 label list `a, b`); statements are located by the parser (`line`, the
 * first line of each statement). The line range of a statement is found in the
 * text itself: from its first line to the line that ends it with `.` (TPTP
 * `fof(…).`, LADR `formula.`), never past the next statement's first line.
 * Pure: strings and the graph in, plain data out.
 */
import type { GraphIndex, ProofGraph } from './model.js';
import { indexGraph } from './model.js';

/** A 1-based, inclusive range of whole lines. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** A statement as the parser reports it (ParseOutcome.statements). */
export interface StatementPos {
  readonly name: string;
  readonly line?: number;
}

/** A statement's name with its line range in the text. */
export interface StatementRange extends LineRange {
  readonly name: string;
}

/** Text of a line with a `%` comment removed (TPTP and LADR), outside quotes. */
function codeOf(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '%') return line.slice(0, i);
  }
  return line;
}

/**
 * Each located statement's line range. Statements without a line, or with a line
 * outside the text, are left out; a statement that shares its first line with
 * the next one is that one line.
 */
export function statementRanges(text: string, statements: readonly StatementPos[]): StatementRange[] {
  const lines = text.split(/\r\n|\n|\r/);
  const located = statements
    .filter((s): s is StatementPos & { line: number } => Number.isInteger(s.line) && s.line! >= 1 && s.line! <= lines.length)
    .map((s, k) => ({ name: s.name, line: s.line, k }))
    .sort((a, b) => a.line - b.line || a.k - b.k);
  const out: StatementRange[] = [];
  for (let i = 0; i < located.length; i++) {
    const s = located[i]!;
    const next = located[i + 1];
    const limit = next === undefined ? lines.length : Math.max(s.line, next.line - 1);
    let end = s.line;
    let lastCode = s.line;
    for (let l = s.line; l <= limit; l++) {
      const code = codeOf(lines[l - 1]!).trimEnd();
      if (code.trim() !== '') lastCode = l;
      if (code.endsWith('.')) {
        end = l;
        break;
      }
      end = lastCode;
    }
    out.push({ name: s.name, startLine: s.line, endLine: end });
  }
  return out;
}

/** The statement names a step's `source` refers to (`name`, `file:name`, `a, b`). */
export function sourceNames(source: string | undefined): string[] {
  if (source === undefined) return [];
  return source
    .split(',')
    .map((p) => p.trim())
    .map((p) => p.slice(p.lastIndexOf(':') + 1).trim())
    .filter((p) => p !== '');
}

/**
 * The source lines a step stands for: an input's own statement; for a derived step,
 * the statements of the inputs it came from (its ancestors with a source), in text
 * order. Empty when none of them is in the text.
 */
export function rangesForStep(g: ProofGraph, id: string, ranges: readonly StatementRange[], ix: GraphIndex = indexGraph(g)): LineRange[] {
  const start = ix.byId.get(id);
  if (start === undefined) return [];
  const byName = new Map<string, StatementRange>();
  for (const r of ranges) if (!byName.has(r.name)) byName.set(r.name, r);
  const own = sourceNames(g.nodes[start]!.source).flatMap((n) => (byName.has(n) ? [byName.get(n)!] : []));
  const found = new Set<StatementRange>(own);
  if (found.size === 0) {
    // The inputs it came from: every ancestor that names a statement (a walk, not a recursion: proofs are deep).
    const seen = new Uint8Array(g.nodes.length);
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const p of ix.parents[i]!) {
        if (seen[p]) continue;
        seen[p] = 1;
        for (const n of sourceNames(g.nodes[p]!.source)) {
          const r = byName.get(n);
          if (r) found.add(r);
        }
        stack.push(p);
      }
    }
  }
  return [...found].sort((a, b) => a.startLine - b.startLine).map((r) => ({ startLine: r.startLine, endLine: r.endLine }));
}

/** The statement whose lines hold `line`, if any (the innermost: the latest one starting at or before it). */
export function statementAt(ranges: readonly StatementRange[], line: number): StatementRange | undefined {
  let best: StatementRange | undefined;
  for (const r of ranges) if (r.startLine <= line && line <= r.endLine && (!best || r.startLine >= best.startLine)) best = r;
  return best;
}

/**
 * Every step the statement at `line` feeds: the steps that name it as their source
 * and all their descendants. Empty when the line is in no statement, or the
 * statement is not used by the proof.
 */
export function stepsFedBy(
  g: ProofGraph,
  ranges: readonly StatementRange[],
  line: number,
  ix: GraphIndex = indexGraph(g),
): { statement?: string; steps: string[] } {
  const st = statementAt(ranges, line);
  if (!st) return { steps: [] };
  const seen = new Uint8Array(g.nodes.length);
  const stack: number[] = [];
  for (let i = 0; i < g.nodes.length; i++)
    if (sourceNames(g.nodes[i]!.source).includes(st.name)) {
      seen[i] = 1;
      stack.push(i);
    }
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const c of ix.children[i]!)
      if (!seen[c]) {
        seen[c] = 1;
        stack.push(c);
      }
  }
  const steps: string[] = [];
  for (let i = 0; i < g.nodes.length; i++) if (seen[i]) steps.push(g.nodes[i]!.id);
  return { statement: st.name, steps };
}
