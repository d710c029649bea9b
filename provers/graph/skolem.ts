/**
 * Symbols the clausifier introduced (Skolem functions and constants, definition
 * predicates), found in a proof graph and explained in words.
 *
 * Why from the graph and not from the clausifier's own list: the same reading then
 * serves our proofs, E's and Vampire's imported TSTP (`esk1_0`, `sK0`) and a model's
 * preprocessing, and it names the statement each symbol came from — which is what a
 * reader needs to make sense of `sk1(X3)` in a step.
 */
import type { GraphIndex, GraphNode, ProofGraph } from './model.js';
import { UNPRINTED_TEXT, indexGraph, topoOrder } from './model.js';

/** Rules that introduce a Skolem symbol: ours and E's `skolemize`, Vampire's `skolemisation`. */
const SKOLEM_RULES: ReadonlySet<string> = new Set(['skolemize', 'skolemisation']);
/** Rules that introduce a definition symbol: ours and E's `definition`, Vampire's naming step. */
const DEFINITION_RULES: ReadonlySet<string> = new Set(['definition', 'predicate definition introduction']);

/** `other`: introduced by a rule not known to introduce symbols (a prover's splitting, say). */
export type IntroducedKind = 'skolem' | 'definition' | 'other';

/** One introduced symbol: where it first appears and what it stands for. */
export interface IntroducedSymbol {
  readonly symbol: string;
  readonly arity: number;
  readonly kind: IntroducedKind;
  /** The step that introduced it (node id) and its number as shown. */
  readonly step: string;
  readonly label: string;
  /** The statement (name, as the input node shows it) it came from, if the graph reaches one. */
  readonly statement?: string;
  /** That statement's role (axiom, conjecture, negated_conjecture, …). */
  readonly role?: string;
  /** As it is written in the introducing step, e.g. `sk1(X2)`. */
  readonly written: string;
}

/** Largest text scanned for symbols: beyond this a node's text is not read (it is shown shortened anyway). */
const MAX_SCAN = 20_000;

/** Function and predicate symbols written in a formula's text, with their arities and first occurrence. */
export function symbolsIn(text: string): Map<string, { readonly arity: number; readonly written: string }> {
  const out = new Map<string, { arity: number; written: string }>();
  const s = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    // A quoted atom or string is skipped whole: its letters are not symbols of their own.
    if (c === 39 || c === 34) {
      const end = s.indexOf(s[i]!, i + 1);
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    if (!isIdentStart(c) || (i > 0 && isIdentPart(s.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isIdentPart(s.charCodeAt(j))) j++;
    const name = s.slice(i, j);
    // Variables start with a capital letter or an underscore; `$true` and friends are not symbols.
    if (isLower(c) && !out.has(name)) {
      const call = s[j] === '(' ? argumentsAt(s, j) : undefined;
      out.set(name, { arity: call?.arity ?? 0, written: call ? s.slice(i, call.end) : name });
    }
    i = j;
  }
  return out;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
/** `$` starts a word too, so that `$true` is read whole (and then not taken for a symbol). */
function isIdentStart(c: number): boolean {
  return isLower(c) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** The arity of the argument list opening at `open` (top-level commas + 1) and the index after its `)`. */
function argumentsAt(s: string, open: number): { arity: number; end: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let k = open; k < s.length; k++) {
    const ch = s[k];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      depth--;
      if (depth === 0) return { arity: commas + 1, end: k + 1 };
    } else if (ch === ',' && depth === 1) commas++;
  }
  return undefined;
}

/**
 * Every symbol the derivation uses that no input statement has: the clausifier's (or the prover's)
 * own, named by the first step that writes it. Its kind comes from the rule of that step or of the
 * unprinted intermediate steps just above it (E nests `skolemize` inside `distribute`).
 */
export function introducedSymbols(g: ProofGraph): IntroducedSymbol[] {
  const ix = indexGraph(g);
  const signature = new Set<string>();
  for (const n of g.nodes) if (n.kind === 'input' && n.text !== UNPRINTED_TEXT) for (const k of symbolsIn(n.text).keys()) signature.add(k);
  const out: IntroducedSymbol[] = [];
  for (const i of topoOrder(g, ix)) {
    const node = g.nodes[i]!;
    if (node.kind === 'input' || node.text === UNPRINTED_TEXT) continue;
    let kind: IntroducedKind | undefined;
    let origin: { name?: string; role?: string } | undefined;
    for (const [symbol, { arity, written }] of symbolsIn(node.text)) {
      if (signature.has(symbol)) continue;
      signature.add(symbol);
      kind ??= kindAt(g, ix, i);
      origin ??= inputOf(g, ix, i) ?? {};
      out.push({
        symbol,
        arity,
        kind,
        step: node.id,
        label: node.label,
        written,
        ...(origin.name !== undefined ? { statement: origin.name } : {}),
        ...(origin.role !== undefined ? { role: origin.role } : {}),
      });
    }
  }
  return out;
}

/** The introducing rule: node `i`'s own, else that of an unprinted step just above it. */
function kindAt(g: ProofGraph, ix: GraphIndex, i: number): IntroducedKind {
  const stack = [i];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    const rule = g.nodes[k]!.rule;
    if (SKOLEM_RULES.has(rule)) return 'skolem';
    if (DEFINITION_RULES.has(rule)) return 'definition';
    for (const p of ix.parents[k]!) if (g.nodes[p]!.text === UNPRINTED_TEXT) stack.push(p);
  }
  return 'other';
}

/** The nearest input ancestor of node `i` (breadth first), as a statement name and role. */
function inputOf(g: ProofGraph, ix: GraphIndex, i: number): { name?: string; role?: string } | undefined {
  const seen = new Set<number>([i]);
  let frontier = [i];
  let role: string | undefined;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const k of frontier) {
      const n = g.nodes[k]!;
      // A negated conjecture is named for what it negates: the conjecture above it.
      if (n.role === 'negated_conjecture') role ??= 'negated_conjecture';
      if (n.kind === 'input' || ix.parents[k]!.length === 0) return { name: statementName(n), role: role ?? n.role };
      for (const p of ix.parents[k]!)
        if (!seen.has(p)) {
          seen.add(p);
          next.push(p);
        }
    }
    frontier = next;
  }
  return role ? { role } : undefined;
}

/** `file:name` sources are shown by the statement's name; an unnamed input by its step number. */
function statementName(n: GraphNode): string {
  if (n.source === undefined) return n.label;
  const colon = n.source.lastIndexOf(':');
  return colon >= 0 ? n.source.slice(colon + 1) : n.source;
}

/** One sentence saying what an introduced symbol stands for. */
export function explainIntroduced(s: IntroducedSymbol): string {
  const from = s.statement !== undefined ? `statement ${s.statement}` : 'the input';
  const args = s.written.slice(s.symbol.length + 1, -1).trim();
  if (s.kind === 'other')
    return `${s.symbol}/${s.arity} was introduced by the prover at step ${s.label} (from ${from}); it is not one of your symbols.`;
  if (s.kind === 'definition')
    return `${s.symbol}/${s.arity} is a definition symbol: it abbreviates a subformula of ${from} so that the clause form stays small (definitional renaming). It is not one of your symbols.`;
  const conjecture = s.role === 'conjecture' || s.role === 'negated_conjecture';
  const refute = `to refute ${from} the prover assumes it false`;
  if (s.arity === 0)
    return conjecture
      ? `${s.symbol} is a Skolem constant from the negated conjecture: ${refute}, and ${s.symbol} names an object that this assumption says exists. It is not one of your symbols.`
      : `${s.symbol} is a Skolem constant: it names an object that ${from} says exists (∃). It is not one of your symbols; clausification introduced it.`;
  return conjecture
    ? `${s.written} is a Skolem function from the negated conjecture: ${refute}, and ${s.written} names, for each ${args}, an object that this assumption says exists. It is not one of your symbols.`
    : `${s.written} is a Skolem function: for each ${args}, it names a witness of the ∃ in ${from}, so the witness may depend on ${args}. It is not one of your symbols; clausification introduced it.`;
}

/** The introduced symbols written in a text (e.g. a step's formula), in the order of `all`. */
export function introducedIn(text: string, all: readonly IntroducedSymbol[]): IntroducedSymbol[] {
  if (all.length === 0) return [];
  const here = symbolsIn(text);
  return all.filter((s) => here.has(s.symbol));
}
