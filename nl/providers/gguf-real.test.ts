/**
 * Tests against the real node-llama-cpp module (optional dependency, prebuilt
 * llama.cpp binary). No GGUF weights can be fetched here, so generation itself is
 * not exercised; what is: the module loads and our NLTK-FOL grammar compiles in
 * llama.cpp's own GBNF parser; a file that is not a GGUF model is a 'config' error
 * value before it reaches llama.cpp.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { GgufProvider, ggufHeaderProblem } from './gguf.js';
import { NLTK_FOL_GBNF } from './grammar.js';

interface RealLlama {
  getLlama(o: { build: 'never'; gpu: false; progressLogs: false }): Promise<{
    createGrammar(o: { grammar: string }): Promise<unknown>;
    dispose(): Promise<void>;
  }>;
}

async function loadReal(): Promise<RealLlama | string> {
  try {
    return (await import('node-llama-cpp' as string)) as RealLlama;
  } catch (e) {
    return `node-llama-cpp not installed (optional dependency): ${(e as Error).message.split('\n')[0]}`;
  }
}

const real = await loadReal();
const skip = typeof real === 'string' ? real : false;

test('gguf (real node-llama-cpp): the NLTK-FOL grammar compiles in llama.cpp', { skip }, async () => {
  const mod = real as RealLlama;
  const llama = await mod.getLlama({ build: 'never', gpu: false, progressLogs: false });
  try {
    const grammar = await llama.createGrammar({ grammar: NLTK_FOL_GBNF });
    assert.ok(grammar);
    // A broken grammar is rejected by the same parser, so the check above can fail.
    await assert.rejects(llama.createGrammar({ grammar: 'root ::= undefined-rule' }));
  } finally {
    await llama.dispose();
  }
});

test('gguf: files that are not GGUF models are error values before llama.cpp sees them', async () => {
  // node-llama-cpp 3.22 hangs on a bad version field, so the provider checks the header itself.
  const dir = mkdtempSync(join(tmpdir(), 'entail-gguf-real-'));
  try {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['text.gguf', Buffer.from('GGUF but not really a model'), /unsupported GGUF version/],
      ['short.gguf', Buffer.from('GGU'), /no GGUF magic/],
      ['other.gguf', Buffer.from('PK\x03\x04zipfile'), /no GGUF magic/],
    ];
    for (const [name, bytes, re] of cases) {
      const model = join(dir, name);
      writeFileSync(model, bytes);
      const r = await new GgufProvider(model).complete({ prompt: 'TEXT: All dogs are animals.\nFOL:' });
      assert.ok(!r.ok);
      assert.equal(r.error.kind, 'config');
      assert.match(r.error.message, re);
    }
    const header = Buffer.alloc(8);
    header.write('GGUF', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    const good = join(dir, 'header-only.gguf');
    writeFileSync(good, header);
    assert.equal(ggufHeaderProblem(good), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
