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
 * - on demand, an SVG layered-layout view of a theorem's graph (inline renderer).
 *
 * Security: every piece of text goes through `escapeHtml`; the JSON the script
 * reads is escaped so `</script>`, `<!--` and U+2028/9 cannot break out.
 * Cost: linear in nodes + edges (arrays joined once at the end).
 */
import type { GraphNode, ProofGraph } from './model.js';
import { indexGraph } from './model.js';
import { ruleExplanation } from './glossary.js';

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

/** JSON safe to embed in a <script> element: no `<`, `>`, `&` or line separators survive literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const CSS = `
:root{--fg:#1d232a;--muted:#5b6672;--bg:#fff;--line:#d9dee4;--anc:#fff4c2;--desc:#dff0ff;--self:#ffe08a;--acc:#2463b5}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:0 1.5rem 4rem;max-width:1200px}
h1{font-size:1.5rem;margin:1.2rem 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .3rem;border-top:1px solid var(--line);padding-top:1rem}
a{color:var(--acc);text-decoration:none}a:hover{text-decoration:underline}.muted{color:var(--muted)}
code,.f{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;white-space:pre-wrap;word-break:break-word}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12px}
tr.step:target{background:var(--self)}tr.anc{background:var(--anc)}tr.desc{background:var(--desc)}tr.self{background:var(--self)}
.k-input .num,.k-lemma .num{color:#1c7c3c}.k-preprocessing{color:#57606a}.k-theorem .num{color:#b3261e;font-weight:700}
.num{font-weight:600;white-space:nowrap}.rule{white-space:nowrap}.links a{margin-right:.35em}
.badge{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 4px;font-size:11px;color:var(--muted)}
.gv{border:1px solid var(--line);margin:.5rem 0;overflow:auto;max-height:70vh;display:none}.gv.open{display:block}
.gv svg text{font:11px system-ui,sans-serif;pointer-events:none}.gv .node{cursor:pointer}
.gv circle{stroke:#444;stroke-width:1}.gv line{stroke:#9aa4ae;stroke-width:1}
.gv .hl circle{stroke:#b3261e;stroke-width:2.5}.gv line.hl{stroke:#b3261e;stroke-width:2}
button{font:inherit;font-size:12px;padding:1px 8px;cursor:pointer}
#idx li{margin:.15rem 0}dl.gl dt{font-weight:600;font-family:ui-monospace,monospace}dl.gl dd{margin:0 0 .4rem 1.2rem}
`;

// Inline script: hover highlighting (ancestors/descendants), and the SVG graph view.
// It reads only the embedded JSON (parent indices, kinds) and DOM text; user text is
// set with textContent, never innerHTML.
const JS = `
(function(){
var D=JSON.parse(document.getElementById('entail-data').textContent);
function kids(g){if(g.c)return g.c;var c=[];for(var i=0;i<g.p.length;i++)c.push([]);for(i=0;i<g.p.length;i++){var ps=g.p[i];for(var k=0;k<ps.length;k++)c[ps[k]].push(i);}g.c=c;return c;}
function reach(adj,s){var seen=new Uint8Array(adj.length),st=[s],out=[];seen[s]=1;while(st.length){var i=st.pop(),a=adj[i];for(var k=0;k<a.length;k++){var j=a[k];if(!seen[j]){seen[j]=1;out.push(j);st.push(j);}}}return out;}
var marked=[];
function clear(){for(var i=0;i<marked.length;i++)marked[i].classList.remove('anc','desc','self');marked=[];}
function row(t,n){return document.getElementById('t'+t+'-n'+n);}
function mark(t,n){clear();var g=D.g[t];var a=reach(g.p,n),d=reach(kids(g),n),e;
for(var i=0;i<a.length;i++){e=row(t,a[i]);if(e){e.classList.add('anc');marked.push(e);}}
for(i=0;i<d.length;i++){e=row(t,d[i]);if(e){e.classList.add('desc');marked.push(e);}}
e=row(t,n);if(e){e.classList.add('self');marked.push(e);}}
document.addEventListener('mouseover',function(ev){var tr=ev.target.closest&&ev.target.closest('tr.step');if(!tr)return;var m=/^t(\\d+)-n(\\d+)$/.exec(tr.id);if(m)mark(+m[1],+m[2]);});
document.addEventListener('mouseleave',clear);
var NS='http://www.w3.org/2000/svg';
function el(n,a){var e=document.createElementNS(NS,n);for(var k in a)e.setAttribute(k,a[k]);return e;}
function layout(g){var n=g.p.length,indeg=new Int32Array(n),c=kids(g),q=[],order=[],layer=new Int32Array(n);
for(var i=0;i<n;i++){indeg[i]=g.p[i].length;if(!indeg[i])q.push(i);}
for(var h=0;h<q.length;h++){var v=q[h];order.push(v);for(var k=0;k<c[v].length;k++){var w=c[v][k];if(layer[w]<layer[v]+1)layer[w]=layer[v]+1;if(--indeg[w]===0)q.push(w);}}
for(i=0;i<n;i++)if(indeg[i]>0)order.push(i);
var layers=[],pos=new Float64Array(n);for(i=0;i<order.length;i++){v=order[i];(layers[layer[v]]||(layers[layer[v]]=[])).push(v);}
for(var L=0;L<layers.length;L++){var row=layers[L]||[];if(L>0)row.sort(function(a,b){return bary(a)-bary(b);});for(k=0;k<row.length;k++)pos[row[k]]=k;}
function bary(v){var ps=g.p[v];if(!ps.length)return 1e9;var s=0;for(var k=0;k<ps.length;k++)s+=pos[ps[k]];return s/ps.length;}
return {layer:layer,pos:pos,layers:layers};}
function draw(t){var box=document.getElementById('gv'+t);if(box.dataset.done){box.classList.toggle('open');return;}
box.dataset.done='1';box.classList.add('open');var g=D.g[t];
if(g.p.length>D.max){box.textContent='Graph too large for the inline view ('+g.p.length+' steps); use the step list.';return;}
var Lo=layout(g),W=0;for(var L=0;L<Lo.layers.length;L++)W=Math.max(W,(Lo.layers[L]||[]).length);
var dx=56,dy=64,svg=el('svg',{width:W*dx+40,height:Lo.layers.length*dy+40});
function X(v){return 20+Lo.pos[v]*dx+dx/2;}function Y(v){return 20+Lo.layer[v]*dy+12;}
var lines=[],gs=[];
for(var v=0;v<g.p.length;v++)for(var k=0;k<g.p[v].length;k++){var u=g.p[v][k];var ln=el('line',{x1:X(u),y1:Y(u),x2:X(v),y2:Y(v)});ln.dataset.f=u;ln.dataset.t=v;lines.push(ln);svg.appendChild(ln);}
var col={input:'#b8e0c2',lemma:'#b8e0c2',preprocessing:'#e3e6ea',inference:'#c9dcf5',theorem:'#f5b8b3'};
for(v=0;v<g.p.length;v++){var gr=el('g',{'class':'node'});gr.dataset.n=v;var ci=el('circle',{cx:X(v),cy:Y(v),r:11,fill:col[g.k[v]]||'#ddd'});
var tt=el('title',{});tt.textContent=g.l[v]+' ['+g.r[v]+'] '+(row(t,v)?row(t,v).querySelector('.f').textContent:'');ci.appendChild(tt);
var tx=el('text',{x:X(v),y:Y(v)+4,'text-anchor':'middle'});tx.textContent=g.l[v];gr.appendChild(ci);gr.appendChild(tx);svg.appendChild(gr);gs.push(gr);}
svg.addEventListener('click',function(ev){var n=ev.target.closest&&ev.target.closest('g.node');if(n)location.hash='t'+t+'-n'+n.dataset.n;});
svg.addEventListener('mouseover',function(ev){var n=ev.target.closest&&ev.target.closest('g.node');if(!n)return;var s=+n.dataset.n,a=reach(g.p,s),inA=new Uint8Array(g.p.length);inA[s]=1;
for(var i=0;i<a.length;i++)inA[a[i]]=1;for(i=0;i<gs.length;i++)gs[i].classList.toggle('hl',!!inA[i]);for(i=0;i<lines.length;i++)lines[i].classList.toggle('hl',!!(inA[+lines[i].dataset.t]&&inA[+lines[i].dataset.f]));mark(t,s);});
box.appendChild(svg);}
document.addEventListener('click',function(ev){var b=ev.target.closest&&ev.target.closest('button[data-graph]');if(b)draw(+b.dataset.graph);});
})();
`;

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
  return `<a href="#t${j}">${escapeHtml(graphs[j]!.title)}</a>`;
}

function statementOf(g: ProofGraph): string {
  const root = g.root === undefined ? undefined : g.nodes.find((n) => n.id === g.root);
  return root ? root.text : '';
}

/** Export graphs as one self-contained HTML document. */
export function exportHtml(graphs: readonly ProofGraph[], opts: ExportOptions = {}): string {
  const title = opts.title ?? (graphs.length === 1 ? graphs[0]!.title : 'Entail proofs');
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
  const data: { p: number[][]; k: string[]; l: string[]; r: string[] }[] = [];
  const titleIdx = new Map<string, number>();
  graphs.forEach((h, j) => {
    if (!titleIdx.has(h.title)) titleIdx.set(h.title, j);
  });

  out.push(
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: forbid every fetch; inline script and style only.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
  );
  if (opts.subtitle !== undefined) out.push(`<p class="muted">${escapeHtml(opts.subtitle)}</p>`);

  // Index of theorems.
  out.push(`<nav><h2 id="index">Theorems (${graphs.length})</h2><ol id="idx">`);
  graphs.forEach((g, i) => {
    const r = refs[i]!;
    out.push(`<li data-testid="theorem-link"><a href="#t${i}">${escapeHtml(g.title)}</a>`);
    const st = statementOf(g);
    if (st !== '' && st !== '⊥') out.push(` <code>${escapeHtml(st)}</code>`);
    if (g.status !== undefined) out.push(` <span class="badge">${escapeHtml(g.status)}</span>`);
    out.push(` <span class="muted">${g.nodes.length} steps</span>`);
    if (r.uses.length > 0) out.push(` <span class="muted">uses</span> ${r.uses.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (r.usedBy.length > 0) out.push(` <span class="muted">used by</span> ${r.usedBy.map((j) => theoremLink(graphs, j)).join(', ')}`);
    out.push('</li>');
  });
  out.push('</ol></nav>');

  graphs.forEach((g, i) => {
    const ix = indexGraph(g);
    const r = refs[i]!;
    out.push(`<section id="t${i}" data-testid="theorem"><h2>${escapeHtml(g.title)}`);
    if (g.status !== undefined) out.push(` <span class="badge">${escapeHtml(g.status)}</span>`);
    out.push('</h2>');
    if (g.note !== undefined) out.push(`<p class="muted">${escapeHtml(g.note)}</p>`);
    const refLine: string[] = [];
    if (r.uses.length > 0) refLine.push(`uses ${r.uses.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (r.usedBy.length > 0) refLine.push(`used by ${r.usedBy.map((j) => theoremLink(graphs, j)).join(', ')}`);
    if (refLine.length > 0) out.push(`<p>${refLine.join(' · ')}</p>`);
    out.push(
      `<p><button type="button" data-graph="${i}">graph view</button> <a href="#index">index</a></p><div class="gv" id="gv${i}"></div>`,
      '<table><thead><tr><th>#</th><th>formula</th><th>rule</th><th>premises</th><th>used by</th><th>source</th></tr></thead><tbody>',
    );
    const p: number[][] = [];
    const k: string[] = [];
    const l: string[] = [];
    const rl: string[] = [];
    const substOf = new Map<string, string>();
    for (const e of g.edges) if (e.subst !== undefined) substOf.set(`${e.from}\u0000${e.to}`, e.subst);
    for (let n = 0; n < g.nodes.length; n++) {
      const nd: GraphNode = g.nodes[n]!;
      const parents = ix.parents[n]!;
      const children = ix.children[n]!;
      p.push(parents.slice());
      k.push(nd.kind);
      l.push(nd.label);
      rl.push(nd.rule);
      out.push(
        `<tr class="step k-${nd.kind}" id="t${i}-n${n}" data-testid="step"><td class="num"><a href="#t${i}-n${n}">${escapeHtml(nd.label)}</a></td>`,
        `<td><span class="f">${escapeHtml(nd.text)}</span>`,
      );
      if (nd.detail !== undefined) out.push(` <span class="muted">${escapeHtml(nd.detail)}</span>`);
      out.push(
        `</td><td class="rule"><a href="#rule-${ruleId(nd.rule)}" title="${escapeHtml(ruleExplanation(nd.rule))}">${escapeHtml(nd.rule)}</a>`,
      );
      if (nd.role !== undefined && nd.role !== 'plain') out.push(` <span class="badge">${escapeHtml(nd.role)}</span>`);
      out.push('</td><td class="links parents">');
      for (const q of parents) {
        const s = substOf.get(`${g.nodes[q]!.id}\u0000${nd.id}`);
        const t = s === undefined ? '' : ` title="${escapeHtml(s)}"`;
        out.push(`<a href="#t${i}-n${q}" data-rel="parent"${t}>${escapeHtml(g.nodes[q]!.label)}</a>`);
      }
      if (nd.ref !== undefined) {
        const j = titleIdx.get(nd.ref);
        if (j !== undefined && j !== i) out.push(`<a href="#t${j}" data-rel="lemma">${escapeHtml(nd.ref)}</a>`);
      }
      out.push('</td><td class="links children">');
      for (const c of children) out.push(`<a href="#t${i}-n${c}" data-rel="child">${escapeHtml(g.nodes[c]!.label)}</a>`);
      out.push(`</td><td>${nd.source !== undefined ? escapeHtml(nd.source) : ''}</td></tr>`);
    }
    out.push('</tbody></table></section>');
    data.push({ p, k, l, r: rl });
  });

  out.push('<section id="glossary"><h2>Rules</h2><dl class="gl">');
  for (const [rule, id] of rules) out.push(`<dt id="rule-${id}">${escapeHtml(rule)}</dt><dd>${escapeHtml(ruleExplanation(rule))}</dd>`);
  out.push('</dl></section>');
  out.push(
    `<script type="application/json" id="entail-data">${scriptJson({ g: data, max: opts.maxGraphView ?? 4000 })}</script>`,
    `<script>${JS}</script></body></html>\n`,
  );
  return out.join('');
}
