import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractLinc, extractLogicLm, detectFormat, lincReformat } from './extract.js';

test('LINC completions: every FOL: line, last one is the conclusion, TEXT kept', () => {
  const r = extractLinc(
    'TEXT:\tAll cats purr.\nFOL:\tall x. (Cat(x) -> Purr(x))\nTEXT:\tTom is a cat.\nFOL:\tCat(Tom)\nTEXT:\tTom purrs.\nFOL:\tPurr(Tom)\n',
  );
  assert.ok(r.ok);
  assert.equal(r.value.dialect, 'nltk');
  assert.deepEqual(
    r.value.premises.map((p) => [p.text, p.fol]),
    [
      ['All cats purr.', 'all x. (Cat(x) -> Purr(x))'],
      ['Tom is a cat.', 'Cat(Tom)'],
    ],
  );
  assert.equal(r.value.conclusion.fol, 'Purr(Tom)');
  assert.ok(!extractLinc('I cannot translate this.').ok);
});

test('Logic-LM programs: Premises and Conclusion sections, formula ::: sentence', () => {
  const prog =
    'Predicates:\nP(x) ::: x is p\nPremises:\n∀x (P(x) → Q(x)) ::: All p are q.\nP(a) ::: a is p.\nConclusion:\nQ(a) ::: a is q.';
  assert.equal(detectFormat(prog), 'logiclm');
  const r = extractLogicLm(prog);
  assert.ok(r.ok);
  assert.equal(r.value.dialect, 'folio');
  assert.deepEqual(
    r.value.premises.map((p) => p.fol),
    ['∀x (P(x) → Q(x))', 'P(a)'],
  );
  assert.equal(r.value.conclusion.text, 'a is q.');
  assert.ok(!extractLogicLm('Premises:\nP(a) ::: a').ok);
});

test("lincReformat reproduces LINC's reformat_fol string rewriting", () => {
  assert.equal(
    lincReformat('StreamingService(1984) -> HardcoverBook(1984)'),
    'StreamingService(OneNineEightFour) -> HardcoverBook(OneNineEightFour)',
  );
  assert.equal(lincReformat('all x. (Young(x) -> -Teach(x))'), 'all x. (Young(x) -> -Teach(x))');
  assert.equal(lincReformat("Owns(Tom, St. John's)"), 'Owns(Tom, StDot_Johns)');
  // An innermost group without parentheses inside gets mangled: that is what LINC's prover saw.
  assert.equal(lincReformat('all x. (-A | B)'), 'all x. (_A_|_B)');
});
