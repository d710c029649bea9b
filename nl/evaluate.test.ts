import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../testing/corpora.js';
import { startFakeServer } from './testing/openai-server.js';
import { parseLinc } from './datasets.js';
import { evaluate } from './evaluate.js';
import { defaultEngine } from './engine.js';
import { NLTK_FOL_GBNF } from './providers/grammar.js';

const fixture = JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'fixtures', 'linc-excerpt.json'), 'utf8')) as {
  raw: string[][];
  references: string[];
  prc: string[][];
};

test('openai:MODEL@URL with --grammar: one request per sample carrying the GBNF grammar; verdicts are those LINC recorded', async () => {
  const ds = parseLinc(fixture.raw, fixture.references);
  assert.ok(ds.ok);
  const byConclusion = new Map(ds.value.problems.map((p, i) => [p.conclusion.trim(), i]));
  const served = new Map<number, number>();
  const srv = await startFakeServer(
    (r) => {
      const i = byConclusion.get(r.key) ?? -1;
      const k = served.get(i) ?? 0;
      served.set(i, k + 1);
      return { kind: 'completions', texts: [fixture.raw[i]![k % 10]!] };
    },
    (b) => {
      const text = (b.messages as { content: string }[]).map((m) => m.content).join('\n');
      const all = [...text.matchAll(/<CONCLUSION>\n([^\n]*)\n<\/CONCLUSION>/g)];
      return all[all.length - 1]?.[1] ?? '';
    },
  );
  try {
    // One problem at a time, so sample k of problem i is recorded completion k.
    const run = await evaluate({ ...ds.value, problems: ds.value.problems.slice(0, 3) }, defaultEngine, {
      provider: `openai:recorded@${srv.baseUrl}`,
      grammar: true,
      samples: 10,
      concurrency: 1,
    });
    assert.ok(run.ok);
    assert.equal(srv.requests.length, 30);
    assert.ok(srv.requests.every((r) => r.body.grammar === NLTK_FOL_GBNF && r.body.n === undefined));
    // Requests of one problem may arrive in any order, so compare the verdicts as multisets with LINC's recorded ones
    // (problems 0–2 have no disagreement in the full replay).
    run.value.results.forEach((r, i) => {
      assert.equal(r.samples.length, 10, `problem ${i}`);
      assert.deepEqual(r.samples.map((s) => s.verdict).sort(), [...fixture.prc[i]!].sort(), `problem ${i}`);
    });
  } finally {
    await srv.close();
  }
});
