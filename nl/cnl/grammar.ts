/**
 * The controlled-English grammar: recursive descent with ordered alternatives,
 * structural (a word's position decides whether it is a noun, adjective or verb;
 * there is no word list), building first-order formulas compositionally. A noun
 * phrase is a generalized quantifier (a function from its scope to a formula), a
 * verb phrase a function from its subject to a formula, so quantified subjects and
 * objects, negation and coordination compose without special cases.
 *
 * Indefinites in an if-part or in the restriction of 'every' are bound by that
 * universal (discourse representation style: 'If a cat is hungry then it meows');
 * elsewhere they are existential. Where the reading needed a choice, the rule of
 * rules.ts that made it is recorded with the result.
 *
 * Symbols: adjectives and nouns → capitalized one-place predicates (Big, Cat; plural
 * nouns by their singular), verbs → capitalized lemma (Chase/2, Land/1), verb or
 * adjective with a preposition → one camel-cased relation (LiveIn, AfraidOf),
 * names and 'the …' entities → lowercase constants (bob, bald_eagle).
 */
import type { Formula, Term } from '../../provers/logic/index.js';
import { mkAtom, mkNot, mkImp, mkIff, mkForall, mkExists, mkVar, mkConst, mkEq, mkOr, mkAnd, TRUE } from '../../provers/logic/index.js';
import type { Token } from './lexer.js';
import { isPluralNoun, singular, verbLemma } from './morphology.js';
import type { RuleId } from './rules.js';

/** How a symbol was written, so the paraphrase can say it back in words. */
export interface LexEntry {
  readonly pos: 'noun' | 'adj' | 'verb';
  readonly word: string;
  readonly prep?: string;
}

export interface GrammarResult {
  readonly formula: Formula;
  readonly rules: readonly RuleId[];
  readonly lexicon: ReadonlyMap<string, LexEntry>;
  /** Constant → how to say it (Bob, the bald eagle). */
  readonly names: ReadonlyMap<string, string>;
  /** Whether the sentence was a question (its formula is the statement asked about). */
  readonly question: boolean;
}

export interface GrammarFailure {
  readonly at: number;
  readonly found: string;
  readonly expected: readonly string[];
}

const STRUCTURE = new Set(
  'if then and or not nor is are be does do the a an all every each any no some someone something somebody it they them he she him her that who which whom there nobody nothing everyone everybody everything anyone anybody anything never either neither both only unless can will must may should could would equal same as identical than case was were most many few several much himself herself itself themselves myself yourself usually often always sometimes rarely seldom generally typically normally mostly frequently occasionally also just already because although though while when whenever but since whereas whoever whatever whom whose'.split(
    ' ',
  ),
);
const PREPS = new Set('of in on at to from with by for about into under over near'.split(' '));
const PUNCT = new Set(['.', ',', '?', '!', ';', ':']);
/** Capitalized words that are never names. */
const NOT_NAMES = new Set(
  'most many few several this these those here we you i his my our your what when while although because since also but however true false'.split(
    ' ',
  ),
);
const MODALS = new Set(['can', 'will', 'must', 'may', 'should', 'could', 'would']);
const PRONOUNS = new Set(['it', 'they', 'them', 'he', 'she', 'him', 'her']);
const EMPTY_NOUNS = new Set(['thing', 'things', 'person', 'people', 'one', 'ones']);
const VAR_NAMES = ['x', 'y', 'z', 'u', 'v', 'w'];
const MAX_ENTITY_WORDS = 3;

function cap(w: string): string {
  return w
    .split(/[-']/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** Conjunction that flattens and drops `true` (the scope of 'there is'). */
function and(fs: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const f of fs) {
    if (f.kind === 'and') out.push(...f.args);
    else if (f.kind !== 'true') out.push(f);
  }
  return mkAnd(out);
}
function or(fs: readonly Formula[]): Formula {
  const out: Formula[] = [];
  for (const f of fs) {
    if (f.kind === 'or') out.push(...f.args);
    else out.push(f);
  }
  return mkOr(out);
}
function not(f: Formula): Formula {
  return f.kind === 'not' ? f.arg : mkNot(f);
}

type Scope = (t: Term) => Formula;
/** A noun phrase: its quantifier over a scope; `universal` means its scope is a barrier for binding indefinites. */
interface Np {
  readonly q: (scope: Scope) => Formula;
  readonly plural: boolean;
  readonly universal: boolean;
  /** 'no', 'nobody', 'nothing': its scope is negated. */
  readonly negative?: boolean;
  readonly ref?: Term;
  /** The head noun, for 'the' + noun referring back. */
  readonly noun?: string;
}
interface Frame {
  readonly raise: boolean;
  readonly vars: string[];
  /** When set, the restrictions of bound indefinites are collected here (they belong to the if-part, wherever written). */
  readonly restrs?: Formula[];
}
interface Snapshot {
  readonly i: number;
  readonly vars: number;
  readonly refs: number;
  readonly rules: Set<RuleId>;
  readonly frames: readonly Frame[];
  readonly frameSizes: readonly (readonly [number, number])[];
}

class Backtrack {
  constructor(readonly at: number) {}
}

class Grammar {
  private i = 0;
  private nVars = 0;
  private refs: { term: Term; plural: boolean; subject: boolean; noun?: string }[] = [];
  private subjects: Term[] = [];
  private inObject = false;
  private inObjectNow = false;
  private entityEnd = Number.MAX_SAFE_INTEGER;
  private doesQuestion = false;
  private adjFirst = false;
  private frames: Frame[] = [];
  private negDepth = 0;
  rules = new Set<RuleId>();
  private start = 0;
  readonly lexicon = new Map<string, LexEntry>();
  readonly names = new Map<string, string>();
  /** The furthest position any alternative reached, and what it expected there. */
  far = 0;
  expected = new Set<string>();

  constructor(
    private readonly toks: readonly Token[],
    private readonly firstWord: 'name' | 'word',
    adjFirst: boolean,
  ) {
    this.adjFirst = adjFirst;
  }

  // ------------------------------------------------------------ machinery

  private peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  private w(k = 0): string | undefined {
    return this.toks[this.i + k]?.w;
  }
  private fail(what: string, at = this.i): never {
    if (at > this.far) {
      this.far = at;
      this.expected = new Set();
    }
    if (at === this.far) this.expected.add(what);
    throw new Backtrack(at);
  }
  private expect(word: string, what = `'${word}'`): void {
    if (this.w() !== word) this.fail(what);
    this.i++;
  }
  private accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.w(k) !== words[k]) return false;
    this.i += words.length;
    return true;
  }
  private save(): Snapshot {
    return {
      i: this.i,
      vars: this.nVars,
      refs: this.refs.length,
      rules: new Set(this.rules),
      frames: [...this.frames],
      frameSizes: this.frames.map((f) => [f.vars.length, f.restrs?.length ?? 0] as const),
    };
  }
  private restore(s: Snapshot): void {
    this.i = s.i;
    this.nVars = s.vars;
    this.refs.length = s.refs;
    this.rules = new Set(s.rules);
    // Frames are restored in place: a caller may hold the frame it pushed.
    this.frames = [...s.frames];
    s.frames.forEach((f, k) => {
      f.vars.length = s.frameSizes[k]![0];
      if (f.restrs) f.restrs.length = s.frameSizes[k]![1];
    });
  }
  /** Ordered choice: the first alternative that parses wins. */
  private attempt<T>(f: () => T): T | undefined {
    const s = this.save();
    try {
      return f();
    } catch (e) {
      if (!(e instanceof Backtrack)) throw e;
      this.restore(s);
      return undefined;
    }
  }
  /** Whether `f` parses here; nothing is consumed. */
  private lookahead(f: () => unknown): boolean {
    const s = this.save();
    const far = this.far;
    const expected = this.expected;
    try {
      f();
      return true;
    } catch (e) {
      if (!(e instanceof Backtrack)) throw e;
      return false;
    } finally {
      this.restore(s);
      this.far = far;
      this.expected = expected;
    }
  }
  private use(r: RuleId): void {
    this.rules.add(r);
  }
  private freshVar(): string {
    const k = this.nVars++;
    return k < VAR_NAMES.length ? VAR_NAMES[k]! : `x${k}`;
  }

  private isContent(t: Token | undefined): boolean {
    // Capitalised words are names, except a noun group's first word (see nounGroup).
    return t !== undefined && /^[a-z][a-z'-]*$/.test(t.raw) && !STRUCTURE.has(t.w) && !PREPS.has(t.w);
  }
  private isNameTok(t: Token | undefined): boolean {
    if (t?.quoted) return true;
    return t !== undefined && /^[A-Z][A-Za-z'-]*$/.test(t.raw) && !STRUCTURE.has(t.w) && !PREPS.has(t.w) && !NOT_NAMES.has(t.w);
  }
  private lex(pred: string, e: LexEntry): string {
    this.lexicon.set(pred, e);
    return pred;
  }

  // ------------------------------------------------------------ sentences

  sentence(): { formula: Formula; question: boolean } {
    if (this.toks.length === 0) this.fail('a sentence');
    let question = this.questionPrefix();
    this.start = this.i;
    let f: Formula;
    const inv = this.w() === 'is' || this.w() === 'are' || this.w() === 'does' || this.w() === 'do';
    if (inv && this.toks[this.toks.length - 1]?.w === '?') {
      f = this.inverted();
      question = true;
    } else f = this.top();
    if (this.accept('?')) question = true;
    else if (!this.accept('.')) this.accept('!');
    if (this.i < this.toks.length) this.fail('the end of the sentence');
    return { formula: f, question };
  }

  /** "Is the following statement true or false? …", "True or false: …", "Is it true that …?" */
  private questionPrefix(): boolean {
    const ws = this.toks.map((t) => t.w);
    const q = ws.indexOf('?');
    if (q > 0 && q < ws.length - 1) {
      const head = ws.slice(0, q).join(' ');
      if (
        /\b(true|false|correct|follow|follows|unknown|uncertain)\b/.test(head) &&
        /^(is|based|given|according|determine|does|can)\b/.test(head)
      ) {
        this.i = q + 1;
        return true;
      }
    }
    if (this.accept('true', 'or', 'false')) {
      if (!this.accept(':') && !this.accept(',')) this.accept('?');
      return true;
    }
    if (this.accept('is', 'it', 'true', 'that') || this.accept('is', 'it', 'the', 'case', 'that')) return true;
    return false;
  }

  /** "Is Bob big?", "Are cats mammals?", "Does Bob like Ann?" */
  private inverted(): Formula {
    const aux = this.w()!;
    this.i++;
    // The complement of 'Is the red box empty?' is the last word, never part of the subject.
    this.entityEnd = aux === 'is' || aux === 'are' ? this.toks.length - 2 : this.toks.length;
    this.doesQuestion = aux === 'does' || aux === 'do';
    const subj = this.subject(true);
    this.entityEnd = this.toks.length;
    this.doesQuestion = false;
    const plural = aux === 'are' || aux === 'do';
    if (aux === 'is' || aux === 'are') return this.underSubject(subj, () => this.complement(plural));
    const neg = this.accept('not');
    return this.underSubject(subj, () => {
      const vp = this.verbPhrase('base');
      return neg ? (t: Term) => not(vp(t)) : vp;
    });
  }

  /** Conditionals around a coordinated sentence. */
  private top(): Formula {
    if (this.w() === 'if') return this.conditional();
    // "A only if B", "A if B", "A unless B": A's indefinites are bound by the conditional, which is known only after A.
    const s = this.save();
    const cond = this.attempt(() => {
      const frame: Frame = { raise: true, vars: [], restrs: [] };
      this.frames.push(frame);
      const a = this.coordinated();
      this.accept(',');
      // r: the restrictions of A's bound indefinites, which join the if-part.
      let mk: (a: Formula, b: Formula, r: Formula[]) => Formula;
      let bBinds = false;
      if (this.accept('if', 'and', 'only', 'if')) mk = (x, y, r) => (r.length > 0 ? mkImp(and(r), mkIff(x, y)) : mkIff(x, y));
      else if (this.accept('only', 'if')) mk = (x, y, r) => mkImp(and([...r, x]), y);
      else if (this.accept('if')) {
        mk = (x, y, r) => mkImp(and([...r, y]), x);
        bBinds = true;
      } else if (this.accept('unless')) mk = (x, y, r) => mkImp(and([...r, not(y)]), x);
      else return this.fail("'if', 'only if' or 'unless'");
      // Only an if-part binds indefinites; after 'only if'/'unless' they are existential.
      if (!bBinds) this.frames.push({ raise: false, vars: [] });
      const b = this.coordinated();
      if (!bBinds) this.frames.pop();
      this.frames.pop();
      if (frame.vars.length > 0) this.use('if-binds-indefinites');
      return mkForall(frame.vars, mk(a, b, frame.restrs!));
    });
    if (cond) return cond;
    this.restore(s);
    return this.coordinated();
  }

  private conditional(): Formula {
    this.expect('if');
    const iff = this.accept('and', 'only', 'if');
    this.frames.push({ raise: true, vars: [] });
    const ant = this.coordinated();
    const comma = this.accept(',');
    if (!this.accept('then') && !comma) this.fail("'then'");
    this.frames.push({ raise: false, vars: [] });
    const cons = this.coordinated();
    this.frames.pop();
    const vars = this.frames.pop()!.vars;
    if (vars.length > 0) this.use('if-binds-indefinites');
    return mkForall(vars, iff ? mkIff(ant, cons) : mkImp(ant, cons));
  }

  /** Clauses joined by and/or ('and' first), or either/neither/both around two clauses. */
  private coordinated(): Formula {
    const pair = this.attempt(() => {
      const w = this.w();
      if (w !== 'either' && w !== 'neither' && w !== 'both') return this.fail('a sentence');
      this.i++;
      const a = this.clause();
      this.accept(',');
      this.expect(w === 'either' ? 'or' : w === 'neither' ? 'nor' : 'and');
      const b = this.clause();
      if (w === 'either') this.use('either-inclusive');
      return w === 'either' ? or([a, b]) : w === 'neither' ? and([not(a), not(b)]) : and([a, b]);
    });
    if (pair) return pair;
    if (this.accept('it', 'is', 'not', 'the', 'case', 'that')) return not(this.coordinated());
    const ors: Formula[] = [];
    let ands: Formula[] = [this.clause()];
    let sawAnd = false;
    for (;;) {
      const s = this.save();
      this.accept(',');
      const conj = this.w();
      if (conj !== 'and' && conj !== 'or') {
        this.restore(s);
        break;
      }
      this.i++;
      const next = this.attempt(() => this.clause());
      if (!next) {
        this.restore(s);
        break;
      }
      if (conj === 'and') {
        sawAnd = true;
        ands.push(next);
      } else {
        ors.push(and(ands));
        ands = [next];
      }
    }
    ors.push(and(ands));
    if (ors.length > 1 && (sawAnd || ors.length > 2)) this.use('and-before-or');
    return or(ors);
  }

  private clause(): Formula {
    if (this.accept('there', 'is') || this.accept('there', 'are') || this.accept('there', 'exists') || this.accept('there', 'exist')) {
      if (this.accept('no')) {
        const g = this.nounGroup('any');
        const v = this.freshVar();
        return not(mkExists([v], g.restr(mkVar(v))));
      }
      if (this.accept('someone') || this.accept('something') || this.accept('somebody')) return this.indefinite('none').q(() => TRUE);
      if (!this.accept('some') && !this.accept('a') && !this.accept('an')) this.accept('at', 'least', 'one');
      const np = this.indefinite('any');
      return np.q(() => TRUE);
    }
    // A capitalised first word: a name or an ordinary word, as runGrammar's pass decides (rule first-word-name).
    if (this.i === this.start && this.isNameTok(this.peek())) {
      if (this.firstWord === 'word') this.use('first-word-name');
      return this.subjectClause(this.firstWord === 'name');
    }
    return this.subjectClause(true);
  }

  private subjectClause(namesOk: boolean): Formula {
    const subj = this.subject(namesOk);
    return this.underSubject(subj, () => this.predicate(subj.plural));
  }

  /** Apply a subject to its verb phrase; a universal subject's scope does not bind indefinites. */
  private underSubject(subj: Np, vp: () => Scope): Formula {
    // Indefinites in a universal's scope are its own existentials, never bound further out.
    if (subj.universal) this.frames.push({ raise: false, vars: [] });
    if (subj.ref) this.refs.push({ term: subj.ref, plural: subj.plural, subject: true, ...(subj.noun ? { noun: subj.noun } : {}) });
    this.subjects.push(subj.ref ?? mkConst('?'));
    if (subj.negative) this.negDepth++;
    try {
      return subj.q(vp());
    } finally {
      if (subj.negative) this.negDepth--;
      this.subjects.pop();
      if (subj.universal) this.frames.pop();
    }
  }

  // ------------------------------------------------------------ noun phrases

  /** A subject: a noun phrase, or two joined by and/or, either/neither/both. */
  private subject(namesOk: boolean): Np {
    const w = this.w();
    if (w === 'either' || w === 'neither' || w === 'both') {
      const pair = this.attempt(() => {
        this.i++;
        const a = this.np(namesOk);
        this.expect(w === 'either' ? 'or' : w === 'neither' ? 'nor' : 'and');
        const b = this.np(true);
        return this.joinNps(a, b, w === 'either' ? 'or' : w === 'neither' ? 'nor' : 'and');
      });
      if (pair) return pair;
    }
    const a = this.np(namesOk, true);
    if ((this.w() === 'and' || this.w() === 'or') && a.ref && a.ref.kind === 'app') {
      const conj = this.w() as 'and' | 'or';
      const b = this.attempt(() => {
        this.i++;
        const n = this.np(true);
        if (!n.ref || n.ref.kind !== 'app') return this.fail('a name');
        return n;
      });
      if (b) return this.joinNps(a, b, conj);
    }
    return a;
  }

  private joinNps(a: Np, b: Np, how: 'and' | 'or' | 'nor'): Np {
    if (how === 'or') this.use('either-inclusive');
    return {
      plural: how === 'and',
      universal: a.universal || b.universal,
      q: (s) => (how === 'and' ? and([a.q(s), b.q(s)]) : how === 'or' ? or([a.q(s), b.q(s)]) : and([not(a.q(s)), not(b.q(s))])),
    };
  }

  /** One noun phrase. `main`: the subject of a sentence (where 'a' is generic). */
  private np(namesOk: boolean, main = false): Np {
    const t = this.peek();
    if (t === undefined) return this.fail('a subject or object');
    const w = t.w;
    const inObject = this.inObject;
    this.inObject = false;
    this.inObjectNow = inObject;
    if (PRONOUNS.has(w)) {
      this.i++;
      const plural = w === 'they' || w === 'them';
      const asSubject = !inObject && (w === 'it' || w === 'they' || w === 'he' || w === 'she');
      const own = this.subjects[this.subjects.length - 1];
      const same = (a: Term, b: Term | undefined): boolean => b !== undefined && JSON.stringify(a) === JSON.stringify(b);
      // Quantified noun phrases (someone, a cat, every dog) first, names only when none is in reach; a subject
      // pronoun takes the latest subject, an object pronoun never its own clause's subject (rule pronoun-latest).
      const vars = this.refs.filter((r) => r.term.kind === 'var');
      let pool = vars.length > 0 ? vars : this.refs;
      if (asSubject && pool.some((r) => r.subject)) pool = pool.filter((r) => r.subject);
      if (!asSubject && pool.some((r) => !same(r.term, own))) pool = pool.filter((r) => !same(r.term, own));
      const r = pool[pool.length - 1];
      if (!r) return this.fail(`something for '${t.raw}' to refer to (write the noun phrase first)`, this.i - 1);
      if (new Set(pool.map((p) => JSON.stringify(p.term))).size > 1) this.use('pronoun-latest');
      return { q: (s) => s(r.term), plural, universal: false, ref: r.term };
    }
    if (w === 'someone' || w === 'somebody' || w === 'something') {
      this.i++;
      return this.indefinite('none');
    }
    if (w === 'everyone' || w === 'everybody' || w === 'everything' || w === 'anyone' || w === 'anybody' || w === 'anything') {
      this.i++;
      if (w.startsWith('any') && this.negDepth > 0) return this.indefinite('none');
      return this.universal('none', false);
    }
    if (w === 'nobody' || w === 'nothing' || (w === 'no' && this.w(1) === 'one')) {
      this.i += w === 'no' ? 2 : 1;
      return this.universal('none', true);
    }
    if (w === 'every' || w === 'each') {
      this.i++;
      return this.universal('sg', false);
    }
    if (w === 'all') {
      this.i++;
      this.accept('the');
      return this.universal('pl', false);
    }
    if (w === 'any') {
      this.i++;
      return this.negDepth > 0 ? this.indefinite('any') : this.universal('any', false);
    }
    if (w === 'no') {
      this.i++;
      return this.universal('any', true);
    }
    if (w === 'a' || w === 'an') {
      this.i++;
      if (main && !this.raising()) {
        this.use('generic-a');
        return this.universal('sg', false);
      }
      return this.indefinite('sg');
    }
    if (w === 'some' || (w === 'at' && this.w(1) === 'least' && this.w(2) === 'one')) {
      this.i += w === 'some' ? 1 : 3;
      return this.indefinite('any');
    }
    if (w === 'the') {
      this.i++;
      const words: Token[] = [];
      while (this.isContent(this.peek()) && words.length < MAX_ENTITY_WORDS && this.i < this.entityEnd) {
        // Adverbs never name an entity ('the cat quickly'); a verb form ends it ('the bald eagle eats').
        if (words.length > 0 && (this.looksLikeVerb(this.peek()!.w) || this.w()!.endsWith('ly'))) break;
        words.push(this.toks[this.i++]!);
      }
      if (words.length === 0) return this.fail('a noun after "the"');
      // 'the student' after 'a student': the same individual (rule definite-anaphora).
      if (words.length === 1) {
        const back = [...this.refs].reverse().find((r) => r.term.kind === 'var' && r.noun === words[0]!.w);
        if (back) {
          this.use('definite-anaphora');
          return { q: (s) => s(back.term), plural: false, universal: false, ref: back.term, noun: words[0]!.w };
        }
      }
      const c = words.map((x) => x.w).join('_');
      this.names.set(c, `the ${words.map((x) => x.w).join(' ')}`);
      const term = mkConst(c);
      return { q: (s) => s(term), plural: false, universal: false, ref: term };
    }
    if (namesOk && this.isNameTok(t)) {
      const words: Token[] = [];
      while (this.isNameTok(this.peek())) words.push(this.toks[this.i++]!);
      const c = words.map((x) => x.w).join('_');
      this.names.set(c, words.map((x) => x.raw).join(' '));
      const term = mkConst(c);
      return { q: (s) => s(term), plural: false, universal: false, ref: term };
    }
    // A bare plural: 'Cats', 'big red things', 'people who like Bob'.
    if (this.isContent(t) || this.isNameTok(t)) {
      // Under negation a bare plural is 'any' (Bob does not like cats = Bob likes no cat).
      // In an if-part it is bound like an indefinite: 'If people X then they Y' (rule if-binds-indefinites).
      if (this.raising()) return this.indefinite('pl');
      if (this.negDepth > 0 && this.inObjectNow) {
        this.use('bare-plural-all');
        return this.indefinite('pl');
      }
      const np = this.universal('pl', false);
      this.use('bare-plural-all');
      return np;
    }
    return this.fail('a name, "the …", a quantifier (every, some, no, a) or a plural noun');
  }

  private raising(): boolean {
    const top = this.frames[this.frames.length - 1];
    return top !== undefined && top.raise && this.negDepth === 0;
  }

  private universal(num: 'sg' | 'pl' | 'any' | 'none', negative: boolean): Np {
    const v = this.freshVar();
    this.frames.push({ raise: true, vars: [] });
    const g = num === 'none' ? this.emptyGroup() : this.nounGroup(num);
    const raised = this.frames.pop()!.vars;
    if (raised.length > 0) this.use('if-binds-indefinites');
    const x = mkVar(v);
    const restr = g.restr(x);
    const vars = [v, ...raised];
    return {
      plural: g.plural,
      universal: true,
      negative,
      ref: x,
      ...(g.noun ? { noun: g.noun } : {}),
      q: (s) =>
        restr.kind === 'true' ? mkForall(vars, negative ? not(s(x)) : s(x)) : mkForall(vars, mkImp(restr, negative ? not(s(x)) : s(x))),
    };
  }

  private indefinite(num: 'sg' | 'pl' | 'any' | 'none'): Np {
    const raise = this.raising();
    const v = this.freshVar();
    const g = num === 'none' ? this.emptyGroup() : this.nounGroup(num);
    const x = mkVar(v);
    const restr = g.restr(x);
    const noun = g.noun ? { noun: g.noun } : {};
    if (raise) {
      const f = this.frames[this.frames.length - 1]!;
      f.vars.push(v);
      if (f.restrs) {
        f.restrs.push(restr);
        return { plural: g.plural, universal: false, ref: x, ...noun, q: (s) => s(x) };
      }
      return { plural: g.plural, universal: false, ref: x, ...noun, q: (s) => and([restr, s(x)]) };
    }
    return { plural: g.plural, universal: false, ref: x, ...noun, q: (s) => mkExists([v], and([restr, s(x)])) };
  }

  /** After someone/everything/nobody: only a relative clause may follow. */
  private emptyGroup(): { restr: Scope; plural: boolean; noun?: string } {
    const pps = this.nounPps();
    const rel = this.relatives(false);
    return { restr: (t) => and([...pps.map((r) => r(t)), ...rel.map((r) => r(t))]), plural: false };
  }

  /** 'a city in Montana', 'everyone from Earth': a preposition after a noun is a relation to its object (In, From). */
  private nounPps(): Scope[] {
    const out: Scope[] = [];
    for (;;) {
      const p = this.w();
      if (p === undefined || p === 'of' || !PREPS.has(p) || !this.startsObj(1)) return out;
      this.i++;
      const pred = this.lex(cap(p), { pos: 'adj', word: '', prep: p });
      const obj = this.object();
      out.push((t) => obj((o) => mkAtom(pred, [t, o])));
    }
  }

  /** After a verb and its object: 'has lunch at home' = has lunch, and is at home (rule pp-on-subject). */
  private verbPps(vp: Scope): Scope {
    const pps: Scope[] = [];
    while (this.w() !== undefined && PREPS.has(this.w()!) && this.w() !== 'of' && this.startsObj(1)) {
      const p = this.w()!;
      this.i++;
      const pred = this.lex(cap(p), { pos: 'adj', word: '', prep: p });
      const obj = this.object();
      this.use('pp-on-subject');
      pps.push((t) => obj((o) => mkAtom(pred, [t, o])));
    }
    return pps.length === 0 ? vp : (t) => and([vp(t), ...pps.map((f) => f(t))]);
  }

  /**
   * Adjectives, a noun, optional 'of' + noun phrase and relative clauses. The last
   * word before the verb is the noun (rule last-word-noun); in a plural group the
   * noun is the first plural word.
   */
  private nounGroup(num: 'sg' | 'pl' | 'any'): { restr: Scope; plural: boolean; noun?: string } {
    const words: Token[] = [];
    let plural = num === 'pl';
    if (num === 'any') {
      // Plural when a plural word is followed by what a plural subject's verb phrase starts with
      // ('No cats are …', 'No big cats chase …'); 'No knave tells the truth' is singular.
      for (let k = 0; this.isContent(this.peek(k)) || (k === 0 && this.isNameTok(this.peek(k))) || this.w(k) === ','; k++) {
        const t = this.peek(k)!;
        if (t.w === ',' || !isPluralNoun(t.w)) continue;
        const n = this.peek(k + 1);
        const vpStart =
          n === undefined ||
          ['are', 'do', 'have', 'never', 'who', 'that', 'which', 'of', ',', '.', '?', 'and', 'or'].includes(n.w) ||
          MODALS.has(n.w) ||
          (this.isContent(n) && verbLemma(n.w) === undefined);
        if (k === 0 || vpStart) {
          plural = true;
          break;
        }
      }
    }
    for (;;) {
      const t = this.peek();
      if (t?.w === ',' || (t?.w === 'and' && plural && words.length > 0)) {
        if (words.length > 0 && this.isContent(this.peek(1)) && !(plural && isPluralNoun(words[words.length - 1]!.w))) {
          this.i++;
          continue;
        }
        break;
      }
      if (!this.isContent(t) && !(words.length === 0 && this.isNameTok(t))) break;
      if (!plural && words.length > 0 && this.looksLikeVerb(t!.w)) break;
      // In 'Does every dog bark?' the base-form verb is the word before the object or the '?'.
      if (this.doesQuestion && words.length > 0 && (this.startsNp(1) || this.w(1) === '?' || PREPS.has(this.w(1) ?? ''))) break;
      words.push(t!);
      this.i++;
      if (plural && isPluralNoun(t!.w)) break;
    }
    if (words.length === 0) return this.fail(plural ? 'a plural noun' : 'a noun');
    const head = words[words.length - 1]!;
    if (plural && !isPluralNoun(head.w)) return this.fail('a plural noun', this.i - 1);
    if (words.length > 1) this.use('last-word-noun');
    const adjs = words.slice(0, -1).map((a) => this.lex(cap(a.w), { pos: 'adj', word: a.w }));
    const noun = plural ? singular(head.w) : head.w;
    let nounPred: ((t: Term) => Formula) | undefined;
    if (this.w() === 'of' && this.startsNp(1)) {
      this.i++;
      const obj = this.np(true);
      const p = this.lex(`${cap(noun)}Of`, { pos: 'noun', word: noun, prep: 'of' });
      nounPred = (t) => obj.q((o) => mkAtom(p, [t, o]));
    } else if (!EMPTY_NOUNS.has(noun)) {
      const p = this.lex(cap(noun), { pos: 'noun', word: noun });
      nounPred = (t) => mkAtom(p, [t]);
    } else this.use('empty-nouns');
    const pps = this.nounPps();
    const rel = this.relatives(plural);
    return {
      plural,
      noun,
      restr: (t) =>
        and([...adjs.map((a) => mkAtom(a, [t])), ...(nounPred ? [nounPred(t)] : []), ...pps.map((r) => r(t)), ...rel.map((r) => r(t))]),
    };
  }

  /** 'that/who/which' verb phrase, repeated with 'and that …'. */
  private relatives(plural: boolean): Scope[] {
    const out: Scope[] = [];
    for (;;) {
      const s = this.save();
      if (out.length > 0 && !this.accept('and')) break;
      const w = this.w();
      if (w !== 'that' && w !== 'who' && w !== 'which') {
        this.restore(s);
        break;
      }
      this.i++;
      out.push(this.predicate(plural));
    }
    return out;
  }

  private startsObj(k: number): boolean {
    return this.startsNp(k) || this.massNoun(k);
  }

  /** Whether a noun phrase starts k tokens ahead. */
  private startsNp(k = 0): boolean {
    const t = this.peek(k);
    if (!t) return false;
    if (
      [
        'the',
        'a',
        'an',
        'every',
        'each',
        'all',
        'any',
        'no',
        'some',
        'someone',
        'something',
        'somebody',
        'everyone',
        'everybody',
        'everything',
        'anyone',
        'anybody',
        'anything',
        'nobody',
        'nothing',
        'them',
        'him',
        'her',
        'it',
        'either',
        'neither',
        'both',
      ].includes(t.w)
    )
      return true;
    return this.isNameTok(t) || t.raw.startsWith('"') || (this.isContent(t) && this.pluralAhead(k));
  }
  private pluralAhead(k: number): boolean {
    for (let j = k; this.isContent(this.peek(j)) || (j === k && this.isNameTok(this.peek(j))); j++)
      if (isPluralNoun(this.peek(j)!.w)) return true;
    return false;
  }

  /** A third-person verb form after at least one noun-phrase word (rule last-word-noun). */
  private looksLikeVerb(w: string): boolean {
    return verbLemma(w) !== undefined;
  }

  // ------------------------------------------------------------ verb phrases

  /** Verb phrases joined by and/or, or either/neither/both around two. */
  private predicate(plural: boolean): Scope {
    const w = this.w();
    if (w === 'either' || w === 'neither' || w === 'both') {
      const pair = this.attempt(() => {
        this.i++;
        const a = this.vp(plural);
        this.accept(',');
        this.expect(w === 'either' ? 'or' : w === 'neither' ? 'nor' : 'and');
        const b = this.vp(plural);
        if (w === 'either') this.use('either-inclusive');
        return (t: Term) => (w === 'either' ? or([a(t), b(t)]) : w === 'neither' ? and([not(a(t)), not(b(t))]) : and([a(t), b(t)]));
      });
      if (pair) return pair;
    }
    return this.coordinate(() => this.vp(plural));
  }

  /** Items joined by ','/'and'/'or', 'and' first; stops where a new clause starts (rule new-clause-after-and). */
  private coordinate(item: () => Scope): Scope {
    const ors: Scope[][] = [];
    let ands: Scope[] = [item()];
    for (;;) {
      const s = this.save();
      const comma = this.accept(',');
      const conj = this.w();
      if (conj !== 'and' && conj !== 'or' && !(comma && this.isContent(this.peek()))) {
        this.restore(s);
        break;
      }
      if (conj === 'and' || conj === 'or') this.i++;
      if (this.startsClause()) {
        this.restore(s);
        this.use('new-clause-after-and');
        break;
      }
      const next = this.attempt(item);
      if (!next) {
        this.restore(s);
        break;
      }
      if (conj === 'or') {
        ors.push(ands);
        ands = [next];
      } else ands.push(next);
    }
    ors.push(ands);
    if (ors.length > 1 && ors.some((a) => a.length > 1)) this.use('and-before-or');
    return (t) => or(ors.map((a) => and(a.map((f) => f(t)))));
  }

  /** Whether a subject followed by a verb phrase starts here. */
  private startsClause(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.w === 'there' || t.w === 'either' || t.w === 'neither') return true;
    if (!PRONOUNS.has(t.w) && !this.startsNp() && !(this.isContent(t) && isPluralNoun(t.w))) return false;
    if (t.w === 'them' || t.w === 'him') return false;
    return this.lookahead(() => {
      const subj = this.subject(true);
      this.underSubject(subj, () => this.vp(subj.plural));
    });
  }

  private agree(word: string, plural: boolean): void {
    const pl = word === 'are' || word === 'do' || word === 'have';
    if (pl !== plural)
      this.fail(
        `'${plural ? { is: 'are', does: 'do', has: 'have' }[word] : { are: 'is', do: 'does', have: 'has' }[word]}' (agreeing with the subject)`,
      );
  }

  private vp(plural: boolean): Scope {
    const w = this.w();
    if (w === 'is' || w === 'are') {
      this.agree(w, plural);
      this.i++;
      return this.complement(plural);
    }
    if (w === 'does' || w === 'do') {
      this.agree(w, plural);
      this.i++;
      this.expect('not');
      return this.negated(() => this.verbPhrase('base'));
    }
    if (w === 'never') {
      this.i++;
      if (this.w() === 'is' || this.w() === 'are') {
        this.agree(this.w()!, plural);
        this.i++;
        return this.negated(() => this.complement(plural));
      }
      return this.negated(() => this.verbPhrase(plural ? 'base' : '3sg'));
    }
    if (w !== undefined && MODALS.has(w)) {
      this.i++;
      this.use('modal-plain');
      const neg = this.accept('not');
      const body = (): Scope => {
        if (this.accept('be')) return this.complement(plural);
        return this.verbPhrase('base');
      };
      return neg ? this.negated(body) : body();
    }
    return this.verbPhrase(plural ? 'base' : '3sg');
  }

  private negated(f: () => Scope): Scope {
    this.negDepth++;
    try {
      const s = f();
      return (t) => not(s(t));
    } finally {
      this.negDepth--;
    }
  }

  /** A verb (in the form agreement asks for), with an object, a preposition and an object, or none. */
  private verbPhrase(form: 'base' | '3sg'): Scope {
    const t = this.peek();
    if (!this.isContent(t)) return this.fail(form === '3sg' ? "a verb (e.g. 'likes') or 'is'" : "a verb (e.g. 'like') or 'are'");
    let lemma: string;
    if (form === '3sg') {
      const l = verbLemma(t!.w);
      if (l === undefined) return this.fail("a verb agreeing with the subject (e.g. 'likes', 'is')");
      lemma = l;
    } else {
      if (t!.w === 'has') return this.fail("'have'");
      if (verbLemma(t!.w) !== undefined && !/(ss|us)$/.test(t!.w) && t!.w !== 'have')
        return this.fail("a verb in its base form (e.g. 'like')");
      lemma = t!.w;
    }
    this.i++;
    const p = this.w();
    if (p !== undefined && PREPS.has(p) && this.startsObj(1)) {
      this.i++;
      const pred = this.lex(`${cap(lemma)}${cap(p)}`, { pos: 'verb', word: lemma, prep: p });
      const obj = this.object();
      return (s) => obj((o) => mkAtom(pred, [s, o]));
    }
    if (this.startsNp() || this.massNoun()) {
      const pred = this.lex(cap(lemma), { pos: 'verb', word: lemma });
      const obj = this.object();
      return this.verbPps((s) => obj((o) => mkAtom(pred, [s, o])));
    }
    const pred = this.lex(cap(lemma), { pos: 'verb', word: lemma });
    if (this.isContent(this.peek()) && this.w()!.endsWith('ly')) this.fail('the end of the verb phrase (adverbs are not in the grammar)');
    return (s) => mkAtom(pred, [s]);
  }

  /** An object: a noun phrase, or names joined by 'and'/'or'. */
  /** A lone singular noun as an object names a thing: 'needs water', 'teaches logic' (rule mass-noun). */
  private massNoun(k = 0): boolean {
    const t = this.peek(k);
    if (!this.isContent(t) || isPluralNoun(t!.w) || t!.w.endsWith('ly')) return false;
    const n = this.w(k + 1);
    return (
      n === undefined ||
      PUNCT.has(n) ||
      PREPS.has(n) ||
      n === 'and' ||
      n === 'or' ||
      n === 'then' ||
      n === 'if' ||
      n === 'unless' ||
      n === 'only'
    );
  }

  private object(): (s: Scope) => Formula {
    if (this.massNoun()) {
      const t = this.toks[this.i++]!;
      this.use('mass-noun');
      this.names.set(t.w, t.w);
      const term = mkConst(t.w);
      return (s) => s(term);
    }
    this.inObject = true;
    let a: Np;
    try {
      a = this.np(true);
    } finally {
      this.inObject = false;
    }
    this.pushRef(a);
    if ((this.w() === 'and' || this.w() === 'or') && a.ref?.kind === 'app') {
      const conj = this.w() as 'and' | 'or';
      const s = this.save();
      this.i++;
      if (!this.startsClause() && (this.isNameTok(this.peek()) || this.w() === 'the')) {
        const b = this.attempt(() => this.np(true));
        if (b && !this.lookahead(() => this.vp(false))) return this.joinNps(a, b, conj).q;
      }
      this.restore(s);
    }
    return a.q;
  }
  private pushRef(np: Np): void {
    if (np.ref) this.refs.push({ term: np.ref, plural: np.plural, subject: false, ...(np.noun ? { noun: np.noun } : {}) });
  }

  /** After is/are: adjectives, 'a' + noun, plural nouns, a name or 'the same as'/'equal to' + noun phrase, joined by and/or. */
  private complement(plural: boolean): Scope {
    const w = this.w();
    if (w === 'either' || w === 'neither' || w === 'both') {
      const pair = this.attempt(() => {
        this.i++;
        const a = this.complItem(plural);
        this.accept(',');
        this.expect(w === 'either' ? 'or' : w === 'neither' ? 'nor' : 'and');
        const b = this.complItem(plural);
        if (w === 'either') this.use('either-inclusive');
        return (t: Term) => (w === 'either' ? or([a(t), b(t)]) : w === 'neither' ? and([not(a(t)), not(b(t))]) : and([a(t), b(t)]));
      });
      if (pair) return pair;
    }
    return this.coordinate(() => this.complItem(plural));
  }

  private complItem(plural: boolean): Scope {
    if (this.accept('not')) {
      const s = this.negated(() => this.complItem(plural));
      if (this.w() === 'and' || this.w() === 'or') this.use('not-next-only');
      return s;
    }
    if (this.accept('equal', 'to') || this.accept('the', 'same', 'as') || this.accept('identical', 'to')) {
      const obj = this.object();
      return (t) => obj((o) => mkEq(t, o));
    }
    const w = this.w();
    if (w === 'a' || w === 'an') {
      this.i++;
      const g = this.nounGroup('sg');
      return g.restr;
    }
    if (w === 'the' || (this.isNameTok(this.peek()) && !plural)) {
      const obj = this.object();
      return (t) => obj((o) => mkEq(t, o));
    }
    const pw = this.w();
    if (pw !== undefined && PREPS.has(pw) && this.startsObj(1)) {
      this.i++;
      const pred = this.lex(cap(pw), { pos: 'adj', word: '', prep: pw });
      const obj = this.object();
      return (s) => obj((o) => mkAtom(pred, [s, o]));
    }
    const here = this.peek();
    // 'is tall and likes Alice': a verb form with an object starts a verb phrase, not an adjective.
    if (!plural && this.isContent(here) && this.looksLikeVerb(here!.w) && this.startsNp(1)) return this.fail('an adjective');
    // A plural cannot equal one name: 'are not American' is an adjective.
    if (plural && here && this.isNameTok(here) && !this.pluralAhead(1)) {
      this.i++;
      const pred = this.lex(cap(here.w), { pos: 'adj', word: here.w });
      return (s) => mkAtom(pred, [s]);
    }
    if (plural && this.pluralAhead(0) && !(this.adjFirst && !isPluralNoun(here?.w ?? ''))) {
      const g = this.nounGroup('pl');
      return g.restr;
    }
    const t = this.peek();
    if (!this.isContent(t)) return this.fail("an adjective, 'a' + noun, or 'not'");
    this.i++;
    const p = this.w();
    if (p !== undefined && PREPS.has(p) && this.startsObj(1)) {
      this.i++;
      const pred = this.lex(`${cap(t!.w)}${cap(p)}`, { pos: 'adj', word: t!.w, prep: p });
      const obj = this.object();
      return (s) => obj((o) => mkAtom(pred, [s, o]));
    }
    const pred = this.lex(cap(t!.w), { pos: 'adj', word: t!.w });
    return (s) => mkAtom(pred, [s]);
  }
}

type Outcome = { ok: true; value: GrammarResult } | { ok: false; error: GrammarFailure };

function pass(toks: readonly Token[], firstWord: 'name' | 'word', adjFirst: boolean): Outcome {
  const g = new Grammar(toks, firstWord, adjFirst);
  try {
    const { formula, question } = g.sentence();
    return { ok: true, value: { formula, rules: [...g.rules], lexicon: g.lexicon, names: g.names, question } };
  } catch (e) {
    if (!(e instanceof Backtrack)) throw e;
    const at = Math.max(g.far, e.at);
    return { ok: false, error: { at, found: toks[at]?.raw ?? 'end of sentence', expected: [...g.expected] } };
  }
}

/**
 * A capitalised first word is read first as a name (Charles is kind), unless it is
 * a plural followed by an ordinary word (Cats are mammals); when that reading
 * fails, the other is tried. A failure reports the pass that got further.
 */
export function runGrammar(toks: readonly Token[]): Outcome {
  const first = toks.findIndex((t) => t.w !== '?' && !/^[.,:;!]$/.test(t.w));
  const t = toks[first];
  const maybeName = t !== undefined && /^[A-Z]/.test(t.raw);
  const pluralFirst = maybeName && isPluralNoun(t.w) && toks[first + 1] !== undefined && !/^[A-Z]/.test(toks[first + 1]!.raw);
  // Second choice, only when the first reading fails: after is/are, a plural noun group's first word is an
  // adjective ('People who are kind help others').
  const order: ('name' | 'word')[] = maybeName ? (pluralFirst ? ['word', 'name'] : ['name', 'word']) : ['name'];
  let best: Outcome | undefined;
  for (const adjFirst of [false, true])
    for (const fw of order) {
      const r = pass(toks, fw, adjFirst);
      if (r.ok) return r;
      // The preferred reading's failure is the one reported: it is how the sentence most likely meant to read.
      best ??= r;
    }
  return best!;
}
