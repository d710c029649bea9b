/**
 * `npm run bench:ui` (not a test): workbench responsiveness in headless Chromium.
 *  1. first paint: wall time from "server is listening" to the page's first
 *     contentful paint (target < 1.5 s);
 *  2. a 300- and a 2,000-node proof graph (NODES=300,2000): time from opening the graph tab until it is laid
 *     out and a click on a node shows its details (target < 2 s); also reported:
 *     when the last element of the graph was added (large graphs draw the first
 *     view first and add the rest in idle time).
 * The graph is a synthetic resolution DAG (every node an ancestor of the root)
 * converted by the real graph module and loaded through a saved session, so the
 * path measured is the one a user takes. Runs each measurement RUNS times.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server/index.js';
import { fromProof } from '../provers/graph/index.js';
import type { Proof, ProofStep } from '../provers/logic/index.js';
import { mkApp, mkConst, mkLit, mkVar } from '../provers/logic/index.js';
import { CHROMIUM, RENDERER_DIST, skipReason } from '../e2e/harness.js';

const RUNS = Number(process.env.RUNS ?? 3);
/** Proof sizes measured (comma-separated in NODES). */
const SIZES = (process.env.NODES ?? '300,2000').split(',').map(Number);

declare const window: {
  __entailGraph?: { readyMs?: number; completeMs?: number; root?: string; nodeCenter(id: string): { x: number; y: number } | undefined };
};
declare const performance: { getEntriesByName(n: string): { startTime: number }[]; timeOrigin: number };

/** Inputs first; step k resolves step k-1 with input k-INPUTS, so every step is used. */
function syntheticProof(n: number): Proof {
  const inputs = Math.max(2, Math.floor(n / 10));
  const steps: ProofStep[] = [];
  for (let i = 0; i < inputs; i++) {
    steps.push({
      id: `i${i}`,
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, `p${i}`, [mkApp('f', [mkVar('X'), mkConst(`c${i % 17}`)])])] } },
      source: { name: `ax${i}` },
    });
  }
  let prev = 'i0';
  for (let k = inputs; k < n; k++) {
    const id = `s${k}`;
    const other = `i${k % inputs}`;
    const lits = k === n - 1 ? [] : [mkLit(k % 3 !== 0, `q${k % 50}`, [mkApp('g', [mkConst(`c${k % 23}`)])])];
    steps.push({
      id,
      rule: k % 7 === 0 ? 'superposition' : 'resolution',
      parents: [{ id: prev }, { id: other, subst: { X: mkConst(`c${k % 11}`) } }],
      conclusion: { kind: 'clause', clause: { literals: lits } },
    });
    prev = id;
  }
  return { steps, root: prev };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(NODES: number): Promise<void> {
  const why = skipReason();
  if (why) {
    console.error(`bench:ui skipped: ${why}`);
    process.exitCode = 1;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'entail-bench-ui-'));
  const graph = fromProof(syntheticProof(NODES), { title: `synthetic-${NODES}`, status: 'Theorem' });
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  const session = {
    version: 1,
    name: 'bench',
    savedAt: new Date().toISOString(),
    problems: [{ id: 'p1', title: 'bench.p', language: 'tptp', text: 'fof(a, axiom, p).' }],
    runs: [
      {
        problemId: 'p1',
        at: new Date().toISOString(),
        prover: 'synthetic',
        status: 'Theorem',
        timeMs: 0,
        result: { status: 'Theorem', prover: 'synthetic', timeMs: 0, graph },
      },
    ],
  };
  await writeFile(join(dataDir, 'sessions', 'bench.entail.json'), JSON.stringify(session));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const paint: number[] = [];
  const layout: number[] = [];
  const interactive: number[] = [];
  const clicks: number[] = [];
  const complete: number[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const server = await startServer({ port: 0, staticDir: RENDERER_DIST, dataDir });
      const up = Date.now();
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      if (process.env.DEBUG_UI) page.on('console', (m) => console.log('page:', m.text()));
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const fcp = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]!.startTime);
      paint.push(fcp - up);

      await page.getByTestId('tab-sessions').click();
      await page.getByTestId('open-session-bench').click();
      await page.getByTestId('tab-result').click();
      await page.getByTestId('proof-steps').waitFor();
      const t0 = Date.now();
      await page.getByTestId('tab-graph').click();
      await page.waitForFunction(() => window.__entailGraph?.readyMs !== undefined, undefined, { timeout: 60_000 });
      layout.push(await page.evaluate(() => window.__entailGraph!.readyMs!));
      const root = await page.evaluate(() => window.__entailGraph!.root!);
      const at = await page.evaluate((id) => window.__entailGraph!.nodeCenter(id), root);
      if (!at) throw new Error('root node not drawn');
      const c0 = Date.now();
      await page.mouse.click(at.x, at.y);
      await page.getByTestId('node-parents').waitFor();
      clicks.push(Date.now() - c0);
      interactive.push(Date.now() - t0);
      await page.waitForFunction(() => window.__entailGraph?.completeMs !== undefined, undefined, { timeout: 60_000 });
      complete.push(await page.evaluate(() => window.__entailGraph!.completeMs!));
      await page.close();
      await server.close();
    }
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const fmt = (xs: number[]): string => `median ${Math.round(median(xs))} ms (runs: ${xs.map((x) => Math.round(x)).join(', ')})`;
  console.log(`first contentful paint after server up: ${fmt(paint)}   target < 1500 ms`);
  console.log(`${graph.nodes.length}-node graph, build + layout + first draw (in page): ${fmt(layout)}`);
  console.log(`${graph.nodes.length}-node graph, node click → details and ancestry shown: ${fmt(clicks)}`);
  console.log(`${graph.nodes.length}-node graph, tab click → laid out → node click answered: ${fmt(interactive)}   target < 2000 ms`);
  console.log(`${graph.nodes.length}-node graph, every element added and styled (in page, since mount): ${fmt(complete)}`);
  console.log(
    `(load average while measuring: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores)`,
  );
}

for (const n of SIZES) await main(n);
