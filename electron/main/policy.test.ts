import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalAllowed, isAppPage, permissionGranted, windowOpen } from './policy.js';

test('the window may load only app://entail pages', () => {
  assert.equal(isAppPage('app://entail/index.html'), true);
  for (const u of [
    'app://evil/index.html',
    'app://user:pw@entail/index.html',
    'file:///etc/passwd',
    'http://127.0.0.1:8080/',
    'https://github.com/',
    'javascript:alert(1)',
    'not a url',
  ])
    assert.equal(isAppPage(u), false, u);
});

test('only https links to listed documentation hosts leave for the system browser', () => {
  assert.equal(externalAllowed('https://tptp.org/cgi-bin/SeeTPTP?Category=Problems'), true);
  assert.equal(externalAllowed('https://GitHub.com/leanprover-community/repl'), true);
  for (const u of [
    'http://tptp.org/',
    'https://tptp.org.evil.example/',
    'https://evil.example/?https://tptp.org',
    'https://user@github.com/',
    'https://github.com:444/',
    'file:///usr/bin/xcalc',
    'smb://host/share',
    'vscode://open?x',
    'javascript:alert(1)',
  ])
    assert.equal(externalAllowed(u), false, u);
});

test('window.open never opens inside the app; permissions are all denied', () => {
  assert.deepEqual(windowOpen('https://github.com/'), { action: 'deny', openExternally: true });
  assert.deepEqual(windowOpen('file:///bin/sh'), { action: 'deny', openExternally: false });
  for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'hid'])
    assert.equal(permissionGranted(p, 'app://entail/index.html'), false);
});
