/**
 * End-to-end: the Generative-Logic explorer panel (Peano, + only, terms ≤ 5: explore in
 * the engine's worker, see a theorem, open its derivation in the graph explorer, export
 * it to HTML) and the Lean panel (no Lean here: "Lean not installed" shown as a state,
 * and exporting the current problem to a Lean theorem works without Lean).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, RESULTS, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

declare const window: { __entailGraph?: { readyMs?: number; root?: string; nodes: number } };

describe('workbench panels e2e', { skip: skip ?? false, timeout: 90_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('explorer: run Peano (+ only, small bound), see a theorem, open its derivation graph, export HTML', async () => {
    const wb = await Workbench.open(h);
    await wb.tid('tab-explore').click();
    await wb.tid('explore-only').fill('plus');
    await wb.tid('explore-size').fill('5');
    await wb.tid('explore-run').click();
    const theorems = wb.tid('explore-theorem');
    await theorems.first().waitFor({ timeout: 45_000 });
    const titles = await theorems.allInnerTexts();
    const comm = titles.findIndex((x) => /plus\(x, y\) = plus\(y, x\)/.test(x));
    assert.ok(comm >= 0, titles.join(' | '));
    assert.match(await wb.tid('explore-counts').innerText(), /generated\s+\d+/);
    assert.ok(Number(await wb.tid('explore-proved').innerText()) >= 5);
    await theorems.nth(comm).click();
    await wb.tid('explore-graph').waitFor();
    await wb.page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    assert.ok((await wb.page.evaluate(() => window.__entailGraph?.nodes ?? 0)) > 2);
    await wb.shot('12-explorer');
    const [download] = await Promise.all([wb.page.waitForEvent('download'), wb.tid('export-html').click()]);
    const file = join(RESULTS, 'explorer-theorem.html');
    await download.saveAs(file);
    const html = await readFile(file, 'utf8');
    assert.match(html, /induction/);
    await wb.page.close();
  });

  test('Lean panel: "Lean not installed" as a state; export of the current problem works without Lean', async () => {
    const wb = await Workbench.open(h);
    await wb.tid('parse-ok').waitFor();
    await wb.tid('tab-lean').click();
    await wb.page.locator('[data-testid="lean-not-installed"], [data-testid="lean-status"]').first().waitFor();
    await wb.page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return (
        (d.querySelector('[data-testid="lean-not-installed"]') ?? d.querySelector('[data-testid="lean-status"]'))?.textContent !==
        'looking for Lean…'
      );
    });
    if ((await wb.tid('lean-not-installed').count()) > 0) {
      assert.match(await wb.tid('lean-not-installed').innerText(), /Lean not installed/);
      assert.equal(await wb.tid('lean-check').isDisabled(), true);
      assert.equal(await wb.tid('lean-failure').count(), 0);
    }
    await wb.tid('lean-export').click();
    const code = wb.tid('lean-exported-code');
    await code.waitFor({ timeout: 15_000 });
    const text = await code.innerText();
    assert.match(text, /theorem \S+/);
    assert.match(text, /mortal socrates/);
    await wb.shot('13-lean');
    await wb.page.close();
  });
});
