#!/usr/bin/env node
// Screenshots of every workbench panel at 1024×700 and 1440×900, light and dark (prefers-color-scheme),
// written to docs/screenshots/panel-<tab>-<W>x<H>-<scheme>.png (docs/app.md shows them).
// Uses the e2e harness (real server on 127.0.0.1, temporary data folder, Debian Chromium): run `npm run build` first.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, skipReason } from '../dist/e2e/harness.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const SIZES = [
  [1024, 700],
  [1440, 900],
];
const SCHEMES = ['light', 'dark'];
const TABS = ['result', 'graph', 'nl', 'sessions', 'settings', 'batch', 'lean', 'explore'];
const only = process.argv.slice(2);
const COUNTERMODEL = 'fof(ax1, axiom, ?[Y]: p(Y)).\nfof(ax2, axiom, ![X]: ?[Y]: r(X,Y)).\nfof(c, conjecture, ![X]: p(X)).\n';

const why = skipReason();
if (why) {
  console.error(`screenshots: ${why}`);
  process.exit(1);
}
await mkdir(OUT, { recursive: true });
const h = await launch();
let n = 0;
try {
  for (const [width, height] of SIZES)
    for (const scheme of SCHEMES) {
      await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true });
      const page = await h.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(h.server.url);
      await page.getByTestId('editor').locator('.monaco-editor').waitFor();
      await page.getByTestId('parse-ok').waitFor();
      const shot = async (name) => {
        await page.waitForTimeout(150); // let transitions and Monaco's layout settle before the picture
        await page.screenshot({ path: join(OUT, `${name}-${width}x${height}-${scheme}.png`) });
        n++;
      };
      const open = async (tab) => {
        const inStrip = page.locator(`[role="tab"][data-tab="${tab}"]`);
        if ((await inStrip.count()) === 0) await page.getByTestId('tabs-more').click();
        await page.getByTestId(`tab-${tab}`).click();
      };
      // A proof for the result and graph panels; the other panels as a user first sees them.
      await page.getByTestId('prove').click();
      await page.getByTestId('szs-status').waitFor({ timeout: 30_000 });
      for (const tab of TABS) {
        if (only.length > 0 && !only.includes(tab)) continue;
        await open(tab);
        if (tab === 'graph') await page.waitForFunction(() => globalThis.__entailGraph?.readyMs !== undefined, null, { timeout: 15_000 });
        if (tab === 'nl') {
          await page.getByTestId('nl-judge').click();
          await page.getByTestId('nl-outcome').waitFor({ timeout: 30_000 });
        }
        if (tab === 'lean')
          await page.waitForFunction(
            () => !/looking for Lean/.test(globalThis.document.querySelector('[data-testid="tab-body"], .tab-body')?.textContent ?? ''),
            null,
            { timeout: 15_000 },
          );
        await shot(`panel-${tab}`);
      }
      if (only.length === 0 || only.includes('countermodel')) {
        // A countermodel whose functions the clausifier introduced: the tables and what each symbol stands for.
        await page.getByTestId('editor').locator('.monaco-editor').click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.insertText(COUNTERMODEL);
        await page.getByTestId('parse-ok').waitFor();
        await page.getByTestId('prove').click();
        await open('result');
        await page.getByTestId('model-notes').waitFor({ timeout: 30_000 });
        await shot('panel-result-countermodel');
      }
      if (only.length === 0) {
        await open('result');
        await page.getByTestId('panel-tabs').click({ position: { x: 2, y: 2 } });
        await page.keyboard.press('?');
        await page.getByTestId('help').waitFor();
        await shot('help');
        await page.keyboard.press('Escape');
        if ((await page.getByTestId('tabs-more').count()) > 0) {
          await page.getByTestId('tabs-more').click();
          await shot('tabs-more');
          await page.keyboard.press('Escape');
        }
      }
      await page.close();
    }
} finally {
  await h.close();
}
console.log(`screenshots: ${n} files in ${OUT}`);
