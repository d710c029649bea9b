/**
 * A tiny reader for the Prolog-like terms that annotate external proofs
 * (TSTP `inference(rule, [status(thm)], [c_0_1, inference(...)])`, Prover9
 * justifications `[para(4(a,1),5(a,1,2)),flip(a)]`). Only structure matters
 * here, so every leaf is kept as its source text.
 */
import type { Result } from '../logic/index.js';

export type STerm =
  | { readonly kind: 'leaf'; readonly text: string }
  | { readonly kind: 'fn'; readonly name: string; readonly args: readonly STerm[] }
  | { readonly kind: 'list'; readonly items: readonly STerm[] };

export interface STermError {
  readonly offset: number;
  readonly message: string;
}

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_$.+-]/.test(c);
}

/** Index just past a quoted string starting at `i` (TPTP quotes escape with backslash). */
export function skipQuoted(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

/** Parse one term (a name, number, quoted atom, `f(args)` or `[items]`). */
export function parseSTerm(s: string): Result<STerm, STermError> {
  // Iterative: a stack of open frames, each collecting its items.
  interface Frame {
    readonly name: string | null; // null = list
    readonly items: STerm[];
    readonly start: number;
  }
  const frames: Frame[] = [{ name: '', items: [], start: 0 }];
  let i = 0;
  const skipWs = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const fail = (message: string): Result<STerm, STermError> => ({ ok: false, error: { offset: i, message } });
  for (;;) {
    skipWs();
    if (i >= s.length) return fail('unexpected end of term');
    const c = s[i]!;
    let leaf: string | null = null;
    if (c === '[') {
      frames.push({ name: null, items: [], start: i });
      i++;
      skipWs();
      if (s[i] === ']') {
        i++;
        frames.pop();
        frames[frames.length - 1]!.items.push({ kind: 'list', items: [] });
      } else continue;
    } else if (c === "'" || c === '"') {
      const j = skipQuoted(s, i);
      leaf = s.slice(i, j);
      i = j;
    } else if (isWordChar(c)) {
      let j = i;
      while (j < s.length && isWordChar(s[j]!)) j++;
      const word = s.slice(i, j);
      i = j;
      if (s[i] === '(') {
        frames.push({ name: word, items: [], start: i });
        i++;
        continue;
      }
      leaf = word;
    } else return fail(`unexpected '${c}'`);
    if (leaf !== null) frames[frames.length - 1]!.items.push({ kind: 'leaf', text: leaf });
    // After an item: a separator or closers.
    for (;;) {
      skipWs();
      const top = frames[frames.length - 1]!;
      if (frames.length === 1) {
        if (i < s.length) return fail(`unexpected '${s[i]}' after term`);
        return { ok: true, value: top.items[0]! };
      }
      const d = s[i];
      if (d === ',') {
        i++;
        break;
      }
      const closer = top.name === null ? ']' : ')';
      if (d !== closer) return fail(d === undefined ? 'unexpected end of term' : `expected '${closer}' or ',' but found '${d}'`);
      i++;
      frames.pop();
      const parent = frames[frames.length - 1]!;
      parent.items.push(top.name === null ? { kind: 'list', items: top.items } : { kind: 'fn', name: top.name, args: top.items });
    }
  }
}

/** Split `text` at top-level commas (outside (), [] and quotes). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i = skipQuoted(text, i) - 1;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

export function stermText(t: STerm): string {
  switch (t.kind) {
    case 'leaf':
      return t.text;
    case 'list':
      return `[${t.items.map(stermText).join(',')}]`;
    case 'fn':
      return `${t.name}(${t.args.map(stermText).join(',')})`;
  }
}
