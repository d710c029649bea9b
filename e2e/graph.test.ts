/**
 * End-to-end, measured in Chromium: the proof-graph panel at its default view, for
 * SET016+1's proof (proved in the app) and a 300-step proof (opened from a session):
 * every node label is drawn at ≥ 11 px (Cytoscape zoom × font size), no two node
 * boxes overlap, the drawing uses the panel's space, the step table lists name,
 * role, rule and parents, the large proof opens collapsed on its spine, and dark
 * mode draws on a dark canvas. With ENTAIL_SCREENSHOTS=<dir> it also writes the
 * screenshots of docs/screenshots (1024×700 and 1440×900, light and dark).
 */
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fromProof } from '../provers/graph/index.js';
import { PALETTES } from '../provers/graph/view.js';
import type { Proof, ProofStep } from '../provers/logic/index.js';
import { mkApp, mkConst, mkLit } from '../provers/logic/index.js';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { launch, RESULTS, skipReason, Workbench } from './harness.js';
import type { DrawnBox } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();
const SHOTS = process.env.ENTAIL_SCREENSHOTS;
const SET016 = join(SHARED_CORPORA, 'tptp', 'SET', 'SET016+1.p');

type Box = DrawnBox;
declare const window: {
  __entailGraph?: {
    readyMs?: number;
    nodes: number;
    root?: string;
    boxes(): Box[];
    canvas(): { x: number; y: number; width: number; height: number };
  };
};
declare const document: { querySelector(sel: string): unknown };
declare function getComputedStyle(e: unknown): { backgroundColor: string };

/** Inputs first; step k resolves step k-1 with input k mod INPUTS; one preprocessing step per input. */
function chainProof(n: number): Proof {
  const inputs = Math.floor(n / 10);
  const steps: ProofStep[] = [];
  for (let i = 0; i < inputs; i++) {
    steps.push({
      id: `i${i}`,
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, `p${i}`, [mkConst(`c${i}`)])] } },
      source: { name: `ax${i}`, role: 'axiom' },
    });
  }
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

/** The default-view measurements every proof must pass. */
async function measure(page: Page): Promise<{ boxes: Box[]; canvas: { width: number; height: number } }> {
  await page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
  const boxes = await page.evaluate(() => window.__entailGraph!.boxes());
  const canvas = await page.evaluate(() => window.__entailGraph!.canvas());
  assert.ok(boxes.length > 0);
  for (const b of boxes) assert.ok(b.fontPx >= 11, `label of ${b.id} drawn at ${b.fontPx.toFixed(2)} px`);
  // Overlap: sweep by x.
  const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.x1 < sorted[i]!.x2; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const overlap = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
      assert.ok(!overlap, `boxes ${a.id} and ${b.id} overlap`);
    }
  return { boxes, canvas };
}

/** How much of the canvas the drawing spans (the larger of its width and height fractions, capped at 1). */
function span(boxes: Box[], canvas: { x?: number; y?: number; width: number; height: number }): number {
  const x1 = Math.max(canvas.x ?? 0, Math.min(...boxes.map((b) => b.x1)));
  const x2 = Math.min((canvas.x ?? 0) + canvas.width, Math.max(...boxes.map((b) => b.x2)));
  const y1 = Math.max(canvas.y ?? 0, Math.min(...boxes.map((b) => b.y1)));
  const y2 = Math.min((canvas.y ?? 0) + canvas.height, Math.max(...boxes.map((b) => b.y2)));
  return Math.max((x2 - x1) / canvas.width, (y2 - y1) / canvas.height);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('proof graph panel e2e', { skip: skip ?? false, timeout: 400_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  /** Each test starts from its own sessions folder: a restored session is not the document under test. */
  async function clearSessions(): Promise<void> {
    await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }

  async function openSet016(page: Page): Promise<void> {
    await clearSessions();
    const wb = new Workbench(page);
    await page.goto(h.server.url);
    await wb.tid('editor').locator('.monaco-editor').waitFor();
    await wb.setText(await readFile(SET016, 'utf8'));
    await wb.tid('parse-ok').waitFor();
    await page.keyboard.press('ControlOrMeta+Enter');
    await wb.tid('szs-status').waitFor({ timeout: 60_000 });
    assert.equal(await wb.tid('szs-status').innerText(), 'Theorem');
    await wb.tid('open-graph').click();
  }

  async function openBig(page: Page): Promise<void> {
    await clearSessions();
    const graph = fromProof(chainProof(300), { title: 'chain-300', status: 'Theorem' });
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
    await page.goto(h.server.url);
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('open-session-big').click();
    await page.getByTestId('tab-result').click();
    await page.getByTestId('proof-steps').waitFor();
    await page.getByTestId('tab-graph').click();
  }

  test("SET016+1's proof: labels ≥ 11 px, no overlap, the panel's space used, step table with name/role/rule/parents", async (t: TestContext) => {
    if (!existsSync(SET016)) return void t.skip(`no ${SET016}`);
    for (const [w, hgt] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      const page = await h.browser.newPage({ viewport: { width: w, height: hgt } });
      await openSet016(page);
      const { boxes, canvas } = await measure(page);
      assert.ok(boxes.length >= 10, `${boxes.length} steps drawn`);
      assert.ok(span(boxes, canvas) >= 0.6, `the drawing spans ${(100 * span(boxes, canvas)).toFixed(0)}% of the canvas`);
      const head = await page.getByTestId('graph-steps').locator('th').allInnerTexts();
      assert.deepEqual(head, ['#', 'name', 'role', 'rule', 'parents']);
      const rows = page.getByTestId('graph-step');
      assert.equal(await rows.count(), boxes.length);
      const inputRow = (await rows.allInnerTexts()).find((r) => /\baxiom\b/.test(r));
      assert.ok(inputRow && /\t\S+\taxiom\tinput/.test(inputRow), `an input row names its statement: ${inputRow}`);
      await shot(page, `graph-small-${w}x${hgt}-light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction((bg) => {
        const host = document.querySelector('[data-testid="graph-canvas"]');
        return host !== null && getComputedStyle(host).backgroundColor === bg;
      }, 'rgb(17, 19, 24)');
      await measure(page);
      await shot(page, `graph-small-${w}x${hgt}-dark`);
      await page.close();
    }
  });

  test('a 300-step proof opens collapsed on its spine; labels ≥ 11 px, no overlap; expand on demand', async () => {
    for (const [w, hgt] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      const page = await h.browser.newPage({ viewport: { width: w, height: hgt } });
      await openBig(page);
      const { boxes } = await measure(page);
      assert.ok(await page.getByTestId('focus-spine').isChecked(), 'spine focus by default');
      assert.ok(await page.getByTestId('collapse').isChecked(), 'preprocessing collapsed by default');
      const root = await page.evaluate(() => window.__entailGraph!.root!);
      const rootBox = boxes.find((b) => b.id === root);
      const canvas = await page.evaluate(() => window.__entailGraph!.canvas());
      assert.ok(rootBox && rootBox.y2 <= canvas.y + canvas.height && rootBox.x1 >= canvas.x, 'the refutation is in the first view');
      await shot(page, `graph-large-${w}x${hgt}-light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction((bg) => {
        const host = document.querySelector('[data-testid="graph-canvas"]');
        return host !== null && getComputedStyle(host).backgroundColor === bg;
      }, 'rgb(17, 19, 24)');
      await measure(page);
      await shot(page, `graph-large-${w}x${hgt}-dark`);
      await page.close();
    }
    assert.equal(PALETTES.dark.background, '#111318', 'the dark canvas colour checked above');
  });

  test('spine focus hides side lines and expands them on demand', async () => {
    // Root with a main line and a side line; the side line's premises are hidden until expanded.
    const steps: ProofStep[] = [];
    const lit = (p: string) => ({ kind: 'clause' as const, clause: { literals: [mkLit(true, p, [])] } });
    for (const [line, len] of [
      ['m', 170],
      ['s', 10],
    ] as const) {
      steps.push({
        id: `${line}0`,
        rule: 'input',
        parents: [],
        conclusion: lit(`${line}0`),
        source: { name: `${line}_ax`, role: 'axiom' },
      });
      for (let k = 1; k < len; k++)
        steps.push({ id: `${line}${k}`, rule: 'resolution', parents: [{ id: `${line}${k - 1}` }], conclusion: lit(`${line}${k}`) });
    }
    steps.push({
      id: 'r',
      rule: 'resolution',
      parents: [{ id: 'm169' }, { id: 's9' }],
      conclusion: { kind: 'clause', clause: { literals: [] } },
    });
    const graph = fromProof({ steps, root: 'r' }, { title: 'side', status: 'Theorem' });
    const at = new Date().toISOString();
    await writeFile(
      join(h.dataDir, 'sessions', 'side.entail.json'),
      JSON.stringify({
        version: 1,
        name: 'side',
        savedAt: at,
        problems: [{ id: 'p1', title: 'side.p', language: 'tptp', text: 'fof(a, axiom, p).' }],
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
    const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(h.server.url);
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('open-session-side').click();
    await page.getByTestId('tab-result').click();
    await page.getByTestId('proof-steps').waitFor();
    await page.getByTestId('tab-graph').click();
    await page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined);
    assert.equal(await page.evaluate(() => window.__entailGraph!.nodes), 170 + 1 + 1);
    assert.equal(await page.getByTestId('hidden-count').innerText(), '9 steps hidden');
    // Select the side line's last step in the step table and expand it.
    const s9 = fromProof({ steps, root: 'r' }).nodes.find((n) => n.id === 's9')!.label;
    await page
      .getByTestId('graph-step')
      .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${s9}$`) }) })
      .click();
    await page.getByTestId('expand').click();
    await page.waitForFunction(() => window.__entailGraph?.nodes === 173);
    assert.equal(await page.getByTestId('hidden-count').innerText(), '8 steps hidden');
    await page.getByTestId('focus-spine').uncheck();
    await page.waitForFunction(() => window.__entailGraph?.nodes === 181);
    await page.close();
  });

  test('exported HTML: drawn with the same layout; screenshots', async () => {
    const html = (await import('../provers/graph/index.js')).exportHtml([
      fromProof(chainProof(40), { title: 'chain-40', status: 'Theorem' }),
    ]);
    const file = join(RESULTS, 'graph-export.html');
    await writeFile(file, html);
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      await page.goto(`file://${file}`);
      assert.equal(await page.locator('#gv0 svg g.node').count(), 40);
      await shot(page, `export-html-1440x900-${scheme}`);
      await page.close();
    }
  });
});
