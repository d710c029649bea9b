import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { loadDataset, parseFolioJsonl, parseLogicLm, splitSentences, questionStatement, depthFromId } from './datasets.js';
import { recordedFromJson } from './providers/replay.js';
import type { NlProblem } from './types.js';

const shared = existsSync(SHARED_CORPORA);

test('small readers', () => {
  assert.deepEqual(splitSentences('Bob is big. The cat is red.  If x then y.'), ['Bob is big.', 'The cat is red.', 'If x then y.']);
  assert.equal(
    questionStatement('Based on the above information, is the following statement true, false, or unknown? Bob is big.'),
    'Bob is big.',
  );
  assert.equal(depthFromId('ProofWriter_RelNeg-OWA-D5-1041_Q1'), 5);
  const f = parseFolioJsonl('{"premises":["A."],"premises-FOL":["P(a)"],"conclusion":"B.","conclusion-FOL":"Q(a)","label":"Unknown"}\n');
  assert.ok(f.ok);
  assert.equal(f.value.problems[0]!.label, 'Uncertain');
  assert.equal(f.value.problems[0]!.id, 'FOLIO_dev_0');
  assert.ok(!parseFolioJsonl('{"premises": 3}').ok);
  const l = parseLogicLm([
    { id: 'q', context: 'A. B.', question: 'Is it? C.', answer: 'B', options: ['A) True', 'B) False', 'C) Unknown'] },
  ]);
  assert.ok(l.ok);
  assert.equal(l.value.problems[0]!.label, 'False');
  assert.deepEqual(l.value.problems[0]!.premises, ['A.', 'B.']);
});

test('real datasets are recognized by content', { skip: !shared }, async () => {
  const folio = await loadDataset(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'));
  assert.ok(folio.ok);
  assert.equal(folio.value.kind, 'folio-jsonl');
  assert.equal(folio.value.problems.length, 204);
  assert.ok(folio.value.problems.every((p) => p.gold && p.label));
  const pw = await loadDataset(join(SHARED_CORPORA, 'proofwriter', 'dev.json'));
  assert.ok(pw.ok);
  assert.equal(pw.value.kind, 'logiclm');
  assert.equal(pw.value.problems.length, 600);
  const labels = new Set(pw.value.problems.map((p) => p.label));
  assert.deepEqual([...labels].sort(), ['False', 'True', 'Uncertain']);
  const linc = await loadDataset(
    join(SHARED_CORPORA, 'linc-replay', 'gpt-3.5-turbo-16k-0613_folio-neurosymbolic-8shot_generations_raw.json'),
  );
  assert.ok(linc.ok);
  assert.equal(linc.value.kind, 'linc');
  assert.equal(linc.value.problems.length, 182);
  assert.equal(linc.value.recorded?.get('linc_0')?.length, 10);
  assert.ok(linc.value.problems[0]!.premises.length > 0);
});

test("Logic-LM's FOLIO ids index the validation file in order (replay:FILE alignment)", { skip: !shared }, async () => {
  const folio = await loadDataset(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'));
  assert.ok(folio.ok);
  const json = JSON.parse(readFileSync(join(SHARED_CORPORA, 'logiclm-replay', 'FOLIO_dev_gpt-3.5-turbo.json'), 'utf8')) as {
    id: string;
    context: string;
    question: string;
  }[];
  const rec = recordedFromJson(json);
  assert.ok(rec.ok);
  for (let i = 0; i < folio.value.problems.length; i++) {
    const p: NlProblem = folio.value.problems[i]!;
    const l = json[i]!;
    assert.equal(l.id, p.id);
    assert.ok(l.context.includes(p.premises[0]!.trim().slice(0, 30)), p.id);
    assert.ok(l.question.includes(p.conclusion.trim().slice(0, 30)), p.id);
    assert.ok(rec.value.has(p.id));
  }
});

test('unreadable or unknown input is an error value', async () => {
  const r = await loadDataset('/nonexistent/file.json');
  assert.ok(!r.ok);
  assert.match(r.error, /cannot read/);
});
