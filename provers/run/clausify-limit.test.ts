import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem } from '../logic/problem.js';
import { mkAtom, mkOr } from '../logic/formula.js';
import { proveProblem } from './index.js';

/** One clause of 40 000 literals: seconds of clausification (deduplication is quadratic in a clause's length). */
const WIDE: Problem = {
  name: 'wide',
  statements: [
    { name: 'a', role: 'axiom', language: 'fof', formula: mkOr(Array.from({ length: 40_000 }, (_, i) => mkAtom(`p${i}`))) },
    { name: 'c', role: 'conjecture', language: 'fof', formula: mkAtom('q') },
  ],
};

test(
  'proveProblem: clausification counts against the limit and ends as Timeout, in this thread and in a worker',
  { timeout: 60_000 },
  async () => {
    for (const inWorker of [false, true]) {
      const r = await proveProblem(WIDE, { timeoutMs: 500, inWorker });
      assert.equal(r.status, 'Timeout', `inWorker=${inWorker}`);
      // Not the worker killed at the limit: the clausifier stopped itself and said where.
      assert.match(r.message ?? '', /^clausification ran out of time \(in [a-z ]+ of a\)$/, `inWorker=${inWorker}`);
    }
  },
);
