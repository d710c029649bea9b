/** Tokens of controlled English: words and the punctuation that matters, with 1-based positions for errors. */
export interface Token {
  /** Lowercased word or punctuation. */
  readonly w: string;
  /** As written (names keep their capitals). */
  readonly raw: string;
  /** 1-based position among the sentence's tokens. */
  readonly n: number;
  /** A quoted title ("Black Mirror"): always a name. */
  readonly quoted?: boolean;
}

/** Longest sentence read: a bound on work for hostile input (the grammar backtracks). */
export const MAX_TOKENS = 80;

/** Contractions are read as their two words, so the grammar sees one form of each construction. */
const CONTRACTIONS: Readonly<Record<string, readonly [string, string]>> = {
  "doesn't": ['does', 'not'],
  "don't": ['do', 'not'],
  "isn't": ['is', 'not'],
  "aren't": ['are', 'not'],
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
};

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/"[^"]{1,60}"|“[^”]{1,60}”|[A-Za-z][A-Za-z'-]*|[0-9]+|[.,!?;:]|\S/g)) {
    const raw = m[0];
    if (/^["“]/.test(raw)) {
      const inner = raw.slice(1, -1).trim();
      out.push({
        w:
          inner
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '_')
            .replace(/^_|_$/g, '') || 'quoted',
        raw: inner,
        n: out.length + 1,
        quoted: true,
      });
      continue;
    }
    const lower = raw.toLowerCase();
    const c = CONTRACTIONS[lower];
    if (c) {
      out.push({ w: c[0], raw: c[0], n: out.length + 1 });
      out.push({ w: c[1], raw: c[1], n: out.length + 1 });
    } else out.push({ w: lower, raw, n: out.length + 1 });
  }
  return out;
}
