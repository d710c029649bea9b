import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCnlSentence, readCnlSentence, formatCnlError, verbLemma, singular } from './parser.js';
import { isPluralNoun, thirdSingular } from './morphology.js';
import { showFormula } from './show.js';
import { coverage } from './coverage.js';
import { SHARED_CORPORA, PROJECT_ROOT } from '../../testing/corpora.js';
import { splitSentences, questionStatement } from '../datasets.js';

function parse(s: string): string {
  const r = parseCnlSentence(s);
  if (!r.ok) throw new Error(formatCnlError(r.error, s));
  return showFormula(r.value);
}
function reading(s: string): { paraphrase: string; rules: string[] } {
  const r = readCnlSentence(s);
  if (!r.ok) throw new Error(formatCnlError(r.error, s));
  return { paraphrase: r.value.paraphrase, rules: r.value.rules.map((x) => x.id) };
}

interface Entry {
  readonly style: string;
  readonly sentence: string;
  readonly formula: string | null;
}
const corpus = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'cnl', 'testdata', 'corpus.json'), 'utf8')) as { sentences: Entry[] })
  .sentences;

test('the corpus: at least 300 sentences in several styles, each read as its expected formula', () => {
  const understood = corpus.filter((e) => e.formula !== null);
  assert.ok(understood.length >= 300, `${understood.length} sentences with formulas`);
  assert.ok(new Set(corpus.map((e) => e.style)).size >= 5);
  const wrong: string[] = [];
  for (const e of understood) {
    const r = parseCnlSentence(e.sentence);
    const got = r.ok ? showFormula(r.value) : formatCnlError(r.error);
    if (got !== e.formula) wrong.push(`${e.sentence}\n  expected ${e.formula}\n  got      ${got}`);
  }
  assert.deepEqual(wrong, []);
});

test('the corpus: sentences outside the grammar are refused with a position, what was expected and a rewrite', () => {
  const refused = corpus.filter((e) => e.formula === null);
  assert.ok(refused.length >= 20);
  for (const e of refused) {
    const r = readCnlSentence(e.sentence);
    assert.ok(!r.ok, `should not be understood: ${e.sentence}`);
    assert.ok(r.error.word >= 1, e.sentence);
    assert.ok((r.error.expected ?? []).length > 0, e.sentence);
    assert.ok((r.error.suggestion ?? '').length > 0, e.sentence);
  }
});

test('every understood corpus sentence gets a paraphrase in words (no raw symbols)', () => {
  for (const e of corpus.filter((x) => x.formula !== null)) {
    const r = reading(e.sentence);
    assert.match(r.paraphrase, /^[A-Z"].*\.$/, e.sentence);
    assert.doesNotMatch(r.paraphrase, /[A-Z][a-z]*\(/, `${e.sentence}: ${r.paraphrase}`);
  }
});

test('paraphrases say the reading back explicitly', () => {
  assert.equal(reading('Cats are mammals.').paraphrase, 'For every X: if X is a cat then X is a mammal.');
  assert.equal(reading('A hawk never lands.').paraphrase, 'For every X: if X is a hawk then X does not land.');
  assert.equal(reading('Bob does not like a cat.').paraphrase, 'There is no X such that both X is a cat and Bob likes X.');
  assert.equal(
    reading('Every dog chases some cat.').paraphrase,
    'For every X: if X is a dog then there is a Y such that both Y is a cat and X chases Y.',
  );
  assert.equal(reading('Bob lives in Paris.').paraphrase, 'Bob lives in Paris.');
  assert.equal(reading('The bald eagle is not afraid of Bob.').paraphrase, 'The bald eagle is not afraid of Bob.');
  assert.equal(reading('Bob is the same as Robert.').paraphrase, 'Bob is the same as Robert.');
});

test('the interpretation rule that decided a reading is reported, and only then', () => {
  assert.deepEqual(reading('Bob is big.').rules, []);
  assert.ok(reading('A cat is a mammal.').rules.includes('generic-a'));
  assert.ok(reading('If a cat is hungry then it meows.').rules.includes('if-binds-indefinites'));
  assert.ok(reading('Bob is big or red and heavy.').rules.includes('and-before-or'));
  assert.ok(!reading('Bob is big or red.').rules.includes('and-before-or'));
  assert.ok(reading('Bob is not big and red.').rules.includes('not-next-only'));
  assert.ok(reading('Cats are mammals.').rules.includes('bare-plural-all'));
  assert.ok(reading('Bob is big and Ann is red.').rules.includes('new-clause-after-and'));
  assert.ok(reading('A bird can fly.').rules.includes('modal-plain'));
  assert.ok(reading('If a student studies then the student passes.').rules.includes('definite-anaphora'));
});

test('position decides the part of speech: one invented word as noun, adjective and verb', () => {
  assert.equal(parse('Quib is a blorf.'), 'Blorf(quib)');
  assert.equal(parse('Quib is blorf.'), 'Blorf(quib)');
  assert.equal(parse('Blorfs are wugs.'), 'AX.(Blorf(X) -> Wug(X))');
  assert.equal(parse('Quib blorfs Vorp.'), 'Blorf(quib,vorp)');
  assert.equal(parse('Quib blorfs.'), 'Blorf(quib)');
});

test('errors give the word, what was expected there and a rewrite', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['Most dogs are big.', 1, /'all' or 'some'/],
    ['Bob is big because Ann is.', 4, /if … then/],
    ['It is big.', 1, /./],
    ['If something is big then.', 6, /If <subject>/],
    ['The bear eats the cat quickly.', 6, /adverb 'quickly'/],
    ['Bob quickly eats the dog.', 2, /adverb 'quickly'/],
    ['Bob are tall.', 2, /./],
    ['Bob was tired.', 2, /present tense/],
  ];
  for (const [s, word, suggestion] of cases) {
    const r = readCnlSentence(s);
    assert.ok(!r.ok, `should not parse: ${s}`);
    assert.equal(r.error.word, word, `${s}: ${formatCnlError(r.error)}`);
    assert.match(r.error.suggestion ?? '', suggestion, s);
    assert.match(formatCnlError(r.error, s), /^not understood at word \d+ \('.*'\): expected .+; try: /);
  }
  const agree = readCnlSentence('Bob are tall.');
  assert.ok(!agree.ok && agree.error.expected?.some((x) => x.includes("'is'")));
});

test('hostile input: long, empty or binary sentences are refused quickly, never thrown', () => {
  const long = Array.from({ length: 500 }, () => 'big').join(' and ');
  for (const s of ['', '   ', `Bob is ${long}.`, '\u0000\u0001((((', 'if if if if if if if if if if then then then', '"'.repeat(300)]) {
    const r = readCnlSentence(s);
    assert.ok(!r.ok, JSON.stringify(s.slice(0, 40)));
    assert.ok(r.error.word >= 1);
  }
});

test('morphology: pluralize plus rules for invented words', () => {
  assert.equal(singular('mammals'), 'mammal');
  assert.equal(singular('mice'), 'mouse');
  assert.equal(singular('glorpuses'), 'glorpus');
  assert.equal(singular('zibbies'), 'zibby');
  assert.equal(singular('krandexes'), 'krandex');
  assert.equal(singular('nervous'), 'nervous');
  assert.equal(singular('cacti'), 'cactus');
  assert.ok(isPluralNoun('people') && isPluralNoun('wugs') && !isPluralNoun('glass') && !isPluralNoun('famous'));
  assert.equal(verbLemma('chases'), 'chase');
  assert.equal(verbLemma('watches'), 'watch');
  assert.equal(verbLemma('flies'), 'fly');
  assert.equal(verbLemma('has'), 'have');
  assert.equal(verbLemma('kiss'), undefined);
  assert.equal(thirdSingular('fly'), 'flies');
  assert.equal(thirdSingular('have'), 'has');
  assert.equal(thirdSingular('zorb'), 'zorbs');
});

test('every sentence of ProofWriter dev is understood', { skip: !existsSync(join(SHARED_CORPORA, 'proofwriter', 'dev.json')) }, () => {
  const d = JSON.parse(readFileSync(join(SHARED_CORPORA, 'proofwriter', 'dev.json'), 'utf8')) as { context: string; question: string }[];
  const failures: string[] = [];
  for (const x of d)
    for (const s of [...splitSentences(x.context), questionStatement(x.question)]) {
      const r = parseCnlSentence(s);
      if (!r.ok) failures.push(formatCnlError(r.error, s));
    }
  assert.deepEqual(failures.slice(0, 5), []);
});

const folio = join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl');
test('FOLIO validation: the hand-checked premise readings hold', { skip: !existsSync(folio) }, () => {
  const checked = JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'cnl', 'testdata', 'folio-checked.json'), 'utf8')) as {
    sentences: { sentence: string; formula: string }[];
  };
  const premises = new Set(
    readFileSync(folio, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => (JSON.parse(l) as { premises: string[] }).premises.map((p) => p.trim())),
  );
  assert.ok(checked.sentences.length >= 40);
  for (const c of checked.sentences) {
    assert.ok(premises.has(c.sentence), `not a FOLIO validation premise: ${c.sentence}`);
    assert.equal(parse(c.sentence), c.formula, c.sentence);
  }
  const cov = coverage([...premises]);
  assert.ok(cov.understood >= checked.sentences.length && cov.understood <= cov.total);
});

test('the grammar reference shown in the UI: every example reads as its formula, every rule has a text', async () => {
  const { CONSTRUCTIONS, RULES } = await import('./reference.js');
  assert.ok(CONSTRUCTIONS.length >= 15);
  for (const c of CONSTRUCTIONS) assert.equal(parse(c.example), c.formula, c.example);
  for (const [id, text] of Object.entries(RULES)) assert.ok(text.length > 20, id);
});

test('the controlled-English translator carries each paraphrase, with its rules, to the pipeline', async () => {
  const { cnlTranslator } = await import('../pipeline.js');
  const [d] = await cnlTranslator().translate({
    id: 'p',
    premises: ['A cat is a mammal.', 'Tom is a cat.'],
    conclusion: 'Tom is a mammal.',
  });
  assert.equal(d!.premises[0]!.paraphrase, 'For every X: if X is a cat then X is a mammal. (rules: generic-a)');
  assert.equal(d!.premises[1]!.paraphrase, 'Tom is a cat.');
  assert.equal(d!.conclusion!.paraphrase, 'Tom is a mammal.');
});
