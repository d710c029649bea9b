/**
 * Ground evaluation by the axioms used as rewrite rules, on hash-consed ground
 * terms: a term is an integer id, `f(a, b)` with normalized arguments is
 * normalized once and memoized, so evaluating thousands of candidate terms on
 * every test assignment costs mostly map lookups.
 */
import type { Term } from '../logic/index.js';
import type { RewriteRule } from './rewrite.js';

/** The value could not be computed within the budget (non-terminating rules, huge numbers). */
export const UNKNOWN = -1;

interface Node {
  readonly fn: string;
  readonly args: readonly number[];
}

export class GroundEvaluator {
  private readonly nodes: Node[] = [];
  private readonly interned = new Map<string, number>();
  private readonly memo = new Map<string, number>();
  private readonly byRoot = new Map<string, RewriteRule[]>();
  private budget: number;

  /** `rules` must be oriented (lhs > rhs) so innermost evaluation terminates. */
  constructor(
    rules: readonly RewriteRule[],
    private readonly maxSteps = 2_000_000,
    private readonly maxNodes = 200_000,
  ) {
    for (const r of rules) {
      if (r.lhs.kind !== 'app' || !r.oriented) continue;
      const k = `${r.lhs.fn}/${r.lhs.args.length}`;
      let l = this.byRoot.get(k);
      if (!l) this.byRoot.set(k, (l = []));
      l.push(r);
    }
    this.budget = maxSteps;
  }

  private intern(fn: string, args: readonly number[]): number {
    const key = args.length === 0 ? fn : `${fn}(${args.join(',')})`;
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.nodes.push({ fn, args });
      this.interned.set(key, id);
    }
    return id;
  }

  /** Normal form of f(args) where every argument is already a normal form. */
  apply(fn: string, args: readonly number[]): number {
    for (const a of args) if (a === UNKNOWN) return UNKNOWN;
    const key = args.length === 0 ? fn : `${fn}(${args.join(',')})`;
    const m = this.memo.get(key);
    if (m !== undefined) return m;
    if (this.budget <= 0 || this.nodes.length > this.maxNodes) return UNKNOWN;
    this.budget--;
    const raw = this.intern(fn, args);
    let result = raw;
    for (const rule of this.byRoot.get(`${fn}/${args.length}`) ?? []) {
      const s = this.match(rule.lhs, raw);
      if (s) {
        result = this.instantiate(rule.rhs, s);
        break;
      }
    }
    this.memo.set(key, result);
    return result;
  }

  /** Evaluate a term whose variables are bound to normal-form ids. */
  evaluate(t: Term, env: ReadonlyMap<string, number>): number {
    if (t.kind === 'var') return env.get(t.name) ?? UNKNOWN;
    const args = new Array<number>(t.args.length);
    for (let i = 0; i < t.args.length; i++) {
      args[i] = this.evaluate(t.args[i]!, env);
      if (args[i] === UNKNOWN) return UNKNOWN;
    }
    return this.apply(t.fn, args);
  }

  private instantiate(t: Term, s: ReadonlyMap<string, number>): number {
    return this.evaluate(t, s);
  }

  private match(p: Term, id: number): Map<string, number> | undefined {
    const s = new Map<string, number>();
    const stack: [Term, number][] = [[p, id]];
    while (stack.length > 0) {
      const [q, i] = stack.pop()!;
      if (q.kind === 'var') {
        const b = s.get(q.name);
        if (b === undefined) s.set(q.name, i);
        else if (b !== i) return undefined;
        continue;
      }
      const n = this.nodes[i]!;
      if (n.fn !== q.fn || n.args.length !== q.args.length) return undefined;
      for (let k = 0; k < q.args.length; k++) stack.push([q.args[k]!, n.args[k]!]);
    }
    return s;
  }

  /** Ground term of an id (for messages and tests). */
  term(id: number): Term {
    const n = this.nodes[id]!;
    return { kind: 'app', fn: n.fn, args: n.args.map((a) => this.term(a)) };
  }
}
