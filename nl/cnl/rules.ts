/**
 * How the grammar resolves ambiguity: each rule is deterministic, numbered, and
 * reported with the reading of every sentence it decided (as APE reports its
 * interpretation rules), so no choice is silent. docs/cnl.md lists the same rules.
 */
export type RuleId =
  | 'generic-a'
  | 'if-binds-indefinites'
  | 'surface-scope'
  | 'negation-over-object'
  | 'pronoun-latest'
  | 'and-before-or'
  | 'not-next-only'
  | 'either-inclusive'
  | 'first-word-name'
  | 'last-word-noun'
  | 'bare-plural-all'
  | 'empty-nouns'
  | 'new-clause-after-and'
  | 'verb-arity'
  | 'modal-plain'
  | 'definite-anaphora'
  | 'mass-noun'
  | 'pp-on-subject';

export interface AmbiguityRule {
  readonly id: RuleId;
  readonly text: string;
}

export const RULES: Readonly<Record<RuleId, string>> = {
  'generic-a': "'a'/'an' on the subject of a main sentence is read as 'every' (A cat is a mammal = every cat is a mammal).",
  'if-binds-indefinites':
    "an indefinite ('a', 'some', 'someone', 'something', or a bare plural such as 'people') inside an if-part or inside 'every …' is read as 'every', and later 'it'/'they' refer to it.",
  'surface-scope': 'quantifiers take scope in the order they are written (every dog chases some cat: each dog its own cat).',
  'negation-over-object': "'does not' covers the object: 'Bob does not like a cat' = Bob likes no cat.",
  'pronoun-latest':
    "'it', 'they', 'he', 'she' as a subject refer to the latest quantified subject (someone, a cat, every dog), as an object ('it', 'them', 'him', 'her') to the latest quantified noun phrase other than their own clause's subject; with no quantified noun phrase in reach, to the latest name.",
  'and-before-or': "'and' binds tighter than 'or': 'A and B or C' = (A and B) or C; use 'either … or' to group otherwise.",
  'not-next-only': "'not' covers only the next adjective or noun: 'not big and red' = not big, and red.",
  'either-inclusive': "'or' and 'either … or' are inclusive (one or both).",
  'first-word-name':
    'a capitalised first word is a name when the sentence reads that way (Charles is kind), otherwise an ordinary word (Cats are mammals).',
  'last-word-noun': "in a noun phrase the last word before the verb is the noun, earlier words are adjectives ('big red ball').",
  'bare-plural-all':
    "a plural without a determiner means all of them ('Cats are mammals', 'Bob likes cats'); as the object of a negated verb it means any ('Bob does not like cats' = Bob likes no cat).",
  'empty-nouns': "'thing(s)', 'person', 'people', 'one(s)' and 'someone'/'something' add no predicate of their own.",
  'new-clause-after-and': "after 'and'/'or', a subject followed by a verb starts a new sentence ('Bob is big and Ann is red').",
  'verb-arity': 'a verb with an object is a two-place relation, without one a one-place predicate; each arity is its own symbol.',
  'definite-anaphora':
    "'the' + a noun already introduced by 'a'/'some'/'every' refers back to it ('If a student studies then the student passes').",
  'mass-noun': "a singular noun alone as an object names one thing ('needs water', 'teaches logic').",
  'pp-on-subject':
    "a preposition after a verb and its object relates the subject: 'Bob has lunch at home' = Bob has lunch and Bob is at home.",
  'modal-plain': "'can', 'will', 'must', 'may', 'should' are read as the plain verb ('A bird can fly' = every bird flies).",
};

export function ruleOf(id: RuleId): AmbiguityRule {
  return { id, text: RULES[id] };
}
