/**
 * End-to-end: sessions never lose work. The real server (in-process, or as its own
 * process for kill -9) and the built renderer in headless Chromium.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, skipReason, spawnServer, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

async function sessionFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'sessions')).catch(() => [] as string[])).filter((n) => n.endsWith('.entail.json')).sort();
}

/** Wait until the toolbar says everything is on disk. */
async function saved(wb: Workbench): Promise<void> {
  await wb.page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
        '[data-testid="dirty"]',
      )?.textContent === '',
    undefined,
    { timeout: 10_000 },
  );
}

describe('sessions e2e', { skip: skip ?? false, timeout: 170_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('rename + reload keeps the name, the file name and every document', async () => {
    const wb = await Workbench.open(h);
    await wb.setText('fof(a, axiom, p).\n');
    for (let i = 0; i < 3; i++) await wb.page.getByRole('button', { name: 'New', exact: true }).click();
    await wb.setText('fof(last, axiom, q).\n');
    await wb.tid('session-name').fill('Group theory');
    await saved(wb);
    assert.deepEqual(await sessionFiles(h.dataDir), ['group-theory.entail.json']);
    await wb.page.reload();
    await wb.page.getByTestId('editor').locator('.monaco-editor').waitFor();
    await wb.page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(
          '[data-testid="session-name"]',
        )?.value === 'Group theory',
      undefined,
      { timeout: 10_000 },
    );
    assert.equal(await wb.page.locator('.doc-tab').count(), 4);
    const onDisk = JSON.parse(await readFile(join(h.dataDir, 'sessions', 'group-theory.entail.json'), 'utf8')) as {
      problems: { text: string }[];
    };
    assert.equal(onDisk.problems.length, 4);
    assert.equal(onDisk.problems[3]!.text, 'fof(last, axiom, q).\n');
    await wb.page.close();
  });

  test('results belong to their document: kept across tab switches, marked stale after an edit', async (t) => {
    const wb = await Workbench.open(h);
    if (await wb.tid('prover').locator('option[value="embedded"]').isDisabled()) return t.skip('embedded prover unavailable');
    await wb.setText('fof(a, axiom, man(s)).\nfof(b, axiom, ![X]: (man(X) => mortal(X))).\nfof(c, conjecture, mortal(s)).\n');
    await wb.tid('parse-ok').waitFor();
    const proved = wb.page.locator('.doc-tab.active .doc-title');
    const provedId = await proved.getAttribute('data-testid');
    await wb.tid('prove').click();
    await wb.tid('szs-status').waitFor();
    assert.equal(await wb.tid('szs-status').innerText(), 'Theorem');
    await wb.page.getByRole('button', { name: 'New', exact: true }).click();
    await wb.tid('result-empty').waitFor();
    await wb.tid(provedId!).click();
    await wb.tid('szs-status').waitFor();
    assert.equal(await wb.tid('szs-status').innerText(), 'Theorem');
    assert.equal(await wb.tid('result-stale').count(), 0);
    await wb.page.getByTestId('editor').locator('.monaco-editor').click();
    await wb.page.keyboard.press('ControlOrMeta+End');
    await wb.page.keyboard.type('% edited');
    await wb.tid('result-stale').waitFor();
    await wb.page.close();
  });
});

describe('crash e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  test('kill -9 of the server mid-edit, then a restart, restores the last keystrokes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'entail-crash-'));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      let server = await spawnServer(dataDir);
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page.goto(server.url);
      const wb = new Workbench(page);
      await page.getByTestId('editor').locator('.monaco-editor').waitFor();
      await wb.setText('fof(a, axiom, p).\n');
      await page.keyboard.type('fof(typed, axiom, ', { delay: 20 });
      await page.keyboard.type('last_word)', { delay: 20 });
      const typedAt = Date.now();
      // At most one second of typing may be lost: wait that long, then crash the server.
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - typedAt))));
      await server.kill('SIGKILL');
      server = await spawnServer(dataDir);
      const page2 = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page2.goto(server.url);
      await page2.getByTestId('editor').locator('.monaco-editor').waitFor();
      await page2.waitForFunction(
        () =>
          (
            (
              globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
            ).document.querySelector('[data-testid="editor"] .view-lines')?.textContent ?? ''
          ).includes('last_word'),
        undefined,
        { timeout: 10_000 },
      );
      await server.kill('SIGTERM');
    } finally {
      await browser.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
