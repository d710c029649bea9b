/**
 * The self-contained HTML export in headless Chromium, loaded from file://:
 * navigation from a step to its parents and back, lemma links between theorems,
 * hover highlighting, the SVG graph view, and an XSS probe rendered as text.
 * Needs only Chromium (no server, no renderer build).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { ProofGraph } from '../provers/graph/index.js';
import { exportHtml, numberGraph } from '../provers/graph/index.js';

declare const window: { __xss?: number };

const CHROMIUM = process.env.ENTAIL_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (set ENTAIL_CHROMIUM)`;
const PROBE = `p(<img src=x onerror="window.__xss=1">, </script><script>window.__xss=1</script>)`;

const lemma: ProofGraph = numberGraph({
  title: 'L: plus(zero, x) = x',
  origin: 'genlogic',
  nodes: [
    { id: 'a', label: 'a', text: '∀X. plus(X, zero) = X', rule: 'input', kind: 'input' },
    { id: 'b', label: 'b', text: PROBE, rule: 'resolution', kind: 'inference' },
    { id: 'c', label: 'c', text: '⊥', rule: 'equality_resolution', kind: 'theorem' },
  ],
  edges: [
    { from: 'a', to: 'b', subst: 'X ↦ zero' },
    { from: 'b', to: 'c' },
    { from: 'a', to: 'c' },
  ],
  root: 'c',
});
const main: ProofGraph = numberGraph({
  title: 'M: plus(x, y) = plus(y, x)',
  origin: 'genlogic',
  nodes: [
    { id: 'l', label: 'l', text: '∀x. plus(zero, x) = x', rule: 'lemma', kind: 'lemma', ref: lemma.title },
    { id: 'm', label: 'm', text: '⊥', rule: 'rewrite', kind: 'theorem' },
  ],
  edges: [{ from: 'l', to: 'm' }],
  root: 'm',
});

let browser: Browser | undefined;
let dir = '';
let url = '';

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'entail-export-e2e-'));
  const file = join(dir, 'proofs.html');
  writeFileSync(file, exportHtml([lemma, main], { title: `Export ${PROBE}` }));
  url = pathToFileURL(file).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('export: navigate from a step to its parent and back, and between theorems', { skip }, async () => {
  const page = await browser!.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(url);
  // Step 3 of theorem 0 is the root; its parents are steps 1 and 2.
  const root = page.locator('#t0-n2');
  await root.locator('a[data-rel="parent"]', { hasText: '2' }).click();
  assert.match(page.url(), /#t0-n1$/);
  // Step 2's "used by" link goes back to the root.
  await page.locator('#t0-n1 a[data-rel="child"]').click();
  assert.match(page.url(), /#t0-n2$/);
  // The lemma step of theorem 1 links to theorem 0, whose index entry says it is used by theorem 1.
  await page.locator('#t1 a[data-rel="lemma"]').click();
  assert.match(page.url(), /#t0$/);
  const idx = await page.locator('#idx li').first().textContent();
  assert.match(idx ?? '', /used by M: plus\(x, y\) = plus\(y, x\)/);
  assert.deepEqual(requests, [], 'no network requests');
  await page.close();
});

test('export: hover highlights ancestors; the graph view draws every step', { skip }, async () => {
  const page = await browser!.newPage();
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto(url);
  await page.locator('#t0-n2').hover();
  assert.match((await page.locator('#t0-n0').getAttribute('class')) ?? '', /\banc\b/);
  assert.match((await page.locator('#t0-n2').getAttribute('class')) ?? '', /\bself\b/);
  // The graph is drawn on load with the view model's layout: a box per step, a routed polyline per edge.
  assert.equal(await page.locator('#gv0 svg g.node rect').count(), 3);
  assert.equal(await page.locator('#gv0 svg polyline').count(), 3);
  await page.locator('#gv0 svg g.node').first().click();
  assert.match(page.url(), /#t0-n\d$/);
  assert.deepEqual(cspErrors, [], 'the hashed script and style run under the CSP');
  await page.close();
});

test('export: an XSS probe in a formula renders as text and runs nothing', { skip }, async () => {
  const page = await browser!.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(url);
  assert.equal(await page.locator('#t0-n1 .f').textContent(), PROBE);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.title(), `Export ${PROBE}`);
  assert.equal(dialogs, 0);
  await page.close();
});
