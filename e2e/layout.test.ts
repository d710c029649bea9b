/**
 * End-to-end (Chromium + real server): the workbench layout at 1024×700 and 1440×900 (issue 19). Editor, right
 * panel, toolbar and status bar do not overlap and stay inside the window; Monaco follows its column when the
 * window shrinks; every panel tab is reachable (in the strip or the More menu); the toolbar is one line; document
 * tab titles stay on one line (ellipsis) with six tabs open; the split is draggable and remembered across a reload.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, RESULTS, skipReason } from './harness.js';
import type { Harness } from './harness.js';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { TABS } from '../renderer/src/state/store.js';

const skip = skipReason();
type Box = { x: number; y: number; width: number; height: number };

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

async function box(page: Page, testId: string): Promise<Box> {
  const b = await page.getByTestId(testId).first().boundingBox();
  assert.ok(b, `${testId} has no box (not rendered)`);
  return b;
}

async function openPage(h: Harness, width: number, height: number): Promise<Page> {
  // A page closed by the previous test may still be flushing its last save: clear until it stays clear.
  for (let i = 0; i < 10 && existsSync(join(h.dataDir, 'sessions')); i++) {
    await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    await new Promise((r) => setTimeout(r, 150));
  }
  const page = await h.browser.newPage({ viewport: { width, height } });
  await page.goto(h.server.url);
  await page.getByTestId('editor').locator('.monaco-editor').waitFor();
  return page;
}

/** Boxes of the four regions: pairwise disjoint, inside the viewport. */
async function assertRegions(page: Page, width: number, height: number): Promise<void> {
  const regions = {
    toolbar: await box(page, 'toolbar'),
    editor: await box(page, 'editor'),
    side: await box(page, 'side'),
    statusbar: await box(page, 'statusbar'),
  };
  const names = Object.keys(regions) as (keyof typeof regions)[];
  for (const n of names) {
    const b = regions[n];
    assert.ok(
      b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5,
      `${n} leaves the window: ${JSON.stringify(b)}`,
    );
    assert.ok(b.width > 50 && b.height > 10, `${n} collapsed: ${JSON.stringify(b)}`);
  }
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      assert.ok(overlap(regions[names[i]!], regions[names[j]!]) < 1, `${names[i]} overlaps ${names[j]}`);
  // Monaco's own element (what covered the panel before) stays inside its host.
  const monaco = (await page.getByTestId('editor').locator('.monaco-editor').boundingBox())!;
  assert.ok(monaco.x + monaco.width <= regions.editor.x + regions.editor.width + 1, `Monaco (${monaco.width}px) wider than its column`);
  assert.ok(overlap(monaco, regions.side) < 1, 'Monaco covers the right panel');
}

describe('layout e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ] as const)
    test(`${width}×${height}: regions disjoint, one-line toolbar and tabs, every panel reachable`, async () => {
      const page = await openPage(h, width, height);
      // Six documents, five with long file names.
      for (let i = 1; i <= 5; i++)
        await page.getByTestId('file-input').setInputFiles({
          name: `a-rather-long-problem-file-name-number-${i}.p`,
          mimeType: 'text/plain',
          buffer: Buffer.from(`fof(a${i}, axiom, p${i}).\nfof(c, conjecture, p${i}).\n`),
        });
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
            '.doc-title',
          ).length === 6,
      );
      await assertRegions(page, width, height);

      // Toolbar: one line (height of one control row) and every control fully inside it and the window.
      const tb = await box(page, 'toolbar');
      assert.ok(tb.height <= 44, `toolbar is ${tb.height}px high (wrapped)`);
      for (const id of [
        'session-name',
        'new-problem',
        'open-file',
        'save-session',
        'language',
        'prover',
        'timeout',
        'prove',
        'cancel',
        'run-status',
      ]) {
        const b = await box(page, id);
        assert.ok(b.y >= tb.y - 0.5 && b.y + b.height <= tb.y + tb.height + 0.5, `${id} is not on the toolbar's line`);
        assert.ok(b.x + b.width <= width, `${id} is cut off at the right edge`);
      }

      // Document tab titles: one line each, ellipsis for what does not fit.
      const titles = page.locator('.doc-title');
      const heights = await titles.evaluateAll((els) =>
        els.map((e) => (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect().height),
      );
      const lineHeights = await titles.evaluateAll((els) =>
        els.map((e) => {
          const cs = (
            globalThis as unknown as {
              getComputedStyle(e: unknown): { lineHeight: string; fontSize: string; whiteSpace: string; textOverflow: string };
            }
          ).getComputedStyle(e);
          return { lh: parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3, ws: cs.whiteSpace, to: cs.textOverflow };
        }),
      );
      heights.forEach((hgt, i) => {
        assert.ok(hgt < 2 * lineHeights[i]!.lh, `document tab ${i} wraps (${hgt}px)`);
        assert.equal(lineHeights[i]!.ws, 'nowrap');
        assert.equal(lineHeights[i]!.to, 'ellipsis');
      });
      const rows = new Set(
        await titles.evaluateAll((els) =>
          els.map((e) => Math.round((e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect().y)),
        ),
      );
      assert.equal(rows.size, 1, 'document tabs are on more than one row');

      // Panel tabs: one row, each reachable (in the strip, or in the More menu), and selecting it shows it.
      const stripTabs = page.locator('[role="tab"][data-tab]');
      const ys = new Set(
        await stripTabs.evaluateAll((els) =>
          els.map((e) => Math.round((e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect().y)),
        ),
      );
      assert.equal(ys.size, 1, 'panel tabs wrap');
      const side = await box(page, 'side');
      for (const b of await stripTabs.evaluateAll((els) =>
        els.map((e) => (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect()),
      ))
        assert.ok(b.x >= side.x - 0.5 && b.x + b.width <= side.x + side.width + 0.5, 'a panel tab is off-screen');
      const inMenu: string[] = [];
      for (const t of TABS) {
        if ((await page.locator(`[role="tab"][data-tab="${t}"]`).count()) === 0) {
          inMenu.push(t);
          await page.getByTestId('tabs-more').click();
          await page.getByTestId('tabs-more-menu').waitFor();
        }
        await page.getByTestId(`tab-${t}`).click();
        assert.equal(await page.locator(`[role="tab"][data-tab="${t}"]`).getAttribute('aria-selected'), 'true', `${t} not selected`);
        assert.equal(await page.getByTestId('tabs-more-menu').count(), 0, 'the menu stays open after a choice');
        await assertRegions(page, width, height);
      }
      if (width === 1024) assert.ok(inMenu.length > 0, 'at 1024 px some panels are expected in the More menu');
      await page.screenshot({ path: join(RESULTS, `layout-${width}x${height}.png`) });
      await page.close();
    });

  test('window shrinks 1440 → 1024: Monaco relayouts into its column; split is draggable and remembered on reload', async () => {
    const page = await openPage(h, 1440, 900);
    await assertRegions(page, 1440, 900);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): Box } | null } }).document;
      const m = d.querySelector('[data-testid="editor"] .monaco-editor')?.getBoundingClientRect();
      const host = d.querySelector('[data-testid="editor"]')?.getBoundingClientRect();
      return m && host && Math.abs(m.width - host.width) < 2;
    });
    await assertRegions(page, 1024, 700);

    // Drag the handle to 65 % of the workspace.
    const ws = await box(page, 'workspace');
    const sp = await box(page, 'splitter');
    await page.mouse.move(sp.x + sp.width / 2, sp.y + 100);
    await page.mouse.down();
    await page.mouse.move(ws.x + ws.width * 0.65, sp.y + 100, { steps: 8 });
    await page.mouse.up();
    const now = Number(await page.getByTestId('splitter').getAttribute('aria-valuenow'));
    assert.ok(Math.abs(now - 65) <= 2, `split after drag: ${now}`);
    const editorW = (await box(page, 'editor')).width;
    assert.ok(editorW > ws.width * 0.55, `editor ${editorW}px of ${ws.width}px`);
    await assertRegions(page, 1024, 700);
    // Keyboard on the handle.
    await page.getByTestId('splitter').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const after2 = Number(await page.getByTestId('splitter').getAttribute('aria-valuenow'));
    assert.equal(after2, now - 4);
    // Autosave writes ui.split; the reload restores it.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
          '[data-testid="dirty"]',
        )?.textContent === '',
    );
    await page.reload();
    await page.getByTestId('editor').locator('.monaco-editor').waitFor();
    await page.waitForFunction(
      (v) =>
        (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document
          .querySelector('[data-testid="splitter"]')
          ?.getAttribute('aria-valuenow') === String(v),
      after2,
      { timeout: 10_000 },
    );
    await page.close();
  });
});
