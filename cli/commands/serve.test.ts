import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchPage, parseServeArgs } from './serve.js';

test('serve arguments: defaults, --port, --no-open, --data-dir, --root (repeatable), and usage errors as values', () => {
  assert.deepEqual(parseServeArgs([], '/home/u'), { port: 0, open: true, dataDir: '/home/u/.entail', roots: [], queueHosts: [] });
  assert.deepEqual(parseServeArgs(['--port', '8123', '--no-open', '--data-dir', '/tmp/x', '--root', '/a', '--root', '/b'], '/home/u'), {
    port: 8123,
    open: false,
    dataDir: '/tmp/x',
    roots: ['/a', '/b'],
    queueHosts: [],
  });
  assert.deepEqual(parseServeArgs(['--queue-host', 'Redis.LAN', '--queue-host', '10.0.0.1'], '/h'), {
    port: 0,
    open: true,
    dataDir: '/h/.entail',
    roots: [],
    queueHosts: ['redis.lan', '10.0.0.1'],
  });
  assert.match(parseServeArgs(['--queue-host', 'a b'], '/h') as string, /not a host/);
  assert.match(parseServeArgs(['--port'], '/h') as string, /needs a value/);
  assert.match(parseServeArgs(['--root'], '/h') as string, /needs a value/);
  assert.match(parseServeArgs(['--port', '70000'], '/h') as string, /not a port/);
  assert.match(parseServeArgs(['--port', 'abc'], '/h') as string, /not a port/);
  assert.match(parseServeArgs(['--open-sesame'], '/h') as string, /unknown option/);
});

test('the launch page forwards to the tokened URL and cannot be broken out of', () => {
  const page = launchPage('http://127.0.0.1:5/#token=ab"><script>x</script>');
  assert.match(page, /http-equiv="refresh" content="0;url=http:\/\/127\.0\.0\.1:5\/#token=ab&quot;&gt;&lt;script&gt;/);
  assert.doesNotMatch(page, /<script/);
});
