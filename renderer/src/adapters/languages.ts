/**
 * Monaco language definitions for the workbench's languages: Monarch tokenizers
 * (highlighting) and bracket/comment configuration. Diagnostics come from the real
 * parser through the API, not from these grammars — they only colour.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { Language } from '../../../api/contract.js';

type M = typeof Monaco;

const brackets: Monaco.languages.CharacterPair[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

function conf(lineComment: string | undefined, block?: [string, string]): Monaco.languages.LanguageConfiguration {
  return {
    comments: { ...(lineComment ? { lineComment } : {}), ...(block ? { blockComment: block } : {}) },
    brackets,
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: "'", close: "'", notIn: ['string', 'comment'] },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
    ],
  };
}

const TPTP: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: ['fof', 'cnf', 'tff', 'thf', 'include'],
  // The engine's ROLES (provers/logic/problem.ts) plus `type`, highlighted for typed files; the renderer imports
  // nothing from the engine but the API module, so the list is restated here.
  roles: [
    'axiom',
    'hypothesis',
    'definition',
    'assumption',
    'lemma',
    'theorem',
    'corollary',
    'conjecture',
    'negated_conjecture',
    'plain',
    'type',
    'unknown',
  ],
  tokenizer: {
    root: [
      [/%.*$/, 'comment'],
      [/\/\*/, 'comment', '@block'],
      [/\$[a-z_]+/, 'keyword.defined'],
      [/[A-Z][A-Za-z0-9_]*/, 'variable'],
      [/[a-z][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@roles': 'type', '@default': 'identifier' } }],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/[!?]/, 'keyword.quantifier'],
      [/<=>|<~>|=>|<=|~\||~&|[&|~]|!=|=/, 'operator'],
      [/[0-9]+/, 'number'],
      [/[()[\],.:]/, 'delimiter'],
    ],
    block: [
      [/\*\//, 'comment', '@pop'],
      [/./, 'comment'],
    ],
  },
};

const LADR: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: ['formulas', 'end_of_list', 'assign', 'set', 'clear', 'all', 'exists', 'op'],
  tokenizer: {
    root: [
      [/%.*$/, 'comment'],
      [/[u-z][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'variable' } }],
      [/[A-Za-z_$][A-Za-z0-9_$]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/<->|->|<-|[&|-]|!=|=/, 'operator'],
      [/[0-9]+/, 'number'],
      [/[()[\],.]/, 'delimiter'],
    ],
  },
};

/** NLTK (LINC), FOLIO and Entail syntax share a shape: quantifier words or symbols, lowercase constants. */
function folLike(extraKeywords: string[]): Monaco.languages.IMonarchLanguage {
  return {
    defaultToken: '',
    keywords: ['all', 'exists', 'forall', 'axiom', 'conjecture', 'hypothesis', 'lemma', 'premise', 'goal', ...extraKeywords],
    tokenizer: {
      root: [
        [/(%|#|\/\/).*$/, 'comment'],
        [/[∀∃]/, 'keyword.quantifier'],
        [/[¬∧∨→↔⊕⊤⊥≠]/, 'operator'],
        [/<->|->|<=>|=>|[&|~\-!^]|!=|=/, 'operator'],
        [/[A-Z][A-Za-z0-9_]*/, 'type.identifier'],
        [/[a-z_][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[0-9]+/, 'number'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/[()[\],.:]/, 'delimiter'],
      ],
    },
  };
}

const PROLOG: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/%.*$/, 'comment'],
      [/\/\*/, 'comment', '@block'],
      [/[A-Z_][A-Za-z0-9_]*/, 'variable'],
      [/[a-z][A-Za-z0-9_]*/, 'identifier'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/:-|-->|\\\+|[,;|]|=\.\.|\\?==?|is\b/, 'operator'],
      [/[0-9]+(\.[0-9]+)?/, 'number'],
      [/[()[\]{}.]/, 'delimiter'],
    ],
    block: [
      [/\*\//, 'comment', '@pop'],
      [/./, 'comment'],
    ],
  },
};

const LEAN: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: [
    'theorem',
    'lemma',
    'def',
    'example',
    'by',
    'fun',
    'have',
    'show',
    'from',
    'intro',
    'apply',
    'exact',
    'simp',
    'rfl',
    'import',
    'open',
    'variable',
    'namespace',
    'end',
    'section',
    'where',
    'let',
    'match',
    'with',
    'if',
    'then',
    'else',
    'sorry',
  ],
  tokenizer: {
    root: [
      [/--.*$/, 'comment'],
      [/\/-/, 'comment', '@block'],
      [/[∀∃λ¬∧∨→↔⟨⟩]/, 'operator'],
      [/[A-Za-z_][A-Za-z0-9_.']*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[0-9]+/, 'number'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/:=|=>|->|<->|[:=]/, 'operator'],
      [/[()[\]{},.]/, 'delimiter'],
    ],
    block: [
      [/-\//, 'comment', '@pop'],
      [/./, 'comment'],
    ],
  },
};

export const MONACO_LANGUAGE_ID: Record<Language, string> = {
  tptp: 'entail-tptp',
  ladr: 'entail-ladr',
  nltk: 'entail-nltk',
  folio: 'entail-folio',
  entail: 'entail-fol',
  prolog: 'entail-prolog',
  lean: 'entail-lean',
};

let registered = false;

/** Register all languages once per page (Monaco's registry is global to the page). */
export function registerLanguages(monaco: M): void {
  if (registered) return;
  registered = true;
  const defs: [Language, Monaco.languages.IMonarchLanguage, Monaco.languages.LanguageConfiguration][] = [
    ['tptp', TPTP, conf('%', ['/*', '*/'])],
    ['ladr', LADR, conf('%')],
    ['nltk', folLike([]), conf('#')],
    ['folio', folLike([]), conf('#')],
    ['entail', folLike([]), conf('%')],
    ['prolog', PROLOG, conf('%', ['/*', '*/'])],
    ['lean', LEAN, conf('--', ['/-', '-/'])],
  ];
  for (const [lang, monarch, configuration] of defs) {
    const id = MONACO_LANGUAGE_ID[lang];
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, monarch);
    monaco.languages.setLanguageConfiguration(id, configuration);
  }
  monaco.editor.defineTheme('entail', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'variable', foreground: '8a3ffc' },
      { token: 'keyword.quantifier', foreground: 'b8360b', fontStyle: 'bold' },
      { token: 'operator', foreground: 'b8360b' },
      { token: 'type', foreground: '0f62a8' },
      { token: 'type.identifier', foreground: '0f62a8' },
      { token: 'keyword.defined', foreground: '6a6a6a', fontStyle: 'italic' },
    ],
    colors: {},
  });
}
