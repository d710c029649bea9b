/**
 * Benchmark: build and export a synthetic proof graph of N steps (default 10,000)
 * to self-contained HTML. Run: npx tsx bench/graph-export.ts [N]
 */
import { performance } from 'node:perf_hooks';
import type { GraphNode, GraphEdge } from '../provers/graph/index.js';
import { exportHtml, numberGraph, collapsePreprocessing } from '../provers/graph/index.js';

const n = Number(process.argv[2] ?? 10_000);
const nodes: GraphNode[] = [];
const edges: GraphEdge[] = [];
for (let i = 0; i < n; i++) {
  const kind = i < 100 ? 'input' : i < 300 ? 'preprocessing' : i === n - 1 ? 'theorem' : 'inference';
  nodes.push({
    id: `c${i}`,
    label: `c${i}`,
    text: `∀X Y. ¬p${i % 97}(f(X, g(Y))) ∨ q(X, h(Y, a${i}))`,
    rule: i < 100 ? 'input' : 'superposition',
    kind,
  });
  if (i >= 100) {
    edges.push({ from: `c${Math.floor(i / 2)}`, to: `c${i}`, subst: `X ↦ f(a${i})` });
    edges.push({ from: `c${i - 1}`, to: `c${i}` });
  }
}
const t0 = performance.now();
const g = numberGraph({ title: 'synthetic', origin: 'other', nodes, edges, root: `c${n - 1}` });
const t1 = performance.now();
const html = exportHtml([g, collapsePreprocessing(g)]);
const t2 = performance.now();
console.log(
  `steps=${n} edges=${edges.length} number=${(t1 - t0).toFixed(0)}ms export(2 graphs)=${(t2 - t1).toFixed(0)}ms size=${(html.length / 1e6).toFixed(1)}MB`,
);
