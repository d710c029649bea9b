import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { GgufProvider } from './gguf.js';
import { NLTK_FOL_GBNF, gbnfProblems } from './grammar.js';
import { parseProviderSpec } from './spec.js';
import { ReplayProvider, recordedFromJson } from './replay.js';

/** Magic number + version 3: enough for the provider's header check; the fake loaders never read further. */
const GGUF_HEADER = Buffer.concat([Buffer.from('GGUF', 'latin1'), Buffer.from([3, 0, 0, 0])]);

test('gguf: a missing model file is an error value', async () => {
  const r = await new GgufProvider('/nonexistent/model.gguf').complete({ prompt: 'x' });
  assert.ok(!r.ok);
  assert.equal(r.error.kind, 'missing');
  assert.match(r.error.message, /model file not found/);
});

test('gguf: a missing node-llama-cpp module is an error value (the real import is tried)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-gguf-'));
  try {
    const model = join(dir, 'm.gguf');
    writeFileSync(model, GGUF_HEADER);
    // The real dynamic import of a module that is not installed here.
    const r = await new GgufProvider(model, undefined, 'node-llama-cpp-not-installed-here').complete({ prompt: 'x' });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'missing');
    assert.match(r.error.message, /not installed/);
    // A module without the v3 API is reported, not crashed on.
    const odd = await new GgufProvider(model, async () => ({})).complete({ prompt: 'x' });
    assert.ok(!odd.ok);
    assert.equal(odd.error.kind, 'config');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gguf: with a module, samples are drawn n times with the grammar', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-gguf-'));
  try {
    const model = join(dir, 'm.gguf');
    writeFileSync(model, GGUF_HEADER);
    const grammars: string[] = [];
    let k = 0;
    const fake = {
      getLlama: async () => ({
        loadModel: async () => ({ createContext: async () => ({ getSequence: () => ({}), dispose: async () => {} }) }),
        createGrammar: async (o: { grammar: string }) => (grammars.push(o.grammar), { g: o.grammar }),
      }),
      LlamaCompletion: class {
        async generateCompletion(_p: string, o: { grammar?: unknown }): Promise<string> {
          assert.ok(o.grammar);
          return `sample ${k++}`;
        }
      },
    };
    const r = await new GgufProvider(model, async () => fake).complete({ prompt: 'x', n: 3, grammar: NLTK_FOL_GBNF });
    assert.ok(r.ok);
    assert.deepEqual(r.value, ['sample 0', 'sample 1', 'sample 2']);
    assert.deepEqual(grammars, [NLTK_FOL_GBNF]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the NLTK-FOL GBNF grammar is well-formed', () => {
  assert.deepEqual(gbnfProblems(NLTK_FOL_GBNF), []);
  assert.deepEqual(gbnfProblems('root ::= a b\na ::= "x"'), ['undefined rule b']);
});

test('provider specs', () => {
  assert.deepEqual(parseProviderSpec('cnl'), { ok: true, value: { kind: 'cnl' } });
  assert.deepEqual(parseProviderSpec('replay:/x/y.json'), { ok: true, value: { kind: 'replay', file: '/x/y.json' } });
  assert.deepEqual(parseProviderSpec('openai:gpt-4o'), {
    ok: true,
    value: { kind: 'openai', model: 'gpt-4o', baseUrl: 'https://api.openai.com/v1' },
  });
  assert.deepEqual(parseProviderSpec('openai:llama@http://127.0.0.1:8080/v1'), {
    ok: true,
    value: { kind: 'openai', model: 'llama', baseUrl: 'http://127.0.0.1:8080/v1' },
  });
  assert.deepEqual(parseProviderSpec('gguf:/m.gguf'), { ok: true, value: { kind: 'gguf', path: '/m.gguf' } });
  assert.ok(!parseProviderSpec('openai:m@ftp://x').ok);
  assert.ok(!parseProviderSpec('claude').ok);
});

test('replay looks up by id and reports what is missing', async () => {
  const rec = recordedFromJson([['a', 'b', 'c'], { id: 'FOLIO_dev_3', raw_logic_programs: ['prog'] }]);
  assert.ok(rec.ok);
  const p = new ReplayProvider('replay:t', rec.value);
  assert.deepEqual(await p.complete({ problemId: 'linc_0', n: 2 }), { ok: true, value: ['a', 'b'] });
  assert.deepEqual(await p.complete({ problemId: 'FOLIO_dev_3' }), { ok: true, value: ['prog'] });
  const miss = await p.complete({ problemId: 'nope' });
  assert.ok(!miss.ok);
  assert.equal(miss.error.kind, 'missing');
});

test('controlled English as an LlmProvider answers LINC-format completions that the pipeline reads back', async () => {
  const { CnlProvider } = await import('./cnl.js');
  const { buildPrompt } = await import('../prompt.js');
  const { extractLinc } = await import('../extract.js');
  const p = new CnlProvider();
  const r = await p.complete({
    prompt: buildPrompt({
      id: 'a',
      premises: ['The bear eats the dog.', 'If something eats the dog then it is big.'],
      conclusion: 'The bear is big.',
    }),
    n: 2,
  });
  assert.ok(r.ok);
  assert.equal(r.value.length, 2);
  const ex = extractLinc(r.value[0]!);
  assert.ok(ex.ok);
  assert.deepEqual(
    [...ex.value.premises, ex.value.conclusion].map((l) => l.fol),
    ['Eat(Bear, Dog)', 'all x. (Eat(x, Dog) -> Big(x))', 'Big(Bear)'],
  );
  const bad = await p.complete({ prompt: buildPrompt({ id: 'b', premises: ['Bob is bigger than Ann.'], conclusion: 'Bob is big.' }) });
  assert.ok(!bad.ok);
  assert.match(bad.error.message, /not understood at word 4/);
});

test('the NLTK-FOL grammar allows what our parser reads, and not the scope-escaping forms', async () => {
  const { parseGbnf, gbnfAccepts } = await import('../testing/gbnf-match.js');
  const { parseFormula } = await import('../../provers/logic/syntax/index.js');
  const { existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { SHARED_CORPORA } = await import('../../testing/corpora.js');
  const g = parseGbnf(NLTK_FOL_GBNF);
  const yes = [
    'all x. (Cat(x) -> Animal(x))',
    '-Teach(Jerry) & -Manager(Jerry)',
    'all x. all y. (Taller(x, y) -> -Taller(y, x))',
    '-(exists x. (P(x) & Q(x)))',
    'all x. -P(x)',
    'Owns(Tom, f(Rex)) & Tom != Rex',
  ];
  const no = ['all x. P(x) & Q(x)', 'A -> B -> C', 'P(1984)', 'all X. P(X)', 'P(x) ^ Q(x)'];
  for (const s of yes) {
    assert.ok(gbnfAccepts(g, s, 'formula'), s);
    assert.ok(parseFormula(s, 'nltk').ok, s);
  }
  for (const s of no) assert.ok(!gbnfAccepts(g, s, 'formula'), s);
  assert.ok(gbnfAccepts(g, 'TEXT:\tAll cats are animals.\nFOL:\tall x. (Cat(x) -> Animal(x))\n'));
  const file = join(SHARED_CORPORA, 'linc-replay', 'gpt-3.5-turbo-16k-0613_folio-neurosymbolic-8shot_generations_raw.json');
  if (!existsSync(file)) return;
  // On LINC's 11,327 recorded FOL lines: whatever the grammar accepts, our parser reads, except
  // lines that reuse a variable outside the quantifier binding it elsewhere (no CFG can exclude that).
  let accepted = 0;
  const unparsed: string[] = [];
  for (const c of (JSON.parse(readFileSync(file, 'utf8')) as string[][]).flat())
    for (const line of c.split('\n')) {
      if (!line.startsWith('FOL:\t')) continue;
      const f = line.slice(5).trim();
      if (!gbnfAccepts(g, f, 'formula')) continue;
      accepted++;
      const r = parseFormula(f, 'nltk');
      if (!r.ok) unparsed.push(`${f}: ${r.error.message}`);
    }
  assert.ok(accepted > 10_000, `accepted ${accepted}`);
  assert.ok(unparsed.length <= 2 && unparsed.every((u) => /outside the scope/.test(u)), unparsed.join('\n'));
});
