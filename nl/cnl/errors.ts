/** What a sentence that is not understood reports: where, what was expected there, and a rewrite that the grammar reads. */
export interface CnlError {
  /** 1-based word position (punctuation counts as a word). */
  readonly word: number;
  readonly found: string;
  readonly message: string;
  /** What the grammar could have read at that position. */
  readonly expected?: readonly string[];
  /** A rewrite of the sentence (or a pattern for one) in the grammar. */
  readonly suggestion?: string;
}

export function formatCnlError(e: CnlError, sentence?: string): string {
  const where = `not understood at word ${e.word} ('${e.found}'): ${e.message}`;
  return `${where}${sentence !== undefined ? ` in "${sentence}"` : ''}${e.suggestion ? `; try: ${e.suggestion}` : ''}`;
}

/** Words outside the grammar, with how to say the same thing inside it. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  most: "say 'all' or 'some' (the grammar has no 'most'): 'Some dogs are big.'",
  many: "say 'some' or 'all': 'Some dogs are big.'",
  few: "say 'some' or 'no': 'Some dogs are big.'",
  several: "say 'some': 'Some dogs are big.'",
  usually: "drop the adverb or say 'every'/'some': 'Every dog barks.'",
  often: "drop the adverb: 'Bob runs.'",
  sometimes: "say 'some': 'Some dogs bark.'",
  always: "drop 'always': 'Every dog barks.'",
  because: "split into two sentences or use 'if … then …': 'If Bob is tired then Bob sleeps.'",
  although: 'split into two sentences.',
  but: "use 'and': 'Bob is big and Bob is not red.'",
  was: "write in the present tense: 'Bob is big.'",
  were: "write in the present tense: 'Bob and Ann are big.'",
  than: "comparatives are not in the grammar: name the relation, 'Bob is taller than Ann' → 'Bob exceeds Ann.'",
  whose: "use 'who has': 'every man who has a car'.",
  when: "use 'if … then …': 'If Bob is tired then Bob sleeps.'",
  whenever: "use 'if … then …': 'If something is wet then it is cold.'",
};

/** A rewrite for a failure: a word the grammar lacks gets its own advice, otherwise the construction the sentence started. */
export function suggest(words: readonly string[], at: number): string {
  const w = words[at - 1];
  if (w !== undefined && UNSUPPORTED[w]) return UNSUPPORTED[w];
  if (w !== undefined && w.endsWith('ly') && w.length > 4) return `drop the adverb '${w}' or name it as an adjective: 'Bob is quick.'`;
  const first = words[0];
  if (first === 'if') return "'If <subject> <verb phrase> then <subject> <verb phrase>.' e.g. 'If something is red then it is warm.'";
  if (first === 'every' || first === 'each' || first === 'all' || first === 'no' || first === 'some')
    return `'${first} <adjectives> <noun> ${first === 'all' ? 'are' : 'is'} <adjective | a noun>.' e.g. '${first === 'all' ? 'All cats are mammals' : `${first.charAt(0).toUpperCase()}${first.slice(1)} cat is a mammal`}.'`;
  return "'<Name | the noun | a noun | nouns> is/are <adjective | a noun>.' or '<subject> <verb>s <object>.' e.g. 'Bob likes the cat.'";
}
