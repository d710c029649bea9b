/**
 * End-to-end in Chromium: the proof graph and the editor are linked both ways.
 * A step clicked (in the step table or on the canvas) selects its source lines in
 * Monaco: an input its own statement's whole lines, the refutation the lines of
 * every input it came from. The cursor moved into an annotated formula (by the
 * keyboard, as a user would) highlights every step that formula feeds, and only those.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

// Statements spread over several lines, a comment and a blank line, and one axiom the proof does not use.
const LINES = [
  '% linking test', // 1
  'fof(man_socrates, axiom,', // 2
  '    man(socrates)).', // 3
  '', // 4
  'fof(men_mortal, axiom,', // 5
  '    ![X]: (man(X) =>', // 6
  '           mortal(X))).', // 7
  'fof(unused, axiom, rich(plato)).', // 8
  'fof(goal, conjecture,', // 9
  '    mortal(socrates)).', // 10
];
const TEXT = LINES.join('\n') + '\n';

/** The whole-lines selection Monaco should show for lines a..b (columns are 1-based; the end is after the last character). */
function whole(a: number, b: number) {
  return { startLine: a, startColumn: 1, endLine: b, endColumn: LINES[b - 1]!.length + 1 };
}

interface Sel {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
declare const window: {
  __entailGraph?: { readyMs?: number; root?: string; fed(): string[]; nodeCenter(id: string): { x: number; y: number } | undefined };
  __entailEditor?: Record<string, { selections(): Sel[] }>;
};

async function selections(page: Page): Promise<Sel[]> {
  return page.evaluate(() => window.__entailEditor!['editor']!.selections());
}

/** The step table's row for an input statement, by its name column. */
function rowOf(page: Page, name: string) {
  return page.getByTestId('graph-step').filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`(^|:)${name}$`) }) });
}

/** Put the editor's cursor on a line with the keyboard (Ctrl+Home, then down). */
async function cursorTo(page: Page, line: number): Promise<void> {
  await page
    .getByTestId('editor')
    .locator('.view-lines')
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
}

describe('proof graph ⇄ editor linking e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
    await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true });
  });
  after(async () => {
    await h?.close();
  });

  test('click a step → its lines are selected; cursor in a formula → the steps it feeds are highlighted', async () => {
    // Opened from a session, so the text is exactly TEXT (typing it would let Monaco auto-indent it).
    await mkdir(join(h.dataDir, 'sessions'), { recursive: true });
    await writeFile(
      join(h.dataDir, 'sessions', 'linking.entail.json'),
      JSON.stringify({
        version: 1,
        name: 'linking',
        savedAt: new Date().toISOString(),
        problems: [{ id: 'p1', title: 'linking.p', language: 'tptp', text: TEXT }],
        runs: [],
      }),
    );
    const wb = await Workbench.open(h, { keepSessions: true });
    const page = wb.page;
    await wb.tid('tab-sessions').click();
    await wb.tid('open-session-linking').click();
    await wb.tid('parse-ok').waitFor();
    await wb.tid('tab-result').click();
    await wb.tid('prove').click();
    await wb.tid('szs-status').waitFor({ timeout: 60_000 });
    assert.equal(await wb.tid('szs-status').innerText(), 'Theorem');
    await wb.tid('open-graph').click();
    await page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);

    // An input step (step table): its own statement's lines, 2–3.
    await rowOf(page, 'man_socrates').first().click();
    await page.waitForFunction(() => window.__entailEditor?.['editor']?.selections()[0]?.startLine === 2);
    assert.deepEqual(await selections(page), [whole(2, 3)]);
    await rowOf(page, 'men_mortal').first().click();
    await page.waitForFunction(() => window.__entailEditor?.['editor']?.selections()[0]?.startLine === 5);
    assert.deepEqual(await selections(page), [whole(5, 7)]);

    // The refutation (clicked on the canvas): the lines of every input it came from, not the unused axiom.
    // The table clicks brought their steps into view; Fit shows the whole proof again, the refutation included.
    await wb.tid('graph-fit').click();
    const root = await page.evaluate(() => window.__entailGraph!.root!);
    const at = await page.evaluate((id) => window.__entailGraph!.nodeCenter(id), root);
    assert.ok(at, 'the refutation is drawn');
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => (window.__entailEditor?.['editor']?.selections().length ?? 0) === 3);
    assert.deepEqual(await selections(page), [whole(2, 3), whole(5, 7), whole(9, 10)]);

    // Cursor inside men_mortal (line 6): the steps it feeds, down to the refutation; not man_socrates's input.
    const stepIds = async (name: string): Promise<string[]> => {
      await rowOf(page, name).first().waitFor();
      return page.evaluate(() => window.__entailGraph!.fed());
    };
    await cursorTo(page, 6);
    await wb
      .tid('linked-statement')
      .filter({ hasText: /^men_mortal feeds/ })
      .waitFor();
    const fedByMortal = await stepIds('men_mortal');
    assert.ok(fedByMortal.includes(root), `the refutation is fed by men_mortal: ${fedByMortal.join(', ')}`);
    const fedRows = page.locator('[data-testid="graph-step"][data-fed="true"]');
    const fedNames = await fedRows.locator('td:nth-child(2)').allInnerTexts();
    assert.ok(
      fedNames.some((n) => /(^|:)men_mortal$/.test(n)),
      `men_mortal's own input row is marked: ${fedNames.join(', ')}`,
    );
    assert.ok(!fedNames.some((n) => /(^|:)man_socrates$/.test(n)), 'man_socrates is not fed by men_mortal');
    const count = await fedRows.count();
    assert.equal(fedByMortal.length, count, 'canvas and table mark the same steps');

    // Cursor inside the goal: a different set, which also reaches the refutation.
    await cursorTo(page, 10);
    await wb
      .tid('linked-statement')
      .filter({ hasText: /^goal feeds/ })
      .waitFor();
    const fedByGoal = await page.evaluate(() => window.__entailGraph!.fed());
    assert.ok(fedByGoal.includes(root));
    assert.notDeepEqual([...fedByGoal].sort(), [...fedByMortal].sort());

    // The unused axiom and a blank line feed nothing.
    await cursorTo(page, 8);
    await wb
      .tid('linked-statement')
      .filter({ hasText: /^unused: not used by this proof/ })
      .waitFor();
    assert.deepEqual(await page.evaluate(() => window.__entailGraph!.fed()), []);
    await cursorTo(page, 4);
    await wb.tid('linked-statement').waitFor({ state: 'detached' });
    assert.deepEqual(await page.evaluate(() => window.__entailGraph!.fed()), []);
    await page.close();
  });
});
