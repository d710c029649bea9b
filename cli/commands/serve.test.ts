import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServeArgs } from './serve.js';

test('serve arguments: defaults, --port, --no-open, --data-dir, and usage errors as values', () => {
  assert.deepEqual(parseServeArgs([], '/home/u'), { port: 0, open: true, dataDir: '/home/u/.entail' });
  assert.deepEqual(parseServeArgs(['--port', '8123', '--no-open', '--data-dir', '/tmp/x'], '/home/u'), {
    port: 8123,
    open: false,
    dataDir: '/tmp/x',
  });
  assert.match(parseServeArgs(['--port'], '/h') as string, /needs a value/);
  assert.match(parseServeArgs(['--port', '70000'], '/h') as string, /not a port/);
  assert.match(parseServeArgs(['--port', 'abc'], '/h') as string, /not a port/);
  assert.match(parseServeArgs(['--open-sesame'], '/h') as string, /unknown option/);
});
