import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { majorityVote, tally } from './vote.js';
import type { Verdict } from './types.js';

test('majority ignores Error; all-Error is Error', () => {
  assert.equal(majorityVote(['Error', 'False', 'Error', 'False', 'True']), 'False');
  assert.equal(majorityVote(['Error', 'Error']), 'Error');
  assert.equal(majorityVote([]), 'Error');
});

test("ties go to the verdict seen first, as Python's Counter.most_common does", () => {
  assert.equal(majorityVote(['Uncertain', 'True', 'True', 'Uncertain']), 'Uncertain');
  assert.equal(majorityVote(['Error', 'True', 'Uncertain', 'Uncertain', 'True']), 'True');
  assert.equal(majorityVote(['False', 'True', 'Uncertain']), 'False');
});

test('property: the winner has the maximal count and no earlier verdict ties it', () => {
  const v = fc.constantFrom<Verdict>('True', 'False', 'Uncertain', 'Error');
  fc.assert(
    fc.property(fc.array(v, { maxLength: 12 }), (vs) => {
      const w = majorityVote(vs);
      const t = tally(vs);
      if (vs.every((x) => x === 'Error')) return w === 'Error';
      const max = Math.max(t.True, t.False, t.Uncertain);
      if (w === 'Error' || t[w] !== max) return false;
      const firstOfWinner = vs.indexOf(w);
      return vs.slice(0, firstOfWinner).every((x) => x === 'Error' || t[x] < max);
    }),
  );
});
