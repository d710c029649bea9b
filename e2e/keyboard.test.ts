/**
 * End-to-end (Chromium + real server): the workbench by keyboard (issue 19). Esc leaves the editor for the panel
 * tabs; arrow keys, Home and End switch panels with a roving tabindex (also into panels that sit in the More menu
 * at 1024 px); focus is visibly outlined; `?` and F1 outside the editor open the shortcut list, Esc closes it, and
 * `?` typed in the editor is text; a closed document comes back with Alt+Shift+T.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, RESULTS, skipReason } from './harness.js';
import type { Harness } from './harness.js';
import { TABS } from '../renderer/src/state/store.js';

const skip = skipReason();

interface Doc {
  activeElement: { getAttribute(a: string): string | null; closest(s: string): unknown } | null;
}

async function openPage(h: Harness, width: number, height: number): Promise<Page> {
  for (let i = 0; i < 10 && existsSync(join(h.dataDir, 'sessions')); i++) {
    await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    await new Promise((r) => setTimeout(r, 150));
  }
  const page = await h.browser.newPage({ viewport: { width, height } });
  await page.goto(h.server.url);
  await page.getByTestId('editor').locator('.monaco-editor').waitFor();
  return page;
}

/** data-tab of the focused element, or undefined when focus is not on a panel tab. */
async function focusedTab(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-tab') ?? undefined);
}

async function selectedTab(page: Page): Promise<string | null> {
  return page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
}

describe('keyboard e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const)
    test(`${width}×${height}: Esc leaves the editor; arrows, Home and End switch every panel; focus is visible`, async () => {
      const page = await openPage(h, width, height);
      await page.getByTestId('editor').locator('.monaco-editor').click();
      await page.keyboard.press('Escape');
      assert.equal(await focusedTab(page), 'result', 'Esc in the editor should move focus to the active panel tab');
      // Visible focus: keyboard focus draws an outline.
      const outline = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: Doc }).document.activeElement as unknown as object;
        const cs = (
          globalThis as unknown as { getComputedStyle(e: object): { outlineStyle: string; outlineWidth: string } }
        ).getComputedStyle(el);
        return `${cs.outlineStyle} ${cs.outlineWidth}`;
      });
      assert.match(outline, /^solid [1-9]/);
      // One Tab stop: only the selected tab is in the Tab order.
      assert.deepEqual(
        await page
          .locator('[role="tab"][data-tab]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))
          .then((t) => t.filter((x) => x === '0').length),
        1,
      );
      const seen: string[] = [];
      for (let i = 0; i < TABS.length; i++) {
        seen.push((await selectedTab(page))!);
        assert.equal(await focusedTab(page), seen[seen.length - 1], 'focus follows the selection');
        await page.keyboard.press('ArrowRight');
      }
      assert.deepEqual(seen, [...TABS], 'ArrowRight visits every panel in order');
      assert.equal(await selectedTab(page), 'result', 'ArrowRight wraps around');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await selectedTab(page), TABS[TABS.length - 1]);
      assert.equal(await focusedTab(page), TABS[TABS.length - 1]);
      await page.keyboard.press('Home');
      assert.equal(await selectedTab(page), 'result');
      await page.keyboard.press('End');
      assert.equal(await focusedTab(page), TABS[TABS.length - 1]);
      // The panel body follows the tab.
      assert.equal(await page.getByRole('tabpanel').getAttribute('aria-labelledby'), `tab-${TABS[TABS.length - 1]}`);
      await page.screenshot({ path: join(RESULTS, `keyboard-${width}x${height}.png`) });
      await page.close();
    });

  test('More menu by keyboard: ↓ opens it, arrows move, Enter chooses, Esc closes', async () => {
    const page = await openPage(h, 1024, 700);
    const more = page.getByTestId('tabs-more');
    await more.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('tabs-more-menu').waitFor();
    const items = await page.locator('[role="menuitem"]').allInnerTexts();
    assert.ok(items.length > 0);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(
      () => ((globalThis as unknown as { document: Doc }).document.activeElement as unknown as { textContent: string }).textContent,
    );
    assert.equal(second, items[1 % items.length]);
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('tabs-more-menu').count(), 0);
    assert.equal(await page.locator('[role="tab"][aria-selected="true"]').innerText(), items[1 % items.length]);
    await more.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('tabs-more-menu').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('tabs-more-menu').count(), 0);
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-testid')),
      'tabs-more',
    );
    await page.close();
  });

  test('help overlay: ? and F1 outside the editor, Esc closes; ? in the editor is text; Alt+Shift+T reopens a closed tab', async () => {
    const page = await openPage(h, 1440, 900);
    await page.getByTestId('tab-result').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('help');
    await help.waitFor();
    const text = await help.innerText();
    for (const k of ['Ctrl/Cmd+Enter', 'Esc', 'Alt+Shift+T', 'F1']) assert.ok(text.includes(k), `help lists ${k}`);
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-testid')),
      'help-close',
      'focus moves into the dialog',
    );
    await page.screenshot({ path: join(RESULTS, 'keyboard-help.png') });
    await page.keyboard.press('Escape');
    assert.equal(await help.count(), 0);
    assert.equal(await focusedTab(page), 'result', 'focus returns where it was');
    await page.keyboard.press('F1');
    await help.waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await help.count(), 0);

    // In the editor, ? is a character.
    await page.getByTestId('editor').locator('.monaco-editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    assert.equal(await help.count(), 0);
    assert.ok((await page.getByTestId('editor').innerText()).includes('?'));

    // Close a document (its text is kept), reopen it from the keyboard.
    await page.getByTestId('new-problem').click();
    await page.getByTestId('editor').locator('.monaco-editor').click();
    await page.keyboard.insertText('fof(kept, axiom, kept_text).');
    const before = await page.locator('.doc-title').count();
    await page.locator('.doc-tab.active .doc-close').click();
    assert.equal(await page.locator('.doc-title').count(), before - 1);
    await page.getByTestId('tab-result').focus();
    await page.keyboard.press('Alt+Shift+T');
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.doc-title')
          .length === n,
      before,
    );
    await page.waitForFunction(() =>
      (
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
          '[data-testid="editor"]',
        )?.textContent ?? ''
      ).includes('kept_text'),
    );
    assert.equal(await page.getByTestId('doc-reopen').count(), 0, 'nothing left to reopen');
    await page.close();
  });
});
