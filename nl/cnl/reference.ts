/**
 * The controlled-English grammar reference: its constructions with an example and
 * the formula the example reads as, and the interpretation rules. Plain data with
 * no imports, shown by the UI (CnlGrammar), listed in docs/cnl.md, and checked by
 * the tests (every example must read as its formula).
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

export interface Construction {
  readonly name: string;
  /** The pattern, with <slots>. */
  readonly pattern: string;
  readonly example: string;
  /** The example's formula (AX.(Cat(X) -> Mammal(X)) notation). */
  readonly formula: string;
}

export const CONSTRUCTIONS: readonly Construction[] = [
  {
    name: 'fact',
    pattern: '<Name | the noun> is <adjective | a noun>',
    example: 'The bald eagle is not shy.',
    formula: '~Shy(bald_eagle)',
  },
  { name: 'relation', pattern: '<subject> <verb>s <object>', example: 'Quib zorbs Vorp.', formula: 'Zorb(quib,vorp)' },
  {
    name: 'generic plural',
    pattern: '<adjectives> <nouns> are <complement>',
    example: 'Blickets are not shy.',
    formula: 'AX.(Blicket(X) -> ~Shy(X))',
  },
  { name: 'generic singular', pattern: 'A <noun> is <complement>', example: 'A cat is a mammal.', formula: 'AX.(Cat(X) -> Mammal(X))' },
  {
    name: 'every / each / all',
    pattern: 'Every <noun> is …, All <nouns> are …',
    example: 'Every florp is not loud.',
    formula: 'AX.(Florp(X) -> ~Loud(X))',
  },
  {
    name: 'no / nobody / nothing',
    pattern: 'No <noun> is …, Nobody <verb>s …',
    example: 'No glorpuses are green.',
    formula: 'AX.(Glorpus(X) -> ~Green(X))',
  },
  { name: 'never', pattern: '<subject> never <verb>s', example: 'A hawk never lands.', formula: 'AX.(Hawk(X) -> ~Land(X))' },
  {
    name: 'some / there is',
    pattern: 'Some <nouns> are …, There is a <noun> that …',
    example: 'There is a fleeby wug.',
    formula: 'EX.(Fleeby(X) & Wug(X))',
  },
  {
    name: 'adjectives in a noun phrase',
    pattern: '<adjective> <adjective> <nouns>',
    example: 'Big red things are heavy.',
    formula: 'AX.((Big(X) & Red(X)) -> Heavy(X))',
  },
  {
    name: 'relative clause',
    pattern: '<noun> that/who <verb phrase>',
    example: 'Everything that is big and red is heavy.',
    formula: 'AX.((Big(X) & Red(X)) -> Heavy(X))',
  },
  {
    name: 'quantified object',
    pattern: '<subject> <verb>s every/some/no <noun>',
    example: 'Every dog chases some cat.',
    formula: 'AX.(Dog(X) -> EY.(Cat(Y) & Chase(X,Y)))',
  },
  {
    name: 'negated verb',
    pattern: '<subject> does not <verb> <object>',
    example: 'Bob does not like a cat.',
    formula: '~EX.(Cat(X) & Like(bob,X))',
  },
  {
    name: 'preposition',
    pattern: '<verb | adjective> <preposition> <object>',
    example: 'Bob lives in Paris.',
    formula: 'LiveIn(bob,paris)',
  },
  {
    name: 'conditional',
    pattern: 'If <sentence> then <sentence>',
    example: 'If a cat is hungry then it meows.',
    formula: 'AX.((Cat(X) & Hungry(X)) -> Meow(X))',
  },
  {
    name: 'only if / unless / if and only if',
    pattern: '<sentence> only if <sentence>',
    example: 'Bob is happy only if he is rich.',
    formula: '(Happy(bob) -> Rich(bob))',
  },
  {
    name: 'and / or',
    pattern: '<sentence> and <sentence>, is A and B, is A or B',
    example: 'Bob is big or red and heavy.',
    formula: '(Big(bob) | (Red(bob) & Heavy(bob)))',
  },
  {
    name: 'either / both / neither',
    pattern: 'either … or …, both … and …, neither … nor …',
    example: 'Neither Bob nor Ann is tall.',
    formula: '(~Tall(bob) & ~Tall(ann))',
  },
  { name: 'equality', pattern: '<Name> is equal to / the same as <Name>', example: 'Bob is the same as Robert.', formula: 'bob=robert' },
  {
    name: 'question',
    pattern: 'Is … ?, Does … ?, True or false: …, Is it true that … ?',
    example: 'Is it true that every dog barks?',
    formula: 'AX.(Dog(X) -> Bark(X))',
  },
];
