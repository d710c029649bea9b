/**
 * Controlled English → first-order formulas. A small recursive-descent grammar
 * covering the ProofWriter language and textbook syllogism forms:
 *
 *   S      := 'if' Conds 'then' Conds '.'              (rule; someone/something = ∀x)
 *           | ['all'] Adjs ('things'|'people') 'are' Pred '.'
 *           | 'every' Noun 'is' Compl '.' | 'no' Noun(s) ('is'|'are') Compl '.'
 *           | 'some' Noun(s) ('is'|'are') Compl '.' | 'all' Adjs* Nouns 'are' Compl '.'
 *           | NP VP '.'                                  (fact)
 *   Conds  := Clause ('and' Clause)*      Clause := NP VP
 *   VP     := ('is'|'are') ['not'] Adj ('and' ['not'] Adj)* | ('is'|'are') ['not'] ('a'|'an') Noun
 *           | Verb3 NP | ('does'|'do') 'not' Verb NP | Verb NP (after 'they')
 *   NP     := Name | 'the' Word+ | 'someone' | 'something' | 'it' | 'they'
 *
 * Anything else is "not understood at word N: …" (a value): it never guesses.
 * Naming: adjectives and nouns → capitalized 1-place predicates (Big, Cat),
 * verbs → capitalized lemma as 2-place predicates (Chase), entities → lowercase
 * constants (bob, bald_eagle).
 */
import type { Formula, Term, Result } from '../../provers/logic/index.js';
import { mkAtom, mkNot, mkAnd, mkImp, mkForall, mkExists, mkVar, mkConst, ok, err } from '../../provers/logic/index.js';
import type { Token } from './lexer.js';
import { tokenize } from './lexer.js';

export interface CnlError {
  /** 1-based word position (punctuation counts as a word). */
  readonly word: number;
  readonly found: string;
  readonly message: string;
}

export function formatCnlError(e: CnlError, sentence?: string): string {
  return `not understood at word ${e.word} ('${e.found}'): ${e.message}${sentence !== undefined ? ` in "${sentence}"` : ''}`;
}

const FUNCTION_WORDS = new Set([
  'if',
  'then',
  'and',
  'or',
  'not',
  'is',
  'are',
  'does',
  'do',
  'the',
  'a',
  'an',
  'all',
  'every',
  'no',
  'some',
  'someone',
  'something',
  'it',
  'they',
  'things',
  '.',
  ',',
]);
const PRONOUNS = new Set(['it', 'they']);
/** Capitalized words that are not names: quantifiers, determiners, pronouns, connectives. Reading one as a name would misunderstand the sentence. */
const NOT_NAMES = new Set(
  'nobody everyone everybody everything nothing somebody anyone anybody anything most many few several each any none both either neither only this that these those there here he she we you i his her their its my our your what who which when while although because since unless also'.split(
    ' ',
  ),
);
const QUANT_NPS = new Set(['someone', 'something']);

const X = 'x';

/** Lemma of a 3rd-person verb form: chases → chase, watches → watch, does → do. */
export function verbLemma(w: string): string | undefined {
  if (w.length < 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us')) return undefined;
  if (/(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Singular of a plural noun: dogs → dog, cats → cat; words that are not regular plurals stay as they are. */
export function singular(w: string): string {
  if (/(ous|ss|us|is)$/.test(w) || !w.endsWith('s')) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

function predName(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && /^[a-z][a-z'-]*$/.test(t.w);
}

function isContentWord(t: Token | undefined): boolean {
  return isWord(t) && !FUNCTION_WORDS.has(t!.w);
}

/** A word that can be part of an entity after 'the' (adverbs like 'quickly' cannot). */
function isEntityWord(t: Token | undefined): boolean {
  return isContentWord(t) && !t!.w.endsWith('ly') && !NOT_NAMES.has(t!.w);
}

const MAX_ENTITY_WORDS = 3;

function isName(t: Token | undefined): boolean {
  return t !== undefined && /^[A-Z][a-z'-]*$/.test(t.raw) && !FUNCTION_WORDS.has(t.w) && !NOT_NAMES.has(t.w);
}

class Fail {
  constructor(readonly error: CnlError) {}
}

/** An NP in a clause: a constant, or the rule's variable (someone/something/it/they). */
type Np = { kind: 'const'; term: Term; plural: boolean } | { kind: 'var'; plural: boolean; introduces: boolean };

class Parser {
  private i = 0;
  /** Whether the current rule has introduced its variable (someone/something). */
  private hasVar = false;
  constructor(private readonly toks: readonly Token[]) {}

  private peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  private fail(message: string, at: Token | undefined = this.peek()): never {
    throw new Fail({ word: at?.n ?? this.toks.length + 1, found: at?.raw ?? 'end of sentence', message });
  }
  private expect(w: string, what = `'${w}'`): Token {
    const t = this.peek();
    if (t?.w !== w) this.fail(`expected ${what}`);
    this.i++;
    return t!;
  }
  private accept(w: string): boolean {
    if (this.peek()?.w === w) {
      this.i++;
      return true;
    }
    return false;
  }
  private end(): void {
    this.accept('.');
    if (this.peek() !== undefined) this.fail('expected the end of the sentence');
  }

  sentence(): Formula {
    const t = this.peek();
    if (t === undefined) this.fail('empty sentence');
    let f: Formula;
    switch (t.w) {
      case 'if':
        f = this.rule();
        break;
      case 'every':
        f = this.every();
        break;
      case 'no':
        f = this.no();
        break;
      case 'some':
        f = this.some();
        break;
      case 'all':
        this.i++;
        f = this.generic();
        break;
      default:
        f = this.isGenericStart() ? this.generic() : this.fact();
    }
    this.end();
    return f;
  }

  /** "Red, cold things are round." / "Quiet people are smart." (no leading 'all'). */
  private isGenericStart(): boolean {
    for (let k = 0; this.peek(k) !== undefined; k++) {
      const w = this.peek(k)!.w;
      if (w === 'things' || w === 'people') return true;
      if (w !== ',' && w !== 'and' && !isContentWord(this.peek(k))) return false;
      if (isName(this.peek(k)) && k > 0) return false;
    }
    return false;
  }

  /** Adjs ('things'|'people') 'are' Pred, or Adjs* PluralNoun 'are' Compl. */
  private generic(): Formula {
    const words: Token[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined) this.fail("expected 'are'");
      if (t.w === 'are') break;
      if (t.w === ',' || t.w === 'and') {
        if (words.length === 0) this.fail('expected an adjective');
        this.i++;
        continue;
      }
      if (t.w === 'things' || t.w === 'people') {
        this.i++;
        if (this.peek()?.w !== 'are') this.fail("expected 'are'");
        break;
      }
      if (!isContentWord(t)) this.fail('expected an adjective or a noun');
      words.push(t);
      this.i++;
    }
    const prev = this.toks[this.i - 1]!;
    if (words.length === 0) this.fail('expected an adjective or a noun', prev);
    const restrictors: Formula[] = words.map((w, k) => {
      const isNoun = k === words.length - 1 && prev.w !== 'things' && prev.w !== 'people';
      return mkAtom(predName(isNoun ? singular(w.w) : w.w), [mkVar(X)]);
    });
    this.expect('are');
    const body = this.complement(mkVar(X), true);
    return mkForall([X], mkImp(mkAnd(restrictors), body));
  }

  /** 'every' Adj* Noun 'is' Compl */
  private every(): Formula {
    this.expect('every');
    const restr = this.nounGroup(false);
    this.expect('is');
    return mkForall([X], mkImp(restr, this.complement(mkVar(X), false)));
  }

  /** 'no' Noun(s) is/are Compl  →  ∀x (Noun(x) → ¬Compl(x)) */
  private no(): Formula {
    this.expect('no');
    const plural = this.peekPluralGroup();
    const restr = this.nounGroup(plural);
    this.expect(plural ? 'are' : 'is', plural ? "'are'" : "'is'");
    if (this.peek()?.w === 'not') this.fail("'no … is not' is ambiguous; rephrase");
    return mkForall([X], mkImp(restr, mkNot(this.complement(mkVar(X), plural))));
  }

  /** 'some' Noun(s) is/are Compl  →  ∃x (Noun(x) ∧ Compl(x)) */
  private some(): Formula {
    this.expect('some');
    const plural = this.peekPluralGroup();
    const restr = this.nounGroup(plural);
    if (!this.accept('are') && !this.accept('is')) this.fail("expected 'are' or 'is'");
    return mkExists([X], mkAnd([restr, this.complement(mkVar(X), plural)]));
  }

  /** Looks ahead to the verb: 'are' means the noun group is plural. */
  private peekPluralGroup(): boolean {
    for (let k = 0; this.peek(k) !== undefined; k++) {
      const w = this.peek(k)!.w;
      if (w === 'are') return true;
      if (w === 'is') return false;
    }
    return false;
  }

  /** Adj* Noun (the last word is the noun), as a conjunction over x. */
  private nounGroup(plural: boolean): Formula {
    const words: Token[] = [];
    while (isContentWord(this.peek())) words.push(this.toks[this.i++]!);
    if (words.length === 0) this.fail('expected a noun');
    return mkAnd(words.map((w, k) => mkAtom(predName(k === words.length - 1 && plural ? singular(w.w) : w.w), [mkVar(X)])));
  }

  /** After is/are: ['not'] (('a'|'an') Noun | Adj ('and' ['not'] Adj)*). `plural`: complement nouns get singularized. */
  private complement(subject: Term, plural: boolean): Formula {
    const parts: Formula[] = [];
    for (;;) {
      const neg = this.accept('not');
      let atom: Formula;
      if (this.peek()?.w === 'a' || this.peek()?.w === 'an') {
        this.i++;
        const words: Token[] = [];
        while (isContentWord(this.peek())) words.push(this.toks[this.i++]!);
        if (words.length === 0) this.fail('expected a noun');
        atom = mkAnd(words.map((w) => mkAtom(predName(w.w), [subject])));
      } else {
        const t = this.peek();
        if (!isContentWord(t)) this.fail('expected an adjective');
        this.i++;
        atom = mkAtom(predName(plural ? singular(t!.w) : t!.w), [subject]);
      }
      parts.push(neg ? mkNot(atom) : atom);
      // 'and' continues the adjective list only when an adjective (or 'not' + adjective) follows.
      if (
        this.peek()?.w === 'and' &&
        (this.peek(1)?.w === 'not' || (isContentWord(this.peek(1)) && !isName(this.peek(1)) && this.adjEndsAt(2)))
      ) {
        this.i++;
        continue;
      }
      break;
    }
    return mkAnd(parts);
  }

  /** Whether the token k ahead ends an adjective (clause/sentence boundary). */
  private adjEndsAt(k: number): boolean {
    const w = this.peek(k)?.w;
    return w === undefined || w === 'and' || w === 'then' || w === '.';
  }

  /** 'if' Conds 'then' Conds */
  private rule(): Formula {
    this.expect('if');
    this.hasVar = false;
    const conds = this.clauses(true);
    this.expect('then', "'then'");
    const concl = this.clauses(false);
    const body = mkImp(mkAnd(conds), mkAnd(concl));
    return this.hasVar ? mkForall([X], body) : body;
  }

  private clauses(inCondition: boolean): Formula[] {
    const out: Formula[] = [this.clause(inCondition)];
    while (this.peek()?.w === 'and') {
      this.i++;
      out.push(this.clause(inCondition));
    }
    return out;
  }

  private clause(inCondition: boolean): Formula {
    const np = this.np(inCondition);
    const subj: Term = np.kind === 'const' ? np.term : mkVar(X);
    return this.vp(subj, np.plural);
  }

  private fact(): Formula {
    const np = this.np(false);
    if (np.kind !== 'const') this.fail('a fact needs a named subject');
    const f = this.vp(np.term, np.plural);
    if (this.peek()?.w === 'and') this.fail("a fact joins one subject and predicate; split it at 'and'");
    return f;
  }

  private np(inCondition: boolean): Np {
    const t = this.peek();
    if (t === undefined) this.fail('expected a subject');
    if (QUANT_NPS.has(t.w)) {
      if (!inCondition) this.fail(`'${t.raw}' may only appear in an if-condition`);
      if (this.hasVar) this.fail(`a second '${t.raw}' would need a second variable; use 'it'/'they' to refer back`);
      this.i++;
      this.hasVar = true;
      return { kind: 'var', plural: false, introduces: true };
    }
    if (PRONOUNS.has(t.w)) {
      if (!this.hasVar) this.fail(`'${t.raw}' refers to nothing (no 'someone'/'something' before it)`);
      this.i++;
      return { kind: 'var', plural: t.w === 'they', introduces: false };
    }
    if (t.w === 'the') {
      this.i++;
      const words: string[] = [];
      // The entity's words run up to the verb: 'is'/'are'/'does'/'do', or a word followed by an object ('the' or a name).
      while (isEntityWord(this.peek()) && !this.isVerbHere() && words.length < MAX_ENTITY_WORDS) words.push(this.toks[this.i++]!.w);
      if (words.length === 0) this.fail('expected a noun after "the"');
      return { kind: 'const', term: mkConst(words.join('_')), plural: false };
    }
    if (isName(t)) {
      this.i++;
      return { kind: 'const', term: mkConst(t.w), plural: false };
    }
    return this.fail('expected a name, "the …", someone/something or it/they');
  }

  /** A content word that is a transitive verb: it is followed by an object. */
  private isVerbHere(): boolean {
    const next = this.peek(1);
    return next !== undefined && (next.w === 'the' || (isName(next) && verbLemma(this.peek()!.w) !== undefined));
  }

  /** Predicate of a clause with subject `subj`. */
  private vp(subj: Term, plural: boolean): Formula {
    const t = this.peek();
    if (t === undefined) this.fail('expected a verb');
    if (t.w === 'is' || t.w === 'are') {
      if ((t.w === 'are') !== plural) this.fail(`'${t.raw}' does not agree with the subject`);
      this.i++;
      return this.complement(subj, false);
    }
    if (t.w === 'does' || t.w === 'do') {
      if ((t.w === 'do') !== plural) this.fail(`'${t.raw}' does not agree with the subject`);
      this.i++;
      this.expect('not');
      const v = this.peek();
      if (!isContentWord(v) || verbLemma(v!.w) !== undefined) this.fail('expected a verb in its base form');
      this.i++;
      return mkNot(mkAtom(predName(v!.w), [subj, this.object()]));
    }
    if (!isContentWord(t)) this.fail('expected a verb');
    const lemma = plural ? t.w : verbLemma(t.w);
    if (lemma === undefined) this.fail(plural ? 'expected a verb' : "expected a verb agreeing with the subject (e.g. 'eats')");
    if (plural && verbLemma(t.w) !== undefined && !t.w.endsWith('ss')) this.fail("expected a verb agreeing with 'they' (e.g. 'eat')");
    this.i++;
    return mkAtom(predName(lemma), [subj, this.object()]);
  }

  private object(): Term {
    const t = this.peek();
    if (t?.w === 'the') {
      this.i++;
      const words: string[] = [];
      while (isEntityWord(this.peek()) && words.length < MAX_ENTITY_WORDS) words.push(this.toks[this.i++]!.w);
      if (words.length === 0) this.fail('expected a noun after "the"');
      return mkConst(words.join('_'));
    }
    if (isName(t)) {
      this.i++;
      return mkConst(t!.w);
    }
    if (t && (t.w === 'it' || t.w === 'them' || QUANT_NPS.has(t.w))) this.fail('objects that refer back or quantify are not supported');
    return this.fail('expected an object ("the …" or a name)');
  }
}

/** Parse one sentence. */
export function parseCnlSentence(sentence: string): Result<Formula, CnlError> {
  const toks = tokenize(sentence);
  try {
    return ok(new Parser(toks).sentence());
  } catch (e) {
    if (e instanceof Fail) return err(e.error);
    throw e;
  }
}
