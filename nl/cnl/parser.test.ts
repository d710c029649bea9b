import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Formula, Term } from '../../provers/logic/index.js';
import { parseCnlSentence, formatCnlError, verbLemma, singular } from './parser.js';
import { SHARED_CORPORA } from '../../testing/corpora.js';
import { splitSentences, questionStatement } from '../datasets.js';

// A compact rendering to state expectations readably.
function t(x: Term): string {
  return x.kind === 'var' ? x.name.toUpperCase() : x.args.length === 0 ? x.fn : `${x.fn}(${x.args.map(t).join(',')})`;
}
function show(f: Formula): string {
  switch (f.kind) {
    case 'atom':
      return `${f.pred}(${f.args.map(t).join(',')})`;
    case 'eq':
      return `${t(f.left)}=${t(f.right)}`;
    case 'true':
    case 'false':
      return f.kind;
    case 'not':
      return `~${show(f.arg)}`;
    case 'and':
    case 'or':
      return `(${f.args.map(show).join(f.kind === 'and' ? ' & ' : ' | ')})`;
    case 'imp':
    case 'iff':
    case 'xor':
      return `(${show(f.left)} ${f.kind === 'imp' ? '->' : f.kind === 'iff' ? '<->' : '+'} ${show(f.right)})`;
    case 'forall':
    case 'exists':
      return `${f.kind === 'forall' ? 'A' : 'E'}${f.vars.join(',').toUpperCase()}.${show(f.body)}`;
  }
}
function parse(s: string): string {
  const r = parseCnlSentence(s);
  if (!r.ok) throw new Error(formatCnlError(r.error, s));
  return show(r.value);
}

test('ProofWriter facts', () => {
  assert.equal(parse('Bob is cold.'), 'Cold(bob)');
  assert.equal(parse('Charlie is not kind.'), '~Kind(charlie)');
  assert.equal(parse('The bear eats the dog.'), 'Eat(bear,dog)');
  assert.equal(parse('The bald eagle does not chase the cat.'), '~Chase(bald_eagle,cat)');
  assert.equal(parse('The tiger is not red.'), '~Red(tiger)');
  assert.equal(parse('The mouse sees the bald eagle.'), 'See(mouse,bald_eagle)');
});

test('ProofWriter rules', () => {
  assert.equal(parse('If something is big and not red then it is kind.'), 'AX.((Big(X) & ~Red(X)) -> Kind(X))');
  assert.equal(parse('Red, cold things are round.'), 'AX.((Red(X) & Cold(X)) -> Round(X))');
  assert.equal(parse('All quiet people are smart.'), 'AX.(Quiet(X) -> Smart(X))');
  assert.equal(parse('All red, cold things are not round.'), 'AX.((Red(X) & Cold(X)) -> ~Round(X))');
  assert.equal(parse('If the cat sees the dog then the dog is rough.'), '(See(cat,dog) -> Rough(dog))');
  assert.equal(
    parse('If someone is young and they like the lion then the lion eats the mouse.'),
    'AX.((Young(X) & Like(X,lion)) -> Eat(lion,mouse))',
  );
  assert.equal(parse('If someone visits the cow then they do not need the rabbit.'), 'AX.(Visit(X,cow) -> ~Need(X,rabbit))');
  assert.equal(
    parse('If something chases the bear and the bear needs the cat then it is blue.'),
    'AX.((Chase(X,bear) & Need(bear,cat)) -> Blue(X))',
  );
  assert.equal(parse('If Dave is smart and Dave is kind then Dave is quiet.'), '((Smart(dave) & Kind(dave)) -> Quiet(dave))');
  assert.equal(parse('If Bob is not big then Bob is not furry.'), '(~Big(bob) -> ~Furry(bob))');
  assert.equal(parse('Kind things are not white.'), 'AX.(Kind(X) -> ~White(X))');
});

test('textbook forms', () => {
  assert.equal(parse('Every dog is an animal.'), 'AX.(Dog(X) -> Animal(X))');
  assert.equal(parse('No reptile is furry.'), 'AX.(Reptile(X) -> ~Furry(X))');
  assert.equal(parse('No cats are dogs.'), 'AX.(Cat(X) -> ~Dog(X))');
  assert.equal(parse('Some cats are not green.'), 'EX.(Cat(X) & ~Green(X))');
  assert.equal(parse('All dogs are mammals.'), 'AX.(Dog(X) -> Mammal(X))');
  assert.equal(parse('Rex is not a dog.'), '~Dog(rex)');
  assert.equal(parse('Rex is a dog.'), 'Dog(rex)');
});

test('what it does not understand is an error at a word, never a guess', () => {
  const cases: Array<[string, number]> = [
    ['Bob is big or red.', 4],
    ['If something is big then.', 6],
    ['It is big.', 1],
    ['Most dogs are big.', 1],
    ['Nobody likes the cat.', 1],
    ['The bear eats the cat quickly.', 6],
    ['If something is big then someone is red.', 6],
    ['The bear eats.', 4],
    ['Bob quickly eats the dog.', 2],
  ];
  for (const [s, word] of cases) {
    const r = parseCnlSentence(s);
    assert.ok(!r.ok, `should not parse: ${s}`);
    assert.equal(r.error.word, word, `${s}: ${formatCnlError(r.error)}`);
    assert.match(formatCnlError(r.error), /^not understood at word \d+/);
  }
});

test('word helpers', () => {
  assert.equal(verbLemma('chases'), 'chase');
  assert.equal(verbLemma('watches'), 'watch');
  assert.equal(verbLemma('kiss'), undefined);
  assert.equal(singular('mammals'), 'mammal');
  assert.equal(singular('nervous'), 'nervous');
  assert.equal(singular('puppies'), 'puppy');
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
