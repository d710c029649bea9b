/**
 * A small GBNF recognizer for testing grammars we ship (llama.cpp's format):
 * rules, "literals" (with \t \n \" \\ escapes), [character classes] (ranges, ^),
 * ( groups ), alternation |, and postfix * + ?. Matching returns every end
 * position an expression can reach (so it is a full CFG recognizer, not PEG);
 * results are memoized per (rule, position). No left recursion.
 */
type Node =
  | { k: 'lit'; s: string }
  | { k: 'cls'; neg: boolean; ranges: [number, number][] }
  | { k: 'ref'; name: string }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number };

function unescape(c: string): string {
  return c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c;
}

export function parseGbnf(src: string): Map<string, Node> {
  const rules = new Map<string, Node>();
  // Join continuation lines: a rule starts with `name ::=`.
  const defs: string[] = [];
  for (const line of src.split('\n')) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    if (/^[a-z][a-z0-9-]*\s*::=/.test(line.trim())) defs.push(line.trim());
    else defs[defs.length - 1] += ' ' + line.trim();
  }
  for (const d of defs) {
    const m = /^([a-z][a-z0-9-]*)\s*::=\s*([\s\S]*)$/.exec(d)!;
    let i = 0;
    const s = m[2]!;
    const ws = (): void => {
      while (i < s.length && /\s/.test(s[i]!)) i++;
    };
    const alt = (): Node => {
      const alts: Node[] = [seq()];
      ws();
      while (s[i] === '|') {
        i++;
        alts.push(seq());
        ws();
      }
      return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
    };
    const seq = (): Node => {
      const items: Node[] = [];
      for (;;) {
        ws();
        if (i >= s.length || s[i] === '|' || s[i] === ')') break;
        let n = atom();
        ws();
        const q = s[i];
        if (q === '*' || q === '+' || q === '?') {
          i++;
          n = { k: 'rep', node: n, min: q === '+' ? 1 : 0, max: q === '?' ? 1 : Infinity };
        }
        items.push(n);
      }
      return items.length === 1 ? items[0]! : { k: 'seq', items };
    };
    const atom = (): Node => {
      const c = s[i]!;
      if (c === '"') {
        i++;
        let out = '';
        while (s[i] !== '"') {
          if (s[i] === '\\') {
            out += unescape(s[i + 1]!);
            i += 2;
          } else out += s[i++];
        }
        i++;
        return { k: 'lit', s: out };
      }
      if (c === '[') {
        i++;
        const neg = s[i] === '^';
        if (neg) i++;
        const ranges: [number, number][] = [];
        while (s[i] !== ']') {
          let a = s[i++]!;
          if (a === '\\') a = unescape(s[i++]!);
          let b = a;
          if (s[i] === '-' && s[i + 1] !== ']') {
            i++;
            b = s[i++]!;
            if (b === '\\') b = unescape(s[i++]!);
          }
          ranges.push([a.charCodeAt(0), b.charCodeAt(0)]);
        }
        i++;
        return { k: 'cls', neg, ranges };
      }
      if (c === '(') {
        i++;
        const n = alt();
        ws();
        i++; // ')'
        return n;
      }
      const r = /^[a-z][a-z0-9-]*/.exec(s.slice(i));
      if (!r) throw new Error(`gbnf: unexpected '${c}' in rule ${m[1]}`);
      i += r[0].length;
      return { k: 'ref', name: r[0] };
    };
    rules.set(m[1]!, alt());
  }
  return rules;
}

export function gbnfAccepts(rules: Map<string, Node>, text: string, start = 'root'): boolean {
  const memo = new Map<string, Set<number>>();
  const match = (n: Node, pos: number): Set<number> => {
    switch (n.k) {
      case 'lit':
        return text.startsWith(n.s, pos) ? new Set([pos + n.s.length]) : new Set();
      case 'cls': {
        if (pos >= text.length) return new Set();
        const c = text.charCodeAt(pos);
        const inside = n.ranges.some(([a, b]) => c >= a && c <= b);
        return inside !== n.neg ? new Set([pos + 1]) : new Set();
      }
      case 'ref': {
        const key = `${n.name}@${pos}`;
        const hit = memo.get(key);
        if (hit) return hit;
        const r = match(rules.get(n.name)!, pos);
        memo.set(key, r);
        return r;
      }
      case 'seq': {
        let cur = new Set([pos]);
        for (const it of n.items) {
          const next = new Set<number>();
          for (const p of cur) for (const q of match(it, p)) next.add(q);
          cur = next;
          if (cur.size === 0) break;
        }
        return cur;
      }
      case 'alt': {
        const out = new Set<number>();
        for (const a of n.alts) for (const q of match(a, pos)) out.add(q);
        return out;
      }
      case 'rep': {
        const out = new Set<number>();
        let frontier = new Set([pos]);
        if (n.min === 0) out.add(pos);
        for (let count = 1; count <= n.max && frontier.size > 0; count++) {
          const next = new Set<number>();
          for (const p of frontier) for (const q of match(n.node, p)) if (q !== p) next.add(q);
          for (const q of next) if (count >= n.min) out.add(q);
          frontier = next;
        }
        return out;
      }
    }
  };
  return match({ k: 'ref', name: start }, 0).has(text.length);
}
