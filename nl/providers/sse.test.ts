import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endSse, feedSse, newSseState } from './sse.js';

test('several data: lines of one event are joined with a newline (SSE spec)', () => {
  const st = newSseState();
  assert.deepEqual(feedSse(st, 'data: {"a":\ndata: 1}\n\n'), ['{"a":\n1}']);
  assert.deepEqual(JSON.parse('{"a":\n1}'), { a: 1 });
});

test('event: is honoured: named non-message events carry no completion text, error events are reported', () => {
  const st = newSseState();
  assert.deepEqual(feedSse(st, 'event: ping\ndata: {}\n\nevent: message\ndata: {"x":1}\n\n'), ['{"x":1}']);
  assert.deepEqual(feedSse(st, 'event: error\ndata: overloaded\n\n'), ['{"error":{"message":"overloaded"}}']);
  assert.deepEqual(feedSse(st, 'event: error\ndata: {"error":{"message":"quota"}}\n\n'), ['{"error":{"message":"quota"}}']);
});

test('chunks split anywhere, CRLF, comments, and [DONE] without a final blank line', () => {
  const st = newSseState();
  const text = ': keep-alive\r\ndata: {"b":2}\r\n\r\nid: 7\ndata: {"c":3}\n\ndata: [DONE]';
  const got: string[] = [];
  for (const ch of text) got.push(...feedSse(st, ch));
  got.push(...endSse(st));
  assert.deepEqual(got, ['{"b":2}', '{"c":3}']);
  assert.equal(st.done, true);
});
