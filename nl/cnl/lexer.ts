/** Tokens of controlled English: words and the punctuation that matters (`,` `.`), with 1-based word positions for errors. */
export interface Token {
  /** Lowercased word or punctuation. */
  readonly w: string;
  /** As written (names keep their capitals). */
  readonly raw: string;
  /** 1-based position among the sentence's tokens. */
  readonly n: number;
}

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/[A-Za-z][A-Za-z'-]*|[0-9]+|[.,!?;:]|\S/g)) {
    out.push({ w: m[0].toLowerCase(), raw: m[0], n: out.length + 1 });
  }
  return out;
}
