/**
 * The one script of an exported HTML proof page. `pageMain` is ordinary, type-checked
 * TypeScript; the export inlines its compiled source (`pageScript()`), and the page's
 * CSP allows exactly that text by its hash.
 *
 * Rules for `pageMain`, because its source is serialized: it refers to nothing outside
 * its own body (no imports at run time, no module constants); it reads only the JSON
 * block `#entail-data`; user text reaches the page only through `textContent`.
 * The DOM types below are the few members it uses, so the module needs no DOM lib and
 * a test can drive it with a small fake document.
 */

export interface PageClassList {
  add(c: string): void;
  remove(c: string): void;
  toggle(c: string, on: boolean): void;
}

export interface PageElement {
  textContent: string | null;
  readonly classList: PageClassList;
  setAttribute(name: string, value: string): void;
  appendChild(child: PageElement): void;
  addEventListener(type: 'click' | 'mouseover' | 'mouseleave', fn: () => void): void;
}

export interface PageDocument {
  getElementById(id: string): PageElement | null;
  createElementNS(ns: string, name: string): PageElement;
}

export interface PageLocation {
  hash: string;
}

/** One laid-out graph as the page reads it (indices, not ids: no user text in keys). */
export interface PageGraph {
  /** Per node: centre x, centre y, width, height. */
  readonly box: readonly (readonly [number, number, number, number])[];
  readonly role: readonly string[];
  readonly title: readonly string[];
  readonly formula: readonly string[];
  readonly interesting: readonly number[];
  /** Parents of each node, as node indices (ancestry highlight). */
  readonly parents: readonly (readonly number[])[];
  /** Per edge: premise index, conclusion index, flat polyline [x0, y0, x1, y1, ...]. */
  readonly edges: readonly (readonly [number, number, readonly number[]])[];
  readonly width: number;
  readonly height: number;
  /** The node's row in the step table (index into the graph's own step list). */
  readonly row: readonly number[];
}

export interface PageData {
  /** Per theorem; null where the graph is too large for the drawn view. */
  readonly g: readonly (PageGraph | null)[];
  /** Per theorem, the parents of every row of its step table. */
  readonly rows: readonly (readonly (readonly number[])[])[];
}

/** Draw every graph view and wire the highlights. Runs in the exported page. */
export function pageMain(doc: PageDocument, loc: PageLocation): void {
  const dataEl = doc.getElementById('entail-data');
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as PageData;
  const NS = 'http://www.w3.org/2000/svg';
  const el = (name: string, attrs: Record<string, string | number>): PageElement => {
    const e = doc.createElementNS(NS, name);
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
    return e;
  };
  const reach = (adj: readonly (readonly number[])[], s: number): number[] => {
    const seen = new Uint8Array(adj.length);
    const stack = [s];
    const out: number[] = [];
    seen[s] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const j of adj[i] ?? []) {
        if (seen[j]) continue;
        seen[j] = 1;
        out.push(j);
        stack.push(j);
      }
    }
    return out;
  };
  const children = (parents: readonly (readonly number[])[]): number[][] => {
    const c: number[][] = parents.map(() => []);
    parents.forEach((ps, i) => ps.forEach((p) => c[p]?.push(i)));
    return c;
  };
  // Step table: hovering a row marks its ancestors and descendants.
  let marked: PageElement[] = [];
  const clear = (): void => {
    for (const e of marked) {
      e.classList.remove('anc');
      e.classList.remove('desc');
      e.classList.remove('self');
    }
    marked = [];
  };
  const markRows = (t: number, n: number): void => {
    clear();
    const ps = data.rows[t] ?? [];
    const add = (i: number, c: string): void => {
      const r = doc.getElementById(`t${t}-n${i}`);
      if (!r) return;
      r.classList.add(c);
      marked.push(r);
    };
    for (const i of reach(ps, n)) add(i, 'anc');
    for (const i of reach(children(ps), n)) add(i, 'desc');
    add(n, 'self');
  };
  data.rows.forEach((ps, t) => {
    for (let n = 0; n < ps.length; n++) {
      const r = doc.getElementById(`t${t}-n${n}`);
      if (!r) continue;
      r.addEventListener('mouseover', () => markRows(t, n));
      r.addEventListener('mouseleave', clear);
    }
  });
  // Graph views.
  data.g.forEach((g, t) => {
    const host = doc.getElementById(`gv${t}`);
    if (!host || !g) return;
    const pad = 16;
    const svg = el('svg', {
      xmlns: NS,
      width: Math.ceil(g.width + 2 * pad),
      height: Math.ceil(g.height + 2 * pad),
      viewBox: `${-pad} ${-pad} ${Math.ceil(g.width + 2 * pad)} ${Math.ceil(g.height + 2 * pad)}`,
      role: 'img',
    });
    const defs = el('defs', {});
    const marker = el('marker', {
      id: `arrow${t}`,
      viewBox: '0 0 10 10',
      refX: 10,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto',
    });
    marker.appendChild(el('path', { d: 'M0,0L10,5L0,10z', class: 'arrow' }));
    defs.appendChild(marker);
    svg.appendChild(defs);
    const edgeEls: PageElement[] = [];
    for (const [, , pts] of g.edges) {
      const pairs: string[] = [];
      for (let k = 0; k + 1 < pts.length; k += 2) pairs.push(`${pts[k]},${pts[k + 1]}`);
      const line = el('polyline', { points: pairs.join(' '), class: 'edge', 'marker-end': `url(#arrow${t})` });
      edgeEls.push(line);
      svg.appendChild(line);
    }
    const nodeEls: PageElement[] = [];
    const interesting = new Set(g.interesting);
    g.box.forEach(([x, y, w, h], i) => {
      const grp = el('g', { class: `node role-${g.role[i] ?? 'derived'}${interesting.has(i) ? ' interesting' : ''}` });
      grp.appendChild(el('rect', { x: x - w / 2, y: y - h / 2, width: w, height: h, rx: 4 }));
      const title = el('text', { x, y: y - 3, 'text-anchor': 'middle', class: 'l1' });
      title.textContent = g.title[i] ?? '';
      const formula = el('text', { x, y: y + 12, 'text-anchor': 'middle', class: 'l2' });
      formula.textContent = g.formula[i] ?? '';
      const tip = el('title', {});
      tip.textContent = `${g.title[i] ?? ''}\n${g.formula[i] ?? ''}`;
      grp.appendChild(tip);
      grp.appendChild(title);
      grp.appendChild(formula);
      grp.addEventListener('click', () => {
        const anc = new Uint8Array(g.box.length);
        anc[i] = 1;
        for (const a of reach(g.parents, i)) anc[a] = 1;
        nodeEls.forEach((ne, j) => ne.classList.toggle('hl', anc[j] === 1));
        g.edges.forEach(([f, to], j) => edgeEls[j]?.classList.toggle('hl', anc[f] === 1 && anc[to] === 1));
        const row = g.row[i];
        if (row !== undefined) {
          loc.hash = `t${t}-n${row}`;
          markRows(t, row);
        }
      });
      nodeEls.push(grp);
      svg.appendChild(grp);
    });
    host.appendChild(svg);
  });
}

/** The page's script text: `pageMain`'s compiled source applied to the page's document. */
export function pageScript(): string {
  return `(${pageMain.toString()})(document, location);`;
}
