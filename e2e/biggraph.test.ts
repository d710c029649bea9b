/**
 * End-to-end: a proof graph above the dagre limit takes the large-graph path of the graph view
 * (layered layout, first view built at once, the rest added in idle time). Clicking the conclusion on
 * the canvas answers with its parents; steps added later are drawn and selectable, and the search
 * finds them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromProof } from '../provers/graph/index.js';
import type { Proof, ProofStep } from '../provers/logic/index.js';
import { mkApp, mkConst, mkLit } from '../provers/logic/index.js';
import { launch, skipReason } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

declare const window: {
  __entailGraph?: {
    readyMs?: number;
    completeMs?: number;
    root?: string;
    nodes: number;
    nodeCenter(id: string): { x: number; y: number } | undefined;
  };
};

/** Inputs first; step k resolves step k-1 with input k mod INPUTS (long edges from the top row). */
function chainProof(n: number): Proof {
  const inputs = Math.floor(n / 10);
  const steps: ProofStep[] = [];
  for (let i = 0; i < inputs; i++)
    steps.push({
      id: `i${i}`,
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, `p${i}`, [mkConst(`c${i}`)])] } },
      source: { name: `ax${i}` },
    });
  let prev = 'i0';
  for (let k = inputs; k < n; k++) {
    const lits = k === n - 1 ? [] : [mkLit(true, `q${k}`, [mkApp('g', [mkConst(`c${k % 7}`)])])];
    steps.push({
      id: `s${k}`,
      rule: 'resolution',
      parents: [{ id: prev }, { id: `i${k % inputs}` }],
      conclusion: { kind: 'clause', clause: { literals: lits } },
    });
    prev = `s${k}`;
  }
  return { steps, root: prev };
}

describe('large proof graph e2e', { skip: skip ?? false, timeout: 90_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('600 steps: click the conclusion → parents; later chunks drawn, selectable and searchable', async () => {
    const graph = fromProof(chainProof(600), { title: 'chain-600', status: 'Theorem' });
    await mkdir(join(h.dataDir, 'sessions'), { recursive: true });
    const at = new Date().toISOString();
    await writeFile(
      join(h.dataDir, 'sessions', 'big.entail.json'),
      JSON.stringify({
        version: 1,
        name: 'big',
        savedAt: at,
        problems: [{ id: 'p1', title: 'big.p', language: 'tptp', text: 'fof(a, axiom, p).' }],
        runs: [
          {
            problemId: 'p1',
            at,
            prover: 'synthetic',
            status: 'Theorem',
            timeMs: 0,
            result: { status: 'Theorem', prover: 'synthetic', timeMs: 0, graph },
          },
        ],
      }),
    );
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(h.server.url);
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('open-session-big').click();
    await page.getByTestId('tab-result').click();
    await page.getByTestId('proof-steps').waitFor();
    await page.getByTestId('tab-graph').click();
    await page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    assert.equal(await page.evaluate(() => window.__entailGraph!.nodes), 600);
    const root = await page.evaluate(() => window.__entailGraph!.root!);
    const rootAt = await page.evaluate((id) => window.__entailGraph!.nodeCenter(id), root);
    assert.ok(rootAt, 'the conclusion is in the first view');
    await page.mouse.click(rootAt.x, rootAt.y);
    const parents = page.getByTestId('node-parents');
    await parents.waitFor();
    assert.equal(await parents.locator('li').count(), 2);
    assert.match(await parents.innerText(), /599\.[\s\S]*60\./);

    // Everything arrives; a step far from the first view (an input on the top row) is drawn and clickable.
    await page.waitForFunction(() => window.__entailGraph?.completeMs !== undefined);
    await page.getByRole('button', { name: 'Fit' }).click();
    const far = await page.evaluate(() => window.__entailGraph!.nodeCenter('i0'));
    assert.ok(far, 'a step added in idle time is drawn');
    await page.getByTestId('graph-search').fill('p17(');
    await page.getByText('1 match(es)').waitFor();
    // Selecting a parent from the details pane moves the selection to it.
    await page.getByTestId('graph-search').fill('');
    await parents.getByRole('button').first().click();
    await page.getByText(/^Step 599/).waitFor();
    await page.close();
  });
});
