/**
 * Ordered rewriting with unit equations under a lexicographic path ordering
 * (LPO): the engine of the explorer's embedded equational prover.
 *
 * An equation l = r is used left-to-right when l > r in the LPO, right-to-left
 * when r > l, and otherwise (commutativity, the induction hypothesis of a
 * commutativity step) as an ordered rule: an instance lσ → rσ is applied only
 * when lσ > rσ on the ground term at hand. With a precedence that is total on
 * the symbols, the LPO is total on ground terms, so e.g. assoc + comm + left-comm
 * normalize sums to one sorted form.
 */
import type { Term, Substitution } from '../logic/index.js';
import { termEquals, applySubst, termVars } from '../logic/index.js';

/** Symbol precedence: higher number = bigger symbol. Ties broken by name. */
export type Precedence = (fn: string, arity: number) => number;

function cmpSym(prec: Precedence, f: string, fa: number, g: string, ga: number): number {
  const a = prec(f, fa);
  const b = prec(g, ga);
  if (a !== b) return a - b;
  if (fa !== ga) return fa - ga;
  return f < g ? -1 : f > g ? 1 : 0;
}

function occurs(v: string, t: Term): boolean {
  if (t.kind === 'var') return t.name === v;
  for (const a of t.args) if (occurs(v, a)) return true;
  return false;
}

/** s >lpo t. Variables are variables (for orienting rules); ground terms compare totally. */
export function lpoGreater(prec: Precedence, s: Term, t: Term): boolean {
  if (s.kind === 'var') return false;
  if (t.kind === 'var') return occurs(t.name, s);
  for (const si of s.args) if (termEquals(si, t) || lpoGreater(prec, si, t)) return true;
  const c = cmpSym(prec, s.fn, s.args.length, t.fn, t.args.length);
  if (c > 0) {
    for (const tj of t.args) if (!lpoGreater(prec, s, tj)) return false;
    return true;
  }
  if (c === 0) {
    let i = 0;
    while (i < s.args.length && termEquals(s.args[i]!, t.args[i]!)) i++;
    if (i === s.args.length) return false;
    if (!lpoGreater(prec, s.args[i]!, t.args[i]!)) return false;
    for (let j = i + 1; j < t.args.length; j++) if (!lpoGreater(prec, s, t.args[j]!)) return false;
    return true;
  }
  return false;
}

/** One-way matching: σ with pattern σ = term, extending `s`; undefined when none. */
export function match(pattern: Term, term: Term, s: Record<string, Term> = {}): Record<string, Term> | undefined {
  const stack: Term[] = [pattern, term];
  while (stack.length > 0) {
    const t = stack.pop()!;
    const p = stack.pop()!;
    if (p.kind === 'var') {
      const b = s[p.name];
      if (b === undefined) s[p.name] = t;
      else if (!termEquals(b, t)) return undefined;
      continue;
    }
    if (t.kind !== 'app' || t.fn !== p.fn || t.args.length !== p.args.length) return undefined;
    for (let i = 0; i < p.args.length; i++) stack.push(p.args[i]!, t.args[i]!);
  }
  return s;
}

/** A rewrite rule taken from a unit equation; `id` is the proof step of that equation. */
export interface RewriteRule {
  readonly id: string;
  readonly lhs: Term;
  readonly rhs: Term;
  /** True when lhs > rhs holds for every instance (no per-instance ordering check needed). */
  readonly oriented: boolean;
}

/** Rules for the equation l = r: one oriented rule, or two ordered ones when the LPO cannot orient it. */
export function rulesFor(prec: Precedence, id: string, l: Term, r: Term): RewriteRule[] {
  if (termEquals(l, r)) return [];
  const lv = new Set(termVars(l));
  const rv = new Set(termVars(r));
  const lCoversR = [...rv].every((v) => lv.has(v));
  const rCoversL = [...lv].every((v) => rv.has(v));
  if (lpoGreater(prec, l, r)) return lCoversR ? [{ id, lhs: l, rhs: r, oriented: true }] : [];
  if (lpoGreater(prec, r, l)) return rCoversL ? [{ id, lhs: r, rhs: l, oriented: true }] : [];
  const out: RewriteRule[] = [];
  if (l.kind === 'app' && lCoversR) out.push({ id, lhs: l, rhs: r, oriented: false });
  if (r.kind === 'app' && rCoversL) out.push({ id, lhs: r, rhs: l, oriented: false });
  return out;
}

/** One logged rewrite: which rule, with which substitution, and the whole side after it. */
export interface RewriteEvent {
  readonly rule: RewriteRule;
  readonly subst: Substitution;
  /** The complete (left or right) side after this rewrite. */
  readonly after: Term;
}

export interface NormalizeResult {
  readonly term: Term;
  readonly events: RewriteEvent[];
  /** False when the step budget ran out before a normal form was reached. */
  readonly complete: boolean;
}

/** Index of rules by the root symbol of their left-hand side. */
export class RuleSet {
  private readonly byRoot = new Map<string, RewriteRule[]>();
  constructor(
    readonly prec: Precedence,
    rules: readonly RewriteRule[] = [],
  ) {
    for (const r of rules) this.add(r);
  }
  add(r: RewriteRule): void {
    if (r.lhs.kind !== 'app') return;
    const k = `${r.lhs.fn}/${r.lhs.args.length}`;
    let list = this.byRoot.get(k);
    if (!list) this.byRoot.set(k, (list = []));
    list.push(r);
  }
  rulesAt(t: Term): readonly RewriteRule[] {
    return t.kind === 'app' ? (this.byRoot.get(`${t.fn}/${t.args.length}`) ?? []) : [];
  }

  /** Rewrite once at the root, if some rule applies. */
  step(t: Term): { rule: RewriteRule; subst: Substitution; result: Term } | undefined {
    for (const rule of this.rulesAt(t)) {
      const s = match(rule.lhs, t);
      if (!s) continue;
      const result = applySubst(rule.rhs, s);
      if (!rule.oriented && !lpoGreater(this.prec, t, result)) continue;
      return { rule, subst: s, result };
    }
    return undefined;
  }

  /**
   * Innermost normalization. `wrap` rebuilds the whole side around the subterm being
   * normalized, so every logged event carries the complete side (what a proof step needs).
   */
  normalize(t: Term, budget = 10_000): NormalizeResult {
    const events: RewriteEvent[] = [];
    const state = { left: budget };
    const term = this.norm(t, (x) => x, events, state);
    return { term, events, complete: state.left > 0 };
  }

  private norm(t: Term, wrap: (x: Term) => Term, events: RewriteEvent[], state: { left: number }): Term {
    let cur = t;
    for (;;) {
      if (state.left <= 0 || cur.kind === 'var') return cur;
      if (cur.args.length > 0) {
        const args = cur.args.slice();
        const fn = cur.fn;
        let changed = false;
        for (let i = 0; i < args.length; i++) {
          const before = args[i]!;
          const after = this.norm(
            before,
            (x) => {
              const a = args.slice();
              a[i] = x;
              return wrap({ kind: 'app', fn, args: a });
            },
            events,
            state,
          );
          if (after !== before) {
            args[i] = after;
            changed = true;
          }
        }
        if (changed) cur = { kind: 'app', fn, args };
      }
      const st = this.step(cur);
      if (!st) return cur;
      state.left--;
      cur = st.result;
      events.push({ rule: st.rule, subst: st.subst, after: wrap(cur) });
    }
  }
}
