import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { GraphNode, ProofGraph } from './model.js';
import { exportHtml } from './html.js';
import type { PageClassList, PageDocument, PageElement } from './page.js';
import { pageMain, pageScript } from './page.js';
import { base64, cspHash, sha256 } from './sha256.js';

// ---------------------------------------------------------------------------
// A small HTML tokenizer (the subset of the HTML5 tokenizer our output can reach:
// doctype, comments, start/end tags with quoted or bare attributes, raw text in
// script/style, character references left as they are). Enough to see every element
// and attribute a browser would create.

interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  /** Raw text content for script/style. */
  readonly raw?: string;
}

function tokenize(html: string): { tags: Tag[]; comments: number } {
  const tags: Tag[] = [];
  let comments = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    if (html.startsWith('!--', i)) {
      comments++;
      const end = html.indexOf('-->', i + 3);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i] === '!' || html[i] === '?') {
      i = html.indexOf('>', i) + 1 || html.length;
      continue;
    }
    if (html[i] === '/') {
      i = html.indexOf('>', i) + 1 || html.length;
      continue;
    }
    if (!/[A-Za-z]/.test(html[i] ?? '')) continue; // a bare '<' is text
    let j = i;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(i, j).toLowerCase();
    const attrs = new Map<string, string>();
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      let k = j;
      while (k < html.length && !/[\s/>=]/.test(html[k]!)) k++;
      const an = html.slice(j, k).toLowerCase();
      let value = '';
      j = k;
      while (/\s/.test(html[j] ?? '')) j++;
      if (html[j] === '=') {
        j++;
        while (/\s/.test(html[j] ?? '')) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end);
          j = end + 1;
        } else {
          let e = j;
          while (e < html.length && !/[\s>]/.test(html[e]!)) e++;
          value = html.slice(j, e);
          j = e;
        }
      }
      if (!attrs.has(an)) attrs.set(an, value);
    }
    i = j + 1;
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      tags.push({ name, attrs, raw: html.slice(i, stop) });
      i = stop;
    } else tags.push({ name, attrs });
  }
  return { tags, comments };
}

const ALLOWED = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'p',
  'nav',
  'ol',
  'li',
  'a',
  'code',
  'span',
  'section',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'script',
]);
const ALLOWED_ATTRS = new Set([
  'lang',
  'charset',
  'name',
  'content',
  'http-equiv',
  'id',
  'class',
  'href',
  'title',
  'data-testid',
  'data-rel',
  'type',
]);

const HOSTILE = [
  `"><img src=x onerror=alert(1)>`,
  `</script><script>alert(1)</script>`,
  `' onmouseover='alert(1)`,
  `<!-- x --><svg onload=alert(1)>`,
  `</style><style>*{}</style>`,
  '\u2028\u2029&amp;&lt;',
];

function hostileGraph(probe: string): ProofGraph {
  const nodes: GraphNode[] = [
    {
      id: `a${probe}`,
      label: probe,
      text: `p(${probe})`,
      rule: probe,
      kind: probe as GraphNode['kind'],
      role: probe,
      source: probe,
      detail: probe,
    },
    { id: probe, label: `2${probe}`, text: probe, rule: 'resolution', kind: 'theorem', ref: probe },
  ];
  return {
    title: probe,
    origin: 'other',
    note: probe,
    status: probe,
    nodes,
    edges: [{ from: `a${probe}`, to: probe, subst: probe }],
    root: probe,
  };
}

function checkInert(html: string): Tag[] {
  const { tags, comments } = tokenize(html);
  assert.equal(comments, 0, 'no comment opened');
  for (const t of tags) {
    assert.ok(ALLOWED.has(t.name), `unexpected element <${t.name}>`);
    for (const a of t.attrs.keys()) {
      assert.ok(ALLOWED_ATTRS.has(a), `unexpected attribute ${a} on <${t.name}>`);
      assert.ok(!a.startsWith('on'), `event handler ${a}`);
    }
    const href = t.attrs.get('href');
    if (href !== undefined) assert.match(href, /^#[A-Za-z0-9-]+$/, 'only in-page anchors');
    const cls = t.attrs.get('class');
    if (cls !== undefined) assert.match(cls, /^[a-z0-9 _-]*$/, `class ${cls}`);
  }
  const scripts = tags.filter((t) => t.name === 'script');
  assert.equal(scripts.length, 2, 'the data block and the one script');
  assert.equal(scripts[0]!.attrs.get('type'), 'application/json');
  assert.equal(scripts[1]!.attrs.size, 0);
  assert.equal(tags.filter((t) => t.name === 'style').length, 1);
  return tags;
}

test('hostile kind, label, name, rule, role, source, title: the export creates no element or attribute of theirs', () => {
  for (const probe of HOSTILE) {
    const html = exportHtml([hostileGraph(probe)], { title: probe, subtitle: probe });
    const tags = checkInert(html);
    // The data block parses and carries the raw text back.
    const data = JSON.parse(tags.find((t) => t.attrs.get('type') === 'application/json')!.raw!) as { g: { formula: string[] }[] };
    assert.ok(data.g[0]!.formula.some((f) => f === probe.replace(/\s+/g, ' ').trim() || f.endsWith('…')));
  }
});

test('the tokenizer sees an injection when the escaping helper is bypassed (the check can fail)', () => {
  assert.throws(() =>
    checkInert(
      `<html><body><tr class="step k-"><img src=x onerror=alert(1)>"></tr><script type="application/json"></script><script></script><style></style></body></html>`,
    ),
  );
});

test('CSP: script and style allowed by their sha256 only; no unsafe-inline, no network', () => {
  const html = exportHtml([hostileGraph('x')]);
  const tags = tokenize(html).tags;
  const csp = tags
    .find((t) => t.attrs.get('http-equiv') === 'Content-Security-Policy')!
    .attrs.get('content')!
    .replace(/&#39;/g, "'");
  assert.ok(!csp.includes('unsafe-inline'));
  const script = tags.filter((t) => t.name === 'script')[1]!.raw!;
  const style = tags.find((t) => t.name === 'style')!.raw!;
  assert.equal(script, pageScript());
  assert.ok(csp.includes(`script-src ${cspHash(script)};`));
  assert.ok(csp.includes(`style-src ${cspHash(style)};`));
  assert.match(csp, /default-src 'none'/);
  assert.ok(!script.toLowerCase().includes('</script'));
});

test('sha256/base64 agree with node:crypto', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      const want = createHash('sha256').update(s, 'utf8').digest('base64');
      assert.equal(base64(sha256(new TextEncoder().encode(s))), want);
    }),
    { numRuns: 300, seed: 18 },
  );
  for (const n of [0, 55, 56, 63, 64, 65, 1000]) {
    const s = 'a'.repeat(n);
    assert.equal(cspHash(s), `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  }
});

// ---------------------------------------------------------------------------
// The page script, run from its serialized text against a fake DOM built from the export's own ids.

class FakeClassList implements PageClassList {
  readonly set = new Set<string>();
  add(c: string): void {
    this.set.add(c);
  }
  remove(c: string): void {
    this.set.delete(c);
  }
  toggle(c: string, on: boolean): void {
    if (on) this.set.add(c);
    else this.set.delete(c);
  }
}

class FakeElement implements PageElement {
  textContent: string | null = null;
  readonly classList = new FakeClassList();
  readonly attrs = new Map<string, string>();
  readonly children: FakeElement[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  constructor(readonly name: string) {}
  setAttribute(n: string, v: string): void {
    this.attrs.set(n, v);
  }
  appendChild(c: PageElement): void {
    this.children.push(c as FakeElement);
  }
  addEventListener(type: string, fn: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  fire(type: string): void {
    for (const f of this.listeners.get(type) ?? []) f();
  }
  all(name: string): FakeElement[] {
    return this.children.flatMap((c) => [...(c.name === name ? [c] : []), ...c.all(name)]);
  }
}

function runPage(html: string): { byId: Map<string, FakeElement>; loc: { hash: string } } {
  const tags = tokenize(html).tags;
  const byId = new Map<string, FakeElement>();
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (id === undefined) continue;
    const e = new FakeElement(t.name);
    if (t.raw !== undefined) e.textContent = t.raw;
    byId.set(id, e);
  }
  const doc: PageDocument = {
    getElementById: (id) => byId.get(id) ?? null,
    createElementNS: (_ns, name) => new FakeElement(name),
  };
  const loc = { hash: '' };
  const script = tags.filter((t) => t.name === 'script')[1]!.raw!;
  // The serialized text runs with only `document` and `location` in scope: a reference to anything else throws.
  new Function('document', 'location', script)(doc, loc);
  return { byId, loc };
}

test('page script (from its serialized text): draws every node and edge with labels as text, click highlights ancestry', () => {
  const probe = `<img onerror=x>`;
  const g: ProofGraph = {
    title: 't',
    origin: 'other',
    nodes: [
      { id: 'a', label: '1', text: probe, rule: 'input', kind: 'input', role: 'axiom' },
      { id: 'b', label: '2', text: 'q', rule: 'input', kind: 'input' },
      { id: 'x', label: '3', text: 'r', rule: 'input', kind: 'input' },
      { id: 'c', label: '4', text: 'p ∨ q', rule: 'resolution', kind: 'inference' },
      { id: 'd', label: '5', text: '⊥', rule: 'resolution', kind: 'theorem' },
    ],
    edges: [
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'x', to: 'd' },
    ],
    root: 'd',
  };
  const { byId, loc } = runPage(exportHtml([g]));
  const svg = byId.get('gv0')!.children[0]!;
  assert.equal(svg.name, 'svg');
  const nodes = svg.children.filter((c) => c.name === 'g');
  assert.equal(nodes.length, 5);
  assert.equal(svg.all('polyline').length, 4);
  assert.ok(
    svg.all('text').some((t) => t.textContent === probe),
    'hostile text is text content',
  );
  assert.ok(nodes.some((n) => n.attrs.get('class') === 'node role-bottom'));
  // Click step 4 (c): it and its ancestors a, b are highlighted; x and d are not.
  const c = nodes.find((n) => n.all('text').some((t) => t.textContent === '4 · resolution'))!;
  c.fire('click');
  const lit = nodes.filter((n) => n.classList.set.has('hl')).map((n) => n.all('text')[0]!.textContent);
  assert.deepEqual(lit.sort(), ['1 · input', '2 · input', '4 · resolution']);
  assert.equal(loc.hash, 't0-n3');
  assert.ok(byId.get('t0-n0')!.classList.set.has('anc'), 'the table row of an ancestor is marked');
  assert.ok(byId.get('t0-n4')!.classList.set.has('desc'));
  // Hovering a row re-marks from that row.
  byId.get('t0-n4')!.fire('mouseover');
  assert.ok(byId.get('t0-n2')!.classList.set.has('anc'));
  assert.ok(!byId.get('t0-n4')!.classList.set.has('desc'));
});

test('pageMain is the function the script serializes', () => {
  assert.ok(pageScript().startsWith(`(${pageMain.toString()})`));
});
