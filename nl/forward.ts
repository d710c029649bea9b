/**
 * ProofWriter's own semantics, for comparison with first-order judging: rules
 * fire forward only when every condition literal (positive or negated) is
 * already known; no contraposition, no reasoning by cases. Under this reading
 * `If something is kind and not blue then it is round` says nothing about an
 * entity whose colour is not stated, whereas first-order logic may still derive
 * facts by case analysis (or find the theory inconsistent). Handles exactly the
 * shapes the controlled-English parser produces for ProofWriter: ground literals
 * and (∀x) conjunction-of-literals → conjunction-of-literals.
 */
import type { Formula, Term } from '../provers/logic/index.js';
import type { Result } from '../provers/logic/index.js';
import { ok, err } from '../provers/logic/index.js';
import type { Label } from './types.js';

interface Lit {
  readonly positive: boolean;
  readonly pred: string;
  readonly args: readonly Term[];
}
interface Rule {
  readonly vars: readonly string[];
  readonly conds: readonly Lit[];
  readonly concls: readonly Lit[];
}

function lit(f: Formula): Lit | undefined {
  if (f.kind === 'atom') return { positive: true, pred: f.pred, args: f.args };
  if (f.kind === 'not' && f.arg.kind === 'atom') return { positive: false, pred: f.arg.pred, args: f.arg.args };
  return undefined;
}
function lits(f: Formula): Lit[] | undefined {
  if (f.kind === 'and') {
    const out: Lit[] = [];
    for (const a of f.args) {
      const l = lit(a);
      if (!l) return undefined;
      out.push(l);
    }
    return out;
  }
  const l = lit(f);
  return l ? [l] : undefined;
}

function rule(f: Formula): Rule | undefined {
  const vars = f.kind === 'forall' ? f.vars : [];
  const body = f.kind === 'forall' ? f.body : f;
  if (body.kind === 'imp') {
    const conds = lits(body.left);
    const concls = lits(body.right);
    return conds && concls ? { vars, conds, concls } : undefined;
  }
  const facts = vars.length === 0 ? lits(body) : undefined;
  return facts ? { vars: [], conds: [], concls: facts } : undefined;
}

function ground(t: Term, s: ReadonlyMap<string, string>): string | undefined {
  if (t.kind === 'var') return s.get(t.name);
  return t.args.length === 0 ? t.fn : undefined;
}
function key(l: Lit, s: ReadonlyMap<string, string>): string | undefined {
  const args: string[] = [];
  for (const a of l.args) {
    const g = ground(a, s);
    if (g === undefined) return undefined;
    args.push(g);
  }
  return `${l.positive ? '' : '~'}${l.pred}(${args.join(',')})`;
}

export function forwardJudge(premises: readonly Formula[], conclusion: Formula): Result<Label, string> {
  const rules: Rule[] = [];
  const consts = new Set<string>();
  const collect = (ls: readonly Lit[]): void => {
    for (const l of ls) for (const a of l.args) if (a.kind === 'app' && a.args.length === 0) consts.add(a.fn);
  };
  for (const p of premises) {
    const r = rule(p);
    if (!r || r.vars.length > 1) return err('not a ProofWriter-shaped rule or fact');
    collect(r.conds);
    collect(r.concls);
    rules.push(r);
  }
  const goal = lit(conclusion);
  if (!goal) return err('the conclusion is not a literal');
  const known = new Set<string>();
  const domain = [...consts];
  for (let changed = true; changed;) {
    changed = false;
    for (const r of rules) {
      const substs: Map<string, string>[] = r.vars.length === 0 ? [new Map()] : domain.map((c) => new Map([[r.vars[0]!, c]]));
      for (const s of substs) {
        if (!r.conds.every((c) => known.has(key(c, s) ?? '\u0000'))) continue;
        for (const c of r.concls) {
          const k = key(c, s);
          if (k !== undefined && !known.has(k)) {
            known.add(k);
            changed = true;
          }
        }
      }
    }
  }
  const g = key(goal, new Map());
  const ng = key({ ...goal, positive: !goal.positive }, new Map());
  if (g === undefined || ng === undefined) return err('the conclusion is not ground');
  return ok(known.has(g) ? 'True' : known.has(ng) ? 'False' : 'Uncertain');
}
