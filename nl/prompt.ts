/**
 * LINC-style few-shot prompt, in our own words and examples: each example lists
 * the premises and conclusion, then the translation as TEXT/FOL line pairs in
 * NLTK syntax, closed by </EVALUATE> (also the stop sequence). The model
 * continues the last, open example.
 */
import type { ChatMessage } from './providers/types.js';
import type { NlProblem } from './types.js';

export interface FewShotExample {
  readonly premises: readonly string[];
  readonly conclusion: string;
  /** One NLTK formula per premise, then the conclusion's. */
  readonly fol: readonly string[];
}

export const STOP = '</EVALUATE>';

const INSTRUCTIONS = [
  'Each problem below has premises and a conclusion in English.',
  'Translate every premise and then the conclusion into one first-order logic formula each,',
  'so that a theorem prover can decide whether the conclusion follows from the premises.',
  'Write formulas in the syntax of the Python NLTK logic module: all x. / exists x. for quantifiers,',
  '- for not, & for and, | for or, -> for implies, <-> for iff. Predicates start with a capital letter;',
  'use the same predicate name for the same property everywhere, and CamelCase names for individuals.',
].join('\n');

export const DEFAULT_EXAMPLES: readonly FewShotExample[] = [
  {
    premises: [
      'Every violinist in the orchestra practices daily.',
      'Anyone who practices daily improves.',
      'Mira is a violinist in the orchestra.',
      'Tomas does not improve.',
    ],
    conclusion: 'Mira improves.',
    fol: [
      'all x. (OrchestraViolinist(x) -> PracticesDaily(x))',
      'all x. (PracticesDaily(x) -> Improves(x))',
      'OrchestraViolinist(Mira)',
      '-Improves(Tomas)',
      'Improves(Mira)',
    ],
  },
  {
    premises: ['No reptile has fur.', 'Some pets are reptiles.', 'Every lizard is a reptile.', 'Ziggy is a lizard or a parrot.'],
    conclusion: 'Ziggy has fur.',
    fol: [
      'all x. (Reptile(x) -> -HasFur(x))',
      'exists x. (Pet(x) & Reptile(x))',
      'all x. (Lizard(x) -> Reptile(x))',
      'Lizard(Ziggy) | Parrot(Ziggy)',
      'HasFur(Ziggy)',
    ],
  },
  {
    premises: [
      'A town is quiet if and only if it has no airport.',
      'Elmford is a town with an airport.',
      'If a town is quiet, then its residents sleep well.',
    ],
    conclusion: 'Elmford is not quiet.',
    fol: [
      'all x. (Town(x) -> (Quiet(x) <-> -HasAirport(x)))',
      'Town(Elmford) & HasAirport(Elmford)',
      'all x. ((Town(x) & Quiet(x)) -> ResidentsSleepWell(x))',
      '-Quiet(Elmford)',
    ],
  },
  {
    premises: ['Every book that Ana lent to Ben was returned.', 'Ana lent the atlas to Ben.', 'The atlas is a book.'],
    conclusion: 'The atlas was not returned.',
    fol: ['all x. ((Book(x) & Lent(Ana, x, Ben)) -> Returned(x))', 'Lent(Ana, Atlas, Ben)', 'Book(Atlas)', '-Returned(Atlas)'],
  },
];

function problemBlock(premises: readonly string[], conclusion: string): string {
  return `<PREMISES>\n${premises.map((p) => p.trim()).join('\n')}\n</PREMISES>\n<CONCLUSION>\n${conclusion.trim()}\n</CONCLUSION>\n<EVALUATE>\n`;
}

function exampleBlock(e: FewShotExample): string {
  const texts = [...e.premises, e.conclusion];
  const pairs = texts.map((t, i) => `TEXT:\t${t.trim()}\nFOL:\t${e.fol[i] ?? ''}\n`).join('');
  return `${problemBlock(e.premises, e.conclusion)}${pairs}${STOP}\n`;
}

export function buildPrompt(p: NlProblem, examples: readonly FewShotExample[] = DEFAULT_EXAMPLES): string {
  return [INSTRUCTIONS, '', examples.map(exampleBlock).join('\n'), problemBlock(p.premises, p.conclusion)].join('\n');
}

/** The same prompt as chat messages (system = instructions). */
export function buildMessages(p: NlProblem, examples: readonly FewShotExample[] = DEFAULT_EXAMPLES): ChatMessage[] {
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: `${examples.map(exampleBlock).join('\n')}\n${problemBlock(p.premises, p.conclusion)}` },
  ];
}

/** Follow-up message for the repair round: the exact parse error, once. */
export function repairMessage(error: string): string {
  return `That translation could not be used: ${error}\nWrite the whole translation again as TEXT/FOL lines in NLTK syntax, with that error fixed.`;
}
