import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { command } from './eval.js';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import { memoryIo as io } from '../testing.js';

const PW = [
  {
    id: 'ProofWriter_AttNoneg-OWA-D2-1_Q1',
    context: 'Bob is big. If something is big then it is red. All red things are round.',
    question: 'Based on the above information, is the following statement true, false, or unknown? Bob is round.',
    options: ['A) True', 'B) False', 'C) Unknown'],
    answer: 'A',
  },
  {
    id: 'ProofWriter_AttNeg-OWA-D1-2_Q1',
    context: 'The cat is not kind. If the cat is kind then the cat is blue.',
    question: 'Based on the above information, is the following statement true, false, or unknown? The cat is blue.',
    options: ['A) True', 'B) False', 'C) Unknown'],
    answer: 'C',
  },
  {
    id: 'ProofWriter_AttNeg-OWA-D1-3_Q1',
    context: 'Anne is young. Young people are not smart.',
    question: 'Based on the above information, is the following statement true, false, or unknown? Anne is smart.',
    options: ['A) True', 'B) False', 'C) Unknown'],
    answer: 'B',
  },
];

test('entail eval: controlled English on a ProofWriter-format file, with --json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-eval-'));
  try {
    writeFileSync(join(dir, 'pw.json'), JSON.stringify(PW));
    const x = io(dir);
    const code = await command.run(['pw.json', '--provider', 'cnl', '--json', 'out.json', '--no-cache'], x);
    assert.equal(code, 0, x.errText());
    assert.match(x.outText(), /accuracy: 100\.00 % \(3\/3\)/);
    assert.match(x.outText(), /D1: 100\.00 % \(2\/2\)/);
    const j = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(j.dataset, 'pw.json');
    assert.equal(j.provider, 'cnl');
    assert.equal(j.total, 3);
    assert.equal(j.correct, 3);
    assert.equal(j.accuracy, 100);
    assert.equal(j.errors, 0);
    assert.deepEqual((j.confusion as Record<string, Record<string, number>>).Uncertain, { True: 0, False: 0, Uncertain: 1, Error: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('entail eval: replays a LINC file with its references beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-eval-'));
  try {
    const fx = JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'fixtures', 'linc-excerpt.json'), 'utf8')) as {
      raw: string[][];
      references: string[];
    };
    writeFileSync(join(dir, 'x_generations_raw.json'), JSON.stringify(fx.raw));
    writeFileSync(join(dir, 'x_references.json'), JSON.stringify(fx.references));
    const x = io(dir);
    const code = await command.run(['x_generations_raw.json', '--samples', '10'], x);
    assert.equal(code, 0, x.errText());
    assert.match(x.outText(), /provider: replay:x_generations_raw\.json/);
    assert.match(x.outText(), /\/8\)/);
    assert.match(x.outText(), /\/80 samples Error/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('entail eval: usage and input errors', async () => {
  const x = io(PROJECT_ROOT);
  assert.equal(await command.run([], x), 2);
  assert.equal(await command.run(['a.json', '--samples', 'zero'], x), 2);
  const y = io(PROJECT_ROOT);
  assert.equal(await command.run(['/nonexistent.json'], y), 1);
  assert.match(y.errText(), /cannot read/);
});

test('entail eval on the shipped samples (corpora/)', async () => {
  const x = io(PROJECT_ROOT);
  assert.equal(
    await command.run(['corpora/proofwriter/dev-sample.json', '--provider', 'cnl', '--semantics', 'proofwriter', '--no-cache'], x),
    0,
    x.errText(),
  );
  assert.match(x.outText(), /accuracy: 100\.00 % \(36\/36\)/);
  const y = io(PROJECT_ROOT);
  assert.equal(await command.run(['corpora/folio/validation-sample.jsonl', '--gold-fol', '--no-cache'], y), 0, y.errText());
  // FOLIO_dev_2 and FOLIO_dev_5 are documented annotation errors (nl/fixtures/folio-gold-disagreements.json).
  assert.match(y.outText(), /accuracy: 91\.67 % \(22\/24\)/);
});
