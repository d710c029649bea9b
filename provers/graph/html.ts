/**
 * Self-contained HTML export of one or more proof graphs ("theorems"): one file
 * with inline CSS and JS, no network, works from file://.
 *
 * Layout of the page:
 * - an index of theorems, each with "uses" and "used by" links (a graph uses
 *   another when one of its 'lemma' nodes has `ref` equal to the other's title);
 * - one section per theorem with numbered steps; every step links to its
 *   parents and to the steps that use it (anchors `t<i>-n<k>`, built from
 *   indices only, so no user text ever reaches an id or href);
 * - a glossary of the rules that occur;
 * - above each step list, the graph drawn with the view model's layout, labels and
 *   role colours (the same as the app's graph panel), with a legend.
 *
 * Inert by construction: every interpolated value goes through `h` (one escaping
 * helper); the graph data is JSON in a `type="application/json"` block, escaped so
 * `</script>`, `<!--` and U+2028/9 cannot break out; the one script is the compiled
 * source of the type-checked `pageMain` (page.ts); the CSP allows exactly that script
 * and the one style element by their sha256 hashes, nothing inline otherwise.
 * Cost: linear in nodes + edges (arrays joined once at the end).
 */
import type { GraphNode, ProofGraph } from './model.js';
import { indexGraph } from './model.js';
import { ruleExplanation } from './glossary.js';
import type { PageData, PageGraph } from './page.js';
import { pageScript } from './page.js';
import { cspHash } from './sha256.js';
import type { Palette } from './view.js';
import {
  DEPENDENCY_ROLES,
  DEPENDENCY_ROLE_CLASS,
  DEPENDENCY_ROLE_LABEL,
  PALETTES,
  ROLE_CLASSES,
  ROLE_LABEL,
  buildView,
  roleClassOf,
} from './view.js';

export interface ExportOptions {
  readonly title?: string;
  /** Graphs larger than this get no SVG view (the step list still works). Default 4000. */
  readonly maxGraphView?: number;
  /** A line shown under the title (tool, date, command...). */
  readonly subtitle?: string;
}

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** The one helper every value interpolated into the page goes through (numbers included). */
const h = (v: string | number): string => escapeHtml(String(v));

/** JSON safe to embed in a <script> element: no `<`, `>`, `&` or line separators survive literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function roleCss(p: Palette): string {
  const vars = [`--bg:${p.background}`, `--fg:${p.text}`, `--muted:${p.muted}`, `--edge:${p.edge}`, `--hl:${p.highlight}`];
  for (const r of ROLE_CLASSES) vars.push(`--${r}-fill:${p.roles[r].fill}`, `--${r}-stroke:${p.roles[r].stroke}`);
  return vars.join(';');
}

function pageCss(): string {
  const roles = ROLE_CLASSES.map(
    (r) =>
      `.role-${r} rect,.sw.role-${r}{fill:var(--${r}-fill);stroke:var(--${r}-stroke);background:var(--${r}-fill);border-color:var(--${r}-stroke)}`,
  ).join('');
  return `
:root{${roleCss(PALETTES.light)};--line:#d9dee4;--anc:#fff4c2;--desc:#dff0ff;--self:#ffe08a;--acc:#2463b5;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${roleCss(PALETTES.dark)};--line:#2f3540;--anc:#3d3514;--desc:#13314d;--self:#5a4a12;--acc:#7fb0ff}}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:0 1.5rem 4rem}
h1{font-size:1.5rem;margin:1.2rem 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .3rem;border-top:1px solid var(--line);padding-top:1rem}
a{color:var(--acc);text-decoration:none}a:hover{text-decoration:underline}.muted{color:var(--muted)}
code,.f{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;white-space:pre-wrap;word-break:break-word}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px}
tr.step:target{background:var(--self)}tr.anc{background:var(--anc)}tr.desc{background:var(--desc)}tr.self{background:var(--self)}
.num{font-weight:600;white-space:nowrap}.rule{white-space:nowrap}.links a{margin-right:.35em}
.badge{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 4px;font-size:11px;color:var(--muted)}
.gv{border:1px solid var(--line);margin:.5rem 0;overflow:auto;max-height:75vh;text-align:center}
.gv svg{display:inline-block}
.gv text{font:12px system-ui,-apple-system,Segoe UI,sans-serif;fill:var(--fg);pointer-events:none}
.gv text.l2{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
.gv .node{cursor:pointer}.gv rect{stroke-width:1.2}.gv .interesting rect{stroke-width:2.4}
.gv .edge{fill:none;stroke:var(--edge);stroke-width:1.1}.gv .arrow{fill:var(--edge)}
.gv .hl rect{stroke:var(--hl);stroke-width:2.6}.gv .edge.hl{stroke:var(--hl);stroke-width:2}
${roles}
.legend{display:flex;gap:1rem;flex-wrap:wrap;font-size:12px;margin:.3rem 0}.sw{display:inline-block;width:14px;height:14px;border:1.5px solid;border-radius:3px;vertical-align:-2px;margin-right:4px}
#idx li{margin:.15rem 0}dl.gl dt{font-weight:600;font-family:ui-monospace,monospace}dl.gl dd{margin:0 0 .4rem 1.2rem}
`;
}

function legendHtml(g: ProofGraph): string {
  const items =
    g.nodeRoles === 'dependencies'
      ? DEPENDENCY_ROLES.map(
          (r) => `<span><span class="sw role-${h(DEPENDENCY_ROLE_CLASS[r])}"></span>${h(DEPENDENCY_ROLE_LABEL[r])}</span>`,
        )
      : ROLE_CLASSES.map((r) => `<span><span class="sw role-${h(r)}"></span>${h(ROLE_LABEL[r])}</span>`);
  return `<div class="legend" data-testid="legend">${items.join('')}<span class="muted">thick border: an interesting step</span></div>`;
}

/** The drawn view of one graph, from the view model (same layout and labels as the app). */
function pageGraph(g: ProofGraph): PageGraph {
  const view = buildView(g, { focus: 'all' });
  const row = new Map<string, number>();
  g.nodes.forEach((n, i) => row.set(n.id, i));
  const at = new Map<string, number>();
  view.layout.nodes.forEach((n, i) => at.set(n.id, i));
  const ix = indexGraph(view.graph);
  const r2 = (v: number): number => Math.round(v * 100) / 100;
  const nodes = view.layout.nodes;
  return {
    box: nodes.map((n) => [r2(n.x), r2(n.y), r2(n.w), r2(n.h)] as const),
    role: nodes.map((n) => n.role),
    title: nodes.map((n) => n.title),
    formula: nodes.map((n) => n.formula),
    interesting: nodes.flatMap((n, i) => (n.interesting ? [i] : [])),
    parents: ix.parents.map((ps) => ps.slice()),
    edges: view.layout.edges.map((e) => [at.get(e.from)!, at.get(e.to)!, e.points.flatMap((p) => [r2(p.x), r2(p.y)])] as const),
    width: r2(view.layout.width),
    height: r2(view.layout.height),
    row: nodes.map((n) => row.get(n.id)!),
  };
}

interface TheoremRefs {
  readonly uses: number[];
  readonly usedBy: number[];
}

function theoremRefs(graphs: readonly ProofGraph[]): TheoremRefs[] {
  const byTitle = new Map<string, number>();
  graphs.forEach((g, i) => {
    if (!byTitle.has(g.title)) byTitle.set(g.title, i);
  });
  const refs: TheoremRefs[] = graphs.map(() => ({ uses: [], usedBy: [] }));
  graphs.forEach((g, i) => {
    const seen = new Set<number>();
    for (const n of g.nodes) {
      if (n.ref === undefined) continue;
      const j = byTitle.get(n.ref);
      if (j === undefined || j === i || seen.has(j)) continue;
      seen.add(j);
      refs[i]!.uses.push(j);
      refs[j]!.usedBy.push(i);
    }
  });
  return refs;
}

function theoremLink(graphs: readonly ProofGraph[], j: number): string {
  return `<a href="#t${h(j)}">${h(graphs[j]!.title)}</a>`;
}

function statementOf(g: ProofGraph): string {
  const root = g.root === undefined ? undefined : g.nodes.find((n) => n.id === g.root);
  return root ? root.text : '';
}

/** Export graphs as one self-contained HTML document. */
export function exportHtml(graphs: readonly ProofGraph[], opts: ExportOptions = {}): string {
  const title = opts.title ?? (graphs.length === 1 ? graphs[0]!.title : 'Entail proofs');
  const maxView = opts.maxGraphView ?? 4000;
  const refs = theoremRefs(graphs);
  const out: string[] = [];
  const rules = new Map<string, number>();
  const ruleId = (r: string): number => {
    let k = rules.get(r);
    if (k === undefined) {
      k = rules.size;
      rules.set(r, k);
    }
    return k;
  };
  const data: { g: (PageGraph | null)[]; rows: number[][][] } = { g: [], rows: [] };
  const titleIdx = new Map<string, number>();
  graphs.forEach((g, j) => {
    if (!titleIdx.has(g.title)) titleIdx.set(g.title, j);
  });
  const css = pageCss();
  const script = pageScript();

  out.push(
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network, and only the page's own script and style element run: both allowed by their hash.
    `<meta http-equiv="Content-Security-Policy" content="${h(`default-src 'none'; script-src ${cspHash(script)}; style-src ${cspHash(css)}; img-src data:; base-uri 'none'; form-action 'none'`)}">`,
    `<title>${h(title)}</title><style>${css}</style></head><body>`,
    `<h1>${h(title)}</h1>`,
  );
  if (opts.subtitle !== undefined) out.push(`<p class="muted">${h(opts.subtitle)}</p>`);

  // Index of theorems.
  out.push(`<nav><h2 id="index">Theorems (${h(graphs.length)})</h2><ol id="idx">`);
  graphs.forEach((g, i) => {
    const r = refs[i]!;
    out.push(`<li data-testid="theorem-link"><a href="#t${h(i)}">${h(g.title)}</a>`);
    const st = statementOf(g);
    if (st !== '' && st !== '⊥') out.push(` <code>${h(st)}</code>`);
    if (g.status !== undefined) out.push(` <span class="badge">${h(g.status)}</span>`);
    out.push(` <span class="muted">${h(g.nodes.length)} steps</span>`);
    if (r.uses.length > 0) out.push(` <span class="muted">uses</span> ${r.uses.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (r.usedBy.length > 0) out.push(` <span class="muted">used by</span> ${r.usedBy.map((j) => theoremLink(graphs, j)).join(', ')}`);
    out.push('</li>');
  });
  out.push('</ol></nav>');

  graphs.forEach((g, i) => {
    const ix = indexGraph(g);
    const r = refs[i]!;
    out.push(`<section id="t${h(i)}" data-testid="theorem"><h2>${h(g.title)}`);
    if (g.status !== undefined) out.push(` <span class="badge">${h(g.status)}</span>`);
    out.push('</h2>');
    if (g.note !== undefined) out.push(`<p class="muted">${h(g.note)}</p>`);
    const refLine: string[] = [];
    if (r.uses.length > 0) refLine.push(`uses ${r.uses.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (r.usedBy.length > 0) refLine.push(`used by ${r.usedBy.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (refLine.length > 0) out.push(`<p>${refLine.join(' · ')}</p>`);
    const drawn = g.nodes.length <= maxView;
    data.g.push(drawn ? pageGraph(g) : null);
    out.push(legendHtml(g));
    out.push(
      drawn
        ? `<div class="gv" id="gv${h(i)}" data-testid="graph-view"></div>`
        : `<p class="muted">${h(`Graph too large for the drawn view (${g.nodes.length} steps); use the step list.`)}</p>`,
      '<table><thead><tr><th>#</th><th>formula</th><th>rule</th><th>premises</th><th>used by</th><th>source</th></tr></thead><tbody>',
    );
    const rows: number[][] = [];
    const substOf = new Map<string, string>();
    for (const e of g.edges) if (e.subst !== undefined) substOf.set(`${e.from}\u0000${e.to}`, e.subst);
    const roleOf = roleClassOf(g);
    for (let n = 0; n < g.nodes.length; n++) {
      const nd: GraphNode = g.nodes[n]!;
      const parents = ix.parents[n]!;
      const children = ix.children[n]!;
      rows.push(parents.slice());
      const anchor = `t${i}-n${n}`;
      out.push(
        `<tr class="step role-${h(roleOf(nd, g.root))}" id="${h(anchor)}" data-testid="step"><td class="num"><a href="#${h(anchor)}">${h(nd.label)}</a></td>`,
        `<td><span class="f">${h(nd.text)}</span>`,
      );
      if (nd.detail !== undefined) out.push(` <span class="muted">${h(nd.detail)}</span>`);
      out.push(`</td><td class="rule"><a href="#rule-${h(ruleId(nd.rule))}" title="${h(ruleExplanation(nd.rule))}">${h(nd.rule)}</a>`);
      if (nd.role !== undefined && nd.role !== 'plain') out.push(` <span class="badge">${h(nd.role)}</span>`);
      out.push('</td><td class="links parents">');
      for (const q of parents) {
        const s = substOf.get(`${g.nodes[q]!.id}\u0000${nd.id}`);
        const t = s === undefined ? '' : ` title="${h(s)}"`;
        out.push(`<a href="#t${h(i)}-n${h(q)}" data-rel="parent"${t}>${h(g.nodes[q]!.label)}</a>`);
      }
      if (nd.ref !== undefined) {
        const j = titleIdx.get(nd.ref);
        if (j !== undefined && j !== i) out.push(`<a href="#t${h(j)}" data-rel="lemma">${h(nd.ref)}</a>`);
      }
      out.push('</td><td class="links children">');
      for (const c of children) out.push(`<a href="#t${h(i)}-n${h(c)}" data-rel="child">${h(g.nodes[c]!.label)}</a>`);
      out.push(`</td><td>${nd.source !== undefined ? h(nd.source) : ''}</td></tr>`);
    }
    out.push('</tbody></table></section>');
    data.rows.push(rows);
  });

  out.push('<section id="glossary"><h2>Rules</h2><dl class="gl">');
  for (const [rule, id] of rules) out.push(`<dt id="rule-${h(id)}">${h(rule)}</dt><dd>${h(ruleExplanation(rule))}</dd>`);
  out.push('</dl></section>');
  const pageData: PageData = data;
  out.push(
    `<script type="application/json" id="entail-data">${scriptJson(pageData)}</script>`,
    `<script>${script}</script></body></html>\n`,
  );
  return out.join('');
}
