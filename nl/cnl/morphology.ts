/**
 * English inflection for a grammar with no word list: nouns are related to their
 * plurals by `pluralize` (irregulars, Latin and Greek forms), checked by
 * round-tripping, and by suffix rules for invented words (glorpuses → glorpus,
 * zibbies → zibby); verbs by the third-person rules (chases → chase).
 */
import pluralize from 'pluralize';

/** Endings of singular words that look plural: nervous, glass, cactus, analysis. */
const SINGULAR_S = /(ss|us|is|ous)$/;

/** Suffix rules for words no dictionary knows. */
function ruleSingular(w: string): string {
  if (/[^aeiou]ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ch|sh|x|z|ss|us)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !SINGULAR_S.test(w)) return w.slice(0, -1);
  return w;
}

/** Singular of a noun: mammals → mammal, mice → mouse, glorpuses → glorpus; a singular stays as it is. */
export function singular(w: string): string {
  if (SINGULAR_S.test(w) && !/(uses|sses)$/.test(w)) return w;
  const p = pluralize.singular(w);
  // Trust the library when its answer inflects back to the word (lens → len does not: "len" pluralizes to "lens", so also check the rule).
  if (p !== w && pluralize.plural(p) === w && (p.length >= 4 || ruleSingular(w) === p || !w.endsWith('s'))) return p;
  return ruleSingular(w);
}

/** Whether a word reads as a plural noun: cats, people, mice, glorpuses (not nervous, glass, series). */
export function isPluralNoun(w: string): boolean {
  if (w === 'people' || w === 'things' || w === 'ones') return true;
  if (SINGULAR_S.test(w) && !/(uses|sses)$/.test(w)) return false;
  return singular(w) !== w;
}

const IRREGULAR_3SG: Readonly<Record<string, string>> = { has: 'have', does: 'do', goes: 'go', is: 'be' };

/** Lemma of a third-person-singular verb: chases → chase, watches → watch, flies → fly, has → have; undefined when the word is not one. */
export function verbLemma(w: string): string | undefined {
  const irr = IRREGULAR_3SG[w];
  if (irr) return irr;
  if (w.length < 3 || !w.endsWith('s') || SINGULAR_S.test(w)) return undefined;
  if (/[^aeiou]ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Third person singular of a verb lemma, for paraphrases: like → likes, fly → flies, have → has. */
export function thirdSingular(lemma: string): string {
  for (const [k, v] of Object.entries(IRREGULAR_3SG)) if (v === lemma) return k;
  if (/[^aeiou]y$/.test(lemma)) return lemma.slice(0, -1) + 'ies';
  if (/(ch|sh|x|z|s)$/.test(lemma)) return lemma + 'es';
  return lemma + 's';
}
