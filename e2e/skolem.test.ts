/**
 * End-to-end: symbols the clausifier introduced are explained where they appear — under a proof's
 * steps, in the proof graph's step details, and beside a countermodel's tables.
 */
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { launch, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

// Browser global read inside a page function (this file compiles without the DOM lib).
declare const window: {
  __entailGraph?: {
    readyMs?: number;
    nodeCenter(id: string): { x: number; y: number } | undefined;
    canvas(): { x: number; y: number; width: number; height: number };
  };
};

const FATHERS = `fof(ax1, axiom, ![X]: (man(X) => ?[Y]: father(Y,X))).
fof(ax2, axiom, man(socrates)).
fof(ax3, axiom, ![X,Y]: (father(X,Y) => male(X))).
fof(c, conjecture, ?[Z]: male(Z)).
`;
const WITNESSES = `fof(ax1, axiom, ?[Y]: p(Y)).
fof(ax2, axiom, ![X]: ?[Y]: r(X,Y)).
fof(c, conjecture, ![X]: p(X)).
`;

describe('Skolem symbols explained e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  async function prove(wb: Workbench, text: string, t: TestContext): Promise<string | undefined> {
    await wb.tid('parse-ok').waitFor();
    const opt = wb.tid('prover').locator('option[value="embedded"]');
    if (await opt.isDisabled()) return void t.skip(`embedded prover unavailable: ${await opt.getAttribute('title')}`);
    await wb.setText(text);
    await wb.tid('parse-ok').waitFor();
    await wb.tid('prove').click();
    const status = wb.tid('szs-status');
    await status.waitFor({ timeout: 30_000 });
    return status.innerText();
  }

  /** The node id the first entry's "step N" link selects (the e2e probe speaks ids, the page labels). */
  async function entriesStep(list: ReturnType<Workbench['tid']>): Promise<string> {
    const id = await list.locator('[data-symbol]').first().getAttribute('data-step');
    assert.ok(id, 'the entry names its step');
    return id;
  }

  test('a proof lists its Skolem function with the statement it came from, and the graph step explains it', async (t) => {
    const wb = await Workbench.open(h);
    const status = await prove(wb, FATHERS, t);
    if (status === undefined) return;
    assert.equal(status, 'Theorem');
    const list = wb.tid('introduced-symbols');
    await list.waitFor();
    const entries = list.locator('[data-symbol]');
    assert.equal(await entries.count(), 1);
    assert.equal(await entries.first().getAttribute('data-symbol'), 'sk1');
    assert.match(
      await entries.first().innerText(),
      /sk1\(X\d+\)[\s\S]*Skolem function: for each X\d+, it names a witness of the ∃ in statement ax1/,
    );
    await wb.shot('skolem-result');
    // Its "step N" link opens the graph on the step that introduced it, and that step explains the symbol.
    const stepId = await entriesStep(list);
    await entries.first().locator('button').click();
    const details = wb.tid('node-details');
    await details.waitFor();
    assert.match(await wb.tid('node-formula').innerText(), /sk1\(/);
    assert.match(await wb.tid('node-introduced').innerText(), /witness of the ∃ in statement ax1/);
    await wb.page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    // The graph opens on the step the link named, not somewhere off-screen.
    const seen = await wb.page.evaluate((id) => {
      const g = window.__entailGraph!;
      return { at: g.nodeCenter(id), box: g.canvas() };
    }, stepId);
    assert.ok(seen.at, 'the introducing step is drawn');
    assert.ok(
      seen.at.x >= seen.box.x &&
        seen.at.x <= seen.box.x + seen.box.width &&
        seen.at.y >= seen.box.y &&
        seen.at.y <= seen.box.y + seen.box.height,
      `step at ${JSON.stringify(seen.at)} lies inside the canvas ${JSON.stringify(seen.box)}`,
    );
    await wb.shot('skolem-graph-step');
    await wb.page.close();
  });

  test('a countermodel says what each introduced symbol stands for, the negated conjecture’s included', async (t) => {
    const wb = await Workbench.open(h);
    const status = await prove(wb, WITNESSES, t);
    if (status === undefined) return;
    assert.equal(status, 'CounterSatisfiable');
    const notes = wb.tid('model-notes');
    await notes.waitFor({ timeout: 20_000 });
    const bySymbol = async (s: string): Promise<string> => notes.locator(`[data-symbol="${s}"]`).innerText();
    assert.equal(await notes.locator('[data-symbol]').count(), 3);
    assert.match(await bySymbol('sk1'), /Skolem constant: it names an object that statement ax1 says exists/);
    assert.match(await bySymbol('sk2'), /Skolem function: for each X\d+, it names a witness of the ∃ in statement ax2/);
    assert.match(await bySymbol('sk3'), /negated conjecture: to refute statement c/);
    // The user's own symbols get no note.
    assert.equal(await notes.locator('[data-symbol="p"], [data-symbol="r"]').count(), 0);
    await wb.shot('skolem-model');
    await wb.page.close();
  });
});
