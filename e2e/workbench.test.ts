/**
 * End-to-end: the real server + built renderer in headless Chromium. One browser
 * for the file; each test opens its own page. Screenshots go to test-results/.
 * Tests that need an engine module which is not built report a named skip.
 */
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, RESULTS, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

// Browser globals used inside page functions (this file compiles without the DOM lib; the
// functions run in Chromium, where the CSP forbids string evaluation, so they must be functions).
declare const window: {
  __entailGraph?: { readyMs?: number; root?: string; nodes: number; nodeCenter(id: string): { x: number; y: number } | undefined };
};
declare const document: { querySelector(sel: string): { textContent: string | null } | null };
declare const navigator: { clipboard: { writeText(t: string): Promise<void> } };

const BROKEN = `fof(a, axiom, man(socrates)).
fof(b, axiom, ![X]: (man(X) => mortal(X)).
fof(c, conjecture, mortal(socrates)).
`;
const FIXED = `fof(a, axiom, man(socrates)).
fof(b, axiom, ![X]: (man(X) => mortal(X))).
fof(c, conjecture, mortal(socrates)).
`;

describe('workbench e2e', { skip: skip ?? false, timeout: 170_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  async function embeddedAvailable(wb: Workbench): Promise<string | undefined> {
    const opt = wb.tid('prover').locator('option[value="embedded"]');
    return (await opt.isDisabled()) ? `embedded prover unavailable: ${await opt.getAttribute('title')}` : undefined;
  }

  test('a syntax error shows as a marker; the fix parses', async () => {
    const wb = await Workbench.open(h);
    await wb.setText(BROKEN);
    const diag = wb.tid('diagnostic').first();
    await diag.waitFor();
    assert.match(await diag.innerText(), /^2:\d+ /);
    await wb.page.locator('[data-testid="editor"] .squiggly-error').first().waitFor();
    await wb.shot('01-syntax-error');
    await wb.setText(FIXED);
    await wb.tid('parse-ok').waitFor();
    assert.equal(await wb.page.locator('[data-testid="editor"] .squiggly-error').count(), 0);
    await wb.page.close();
  });

  test('prove, open the proof graph, click a node, export HTML', async (t: TestContext) => {
    const wb = await Workbench.open(h);
    await wb.tid('parse-ok').waitFor();
    const why = await embeddedAvailable(wb);
    if (why) return void t.skip(why);
    await wb.setText(FIXED);
    await wb.tid('parse-ok').waitFor();
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    const status = wb.tid('szs-status');
    await status.waitFor({ timeout: 30_000 });
    assert.equal(await status.innerText(), 'Theorem');
    await wb.tid('proof-steps').waitFor();
    await wb.shot('02-result');
    await wb.tid('open-graph').click();
    await wb.page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    const root = await wb.page.evaluate(() => window.__entailGraph?.root);
    assert.ok(root, 'the graph has a root');
    const at = await wb.page.evaluate((id) => window.__entailGraph?.nodeCenter(id), root);
    assert.ok(at);
    await wb.page.mouse.click(at.x, at.y);
    const parents = wb.tid('node-parents');
    await parents.waitFor();
    assert.ok((await parents.locator('li').count()) >= 1);
    await wb.shot('03-graph-selected');
    // Export HTML, then open the exported file on its own (file://, no server).
    const [download] = await Promise.all([wb.page.waitForEvent('download'), wb.tid('export-html').click()]);
    const file = join(RESULTS, 'exported-proof.html');
    await download.saveAs(file);
    const html = await readFile(file, 'utf8');
    assert.match(html, /<html/i);
    const viewer = await h.browser.newPage();
    const errors: string[] = [];
    viewer.on('pageerror', (e) => errors.push(e.message));
    await viewer.goto(pathToFileURL(file).href);
    assert.ok((await viewer.locator('body').innerText()).includes('mortal'));
    assert.deepEqual(errors, []);
    await viewer.screenshot({ path: join(RESULTS, '04-exported-html.png') });
    await viewer.close();
    await wb.page.close();
  });

  test('a conjecture that does not follow shows countermodel tables', async (t: TestContext) => {
    const wb = await Workbench.open(h);
    await wb.tid('parse-ok').waitFor();
    const why = await embeddedAvailable(wb);
    if (why) return void t.skip(why);
    await wb.setText('fof(a, axiom, p(a)).\nfof(b, axiom, ![X]: (p(X) => q(X))).\nfof(c, conjecture, q(b)).\n');
    await wb.tid('parse-ok').waitFor();
    await wb.tid('prove').click();
    const status = wb.tid('szs-status');
    await status.waitFor({ timeout: 30_000 });
    assert.equal(await status.innerText(), 'CounterSatisfiable');
    const tables = wb.tid('model-tables');
    await tables.waitFor();
    // q is false somewhere (b), true for a: both truth values appear in q's table
    const text = await tables.innerText();
    assert.match(text, /q\/1/);
    assert.match(text, /false/);
    await wb.shot('09-countermodel');
    await wb.page.close();
  });

  test('a Prolog buffer runs its `?-` query with tau-prolog: answers and a proof graph', async () => {
    const wb = await Workbench.open(h);
    await wb.language('prolog');
    await wb.setText(
      'parent(ann, bob).\nparent(bob, cid).\nanc(X, Y) :- parent(X, Y).\nanc(X, Y) :- parent(X, Z), anc(Z, Y).\n?- anc(ann, W).\n',
    );
    await wb.tid('prove').click();
    const answers = wb.tid('prolog-answers');
    await answers.waitFor({ timeout: 30_000 });
    const text = await answers.innerText();
    assert.match(text, /bob/);
    assert.match(text, /cid/);
    assert.equal(await wb.tid('szs-status').innerText(), 'Theorem');
    await wb.tid('open-graph').click();
    await wb.page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    await wb.shot('10-prolog');
    await wb.page.close();
  });

  test('a batch run over a folder shows a row per problem and the summary', async (t: TestContext) => {
    const wb = await Workbench.open(h);
    await wb.tid('parse-ok').waitFor();
    const why = await embeddedAvailable(wb);
    if (why) return void t.skip(why);
    const dir = join(h.dataDir, 'batch-problems');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'thm.p'), '% Status : Theorem\nfof(a, axiom, p(c)).\nfof(g, conjecture, p(c)).\n');
    await writeFile(join(dir, 'csat.p'), '% Status : CounterSatisfiable\nfof(a, axiom, p(c)).\nfof(g, conjecture, q(c)).\n');
    await wb.tid('tab-batch').click();
    await wb.tid('batch-paths').fill(dir);
    await wb.tid('batch-run').click();
    const summary = wb.tid('batch-summary');
    await summary.waitFor({ timeout: 60_000 });
    assert.match(await summary.innerText(), /Solved 2 of 2/);
    assert.equal(await wb.tid('batch-rows').locator('tbody tr').count(), 2);
    await wb.shot('11-batch');
    await wb.page.close();
  });

  test('a hanging prover is cancelled from the UI', async (t: TestContext) => {
    const wb = await Workbench.open(h);
    await wb.tid('parse-ok').waitFor();
    const why = await embeddedAvailable(wb);
    if (why) return void t.skip(why);
    // Hard for any saturation prover within a minute: a pigeonhole-style clause set with equality-free symmetry.
    await wb.setText(HARD);
    await wb.tid('timeout').fill('120');
    await wb.tid('prove').click();
    await wb.page.locator('[data-testid="run-status"].phase-running').waitFor();
    await wb.page.waitForTimeout(1500);
    await wb.tid('cancel').click();
    await wb.page.locator('[data-testid="run-status"].phase-cancelled').waitFor({ timeout: 5000 });
    // The UI is still usable: another run can start.
    assert.equal(await wb.tid('prove').isEnabled(), true);
    await wb.page.close();
  });

  test('natural-language flow with the replay/controlled-English provider', async (t: TestContext) => {
    const wb = await Workbench.open(h);
    await wb.tid('tab-nl').click();
    const provider = wb.tid('nl-provider');
    const options = await provider
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ v: o.getAttribute('value') ?? '', t: o.textContent ?? '' })));
    const usable = options.find((o) => /cnl|controlled|replay/.test(o.v) && !o.t.includes('unavailable'));
    if (!usable) return void t.skip(`no controlled-English or replay provider available: ${options.map((o) => o.t).join(', ')}`);
    await provider.selectOption(usable.v);
    await wb.tid('nl-premises').fill('All dogs are animals.\nRex is a dog.');
    await wb.tid('nl-conclusion').fill('Rex is an animal.');
    await wb.tid('nl-judge').click();
    const vote = wb.tid('nl-vote');
    await vote.waitFor({ timeout: 30_000 });
    assert.equal(await vote.innerText(), 'True');
    assert.ok((await wb.tid('nl-sample').count()) >= 1);
    await wb.shot('05-nl');
    await wb.page.close();
  });

  test('save a session, change things, open the saved session', async () => {
    const wb = await Workbench.open(h);
    await wb.tid('session-name').fill('e2e session');
    await wb.setText(FIXED);
    await wb.tid('parse-ok').waitFor();
    await wb.tid('save-session').click();
    await wb.tid('tab-sessions').click();
    await wb.tid('open-session-e2e-session').waitFor();
    await wb.setText('fof(other, axiom, q).');
    await wb.tid('parse-ok').waitFor();
    await wb.tid('open-session-e2e-session').click();
    await wb.page.waitForFunction(() => document.querySelector('[data-testid="editor"] .view-lines')?.textContent?.includes('socrates'));
    assert.equal(await wb.tid('session-name').inputValue(), 'e2e session');
    await wb.shot('06-session');
    await wb.page.close();
  });

  test('bad input never breaks the UI: 5 MB paste and a binary file', async () => {
    const wb = await Workbench.open(h);
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const line = (i: number): string => `fof(ax${i}, axiom, p${i % 1000}(c${i % 97}) | ~q(f(c${i % 13}))).\n`;
    let big = '';
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += line(i);
    await wb.page.evaluate((t) => navigator.clipboard.writeText(t), big);
    await wb.page.getByTestId('editor').locator('.monaco-editor').click();
    await wb.page.keyboard.press('ControlOrMeta+A');
    await wb.page.keyboard.press('ControlOrMeta+V');
    // The size indicator shows the 5 MB buffer; parsing finishes with a result, not a hang.
    await wb.page.waitForFunction(
      () => /\d{4} KB/.test(document.querySelector('[data-testid="diagnostics"] .size')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await wb.page.locator('[data-testid="parse-ok"], [data-testid="diagnostic"]').first().waitFor({ timeout: 60_000 });
    await wb.tid('tab-settings').click();
    await wb.tid('settings').waitFor();
    await wb.shot('07-big-paste');
    // A binary file opened through the file picker is refused with a message.
    const bin = join(RESULTS, 'binary.bin');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await writeFile(bin, bytes);
    await wb.tid('file-input').setInputFiles(bin);
    const notice = wb.tid('notice').filter({ hasText: 'binary' });
    await notice.waitFor();
    await wb.page.close();
  });

  test('server goes away: clear message, then reconnect', async () => {
    const wb = await Workbench.open(h);
    await wb.page.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.textContent?.includes('connected'));
    await h.stopServer();
    await wb.page.waitForFunction(
      () => document.querySelector('[data-testid="connection"]')?.textContent?.includes('unreachable'),
      undefined,
      { timeout: 10_000 },
    );
    await wb.tid('notice').filter({ hasText: 'Lost the connection' }).waitFor();
    await wb.shot('08-disconnected');
    await h.restartServer();
    await wb.page.waitForFunction(
      () => document.querySelector('[data-testid="connection"]')?.textContent?.includes('engine connected'),
      undefined,
      { timeout: 15_000 },
    );
    // and the API works again
    await wb.setText(FIXED);
    await wb.tid('parse-ok').waitFor();
    await wb.page.close();
  });
});

/** A problem no saturation prover finishes quickly: pigeonhole PHP(8,7) in clause form. */
const HARD = (() => {
  const P = 8;
  const H = 7;
  const lines: string[] = [];
  for (let p = 1; p <= P; p++) lines.push(`cnf(p${p}, axiom, ${Array.from({ length: H }, (_, h) => `in(p${p}, h${h + 1})`).join(' | ')}).`);
  for (let h = 1; h <= H; h++)
    for (let a = 1; a <= P; a++)
      for (let b = a + 1; b <= P; b++) lines.push(`cnf(h${h}_${a}_${b}, axiom, ~in(p${a}, h${h}) | ~in(p${b}, h${h})).`);
  return lines.join('\n') + '\n';
})();
