import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeResponse, encodeRequest, FrameDecoder, replyKind } from './protocol.js';

const PRETTY =
  '{"sorries":\n [{"proofState": 0,\n   "pos": {"line": 1, "column": 18},\n   "goal": "⊢ Nat",\n   "endPos": {"line": 1, "column": 23}}],\n "env": 6}';

test('framing: a pretty-printed multi-line reply is one frame, ended by a blank line', () => {
  const d = new FrameDecoder();
  assert.deepEqual(d.push(PRETTY + '\n'), []);
  assert.deepEqual(d.push('\n'), [PRETTY]);
  assert.equal(d.buffered, 0);
});

test('framing: leading blank lines, CRLF and whitespace-only separators', () => {
  const d = new FrameDecoder();
  assert.deepEqual(d.push('\n\n{"env": 0}\r\n  \r\n{"env": 1}\n\t\n'), ['{"env": 0}', '{"env": 1}']);
  assert.deepEqual(d.push('{"env": 2}\n'), []);
  assert.equal(d.flush(), '{"env": 2}');
});

test('framing: any split of the byte stream into chunks yields the same frames (property)', () => {
  const frames = [
    PRETTY,
    '{"env": 0}',
    '{"message": "Lean error:\\nunknown identifier \'x\'"}',
    '{"proofState": 3, "goals": ["⊢ ∀ x, x = x"]}',
  ];
  const stream = frames.map((f) => f + '\n\n').join('');
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const d = new FrameDecoder();
      const got: string[] = [];
      let prev = 0;
      for (const p of [...points, stream.length]) {
        got.push(...d.push(stream.slice(prev, p)));
        prev = p;
      }
      assert.deepEqual(got, frames);
      assert.equal(d.flush(), undefined);
    }),
  );
});

test('requests are one line of JSON plus a blank line, and say which reply they get', () => {
  const wire = encodeRequest({ cmd: 'example : True := by\n\n  trivial', env: 3 });
  assert.ok(wire.endsWith('}\n\n'));
  assert.equal(wire.trimEnd().split('\n').length, 1, 'embedded newlines are escaped, so the REPL cannot split the request');
  assert.deepEqual(JSON.parse(wire), { cmd: 'example : True := by\n\n  trivial', env: 3 });
  assert.equal(replyKind({ cmd: 'x' }), 'command');
  assert.equal(replyKind({ path: 'a.lean' }), 'command');
  assert.equal(replyKind({ tactic: 'rfl', proofState: 0 }), 'tactic');
  assert.equal(replyKind({ pickleTo: 'a.olean', proofState: 1 }), 'tactic');
  assert.equal(replyKind({ pickleTo: 'a.olean', env: 1 }), 'command');
  assert.equal(replyKind({ unpickleProofStateFrom: 'a.olean' }), 'tactic');
});

test('decode: command reply with sorries and messages, empty lists omitted', () => {
  const r = decodeResponse(PRETTY, 'command');
  assert.ok(r.ok);
  assert.equal(r.value.type, 'command');
  if (r.value.type !== 'command') return;
  assert.equal(r.value.env, 6);
  assert.deepEqual(r.value.messages, []);
  assert.deepEqual(r.value.sorries, [{ pos: { line: 1, column: 18 }, endPos: { line: 1, column: 23 }, goal: '⊢ Nat', proofState: 0 }]);
});

test('decode: sorry goal under either field name; term-mode sorry without proof state', () => {
  const r = decodeResponse('{"env": 1, "sorries": [{"goals": "⊢ True", "proofState": null}]}', 'command');
  assert.ok(r.ok && r.value.type === 'command');
  if (!r.ok || r.value.type !== 'command') return;
  assert.deepEqual(r.value.sorries, [{ goal: '⊢ True', proofState: null }]);
});

test('decode: tactic reply with proofStatus; REPL error object', () => {
  const t = decodeResponse('{"proofStatus": "Completed", "proofState": 1, "goals": []}', 'tactic');
  assert.ok(t.ok && t.value.type === 'tactic' && t.value.proofStatus === 'Completed' && t.value.proofState === 1);
  const e = decodeResponse('{"message": "Unknown proof state."}', 'tactic');
  assert.deepEqual(e, { ok: true, value: { type: 'error', message: 'Unknown proof state.' } });
});

test('decode: garbage and wrong shapes are protocol errors, not throws', () => {
  for (const [frame, kind] of [
    ['Processing incremental state', 'command'],
    ['[1, 2]', 'command'],
    ['{"env": "zero"}', 'command'],
    ['{"env": 1}', 'tactic'],
    ['{"env": 0, "messages": [{"severity": "fatal", "pos": {"line": 1, "column": 0}, "data": "x"}]}', 'command'],
    ['{"proofState": -1, "goals": []}', 'tactic'],
  ] as const) {
    const r = decodeResponse(frame, kind);
    assert.equal(r.ok, false, frame);
  }
});
