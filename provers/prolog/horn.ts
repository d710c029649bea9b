/**
 * Horn clause sets (logic-core clauses, e.g. ProofWriter facts and rules) to Prolog
 * text, and Prolog proof trees to proof steps for the graph view.
 */
import type { Term } from '../logic/term.js';
import type { Clause, Literal } from '../logic/clause.js';
import { EQUALITY, negateLit } from '../logic/clause.js';
import type { Formula } from '../logic/formula.js';
import { mkAtom, mkEq, mkNot } from '../logic/formula.js';
import type { ProofStep } from '../logic/proof.js';
import type { Result } from '../logic/source.js';
import type { ProofTree } from './run.js';

/**
 * `head :- body`. A body literal with positive=false is negation as failure
 * (`\+ atom`, closed world); that is only sound when the program is stratified.
 */
export interface HornRule {
  readonly head: Literal;
  readonly body: readonly Literal[];
  /** Shown in proof steps (e.g. the ProofWriter rule id). */
  readonly name?: string;
}

/**
 * Definite clauses to rules: the one positive literal is the head, the negated
 * negative literals the body. Under `closedWorld`, negative facts (unit clauses
 * like ¬big(bob)) hold by absence and are dropped (their indices returned);
 * otherwise they, like any non-definite clause, are an error.
 */
export function clausesToRules(
  clauses: readonly Clause[],
  opts: { closedWorld?: boolean } = {},
): Result<{ rules: HornRule[]; dropped: number[] }, string> {
  const rules: HornRule[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const lits = clauses[i]!.literals;
    const heads = lits.filter((l) => l.positive);
    if (heads.length === 1) {
      rules.push({ head: heads[0]!, body: lits.filter((l) => !l.positive).map(negateLit) });
      continue;
    }
    if (heads.length === 0 && lits.length === 1 && opts.closedWorld) {
      dropped.push(i);
      continue;
    }
    return { ok: false, error: `clause ${i + 1} has ${heads.length} positive literals: not a definite (Horn) clause` };
  }
  return { ok: true, value: { rules, dropped } };
}

const PLAIN_ATOM = /^[a-z][a-zA-Z0-9_]*$/;
const PLAIN_VAR = /^[A-Z_][a-zA-Z0-9_]*$/;

export function prologAtom(name: string): string {
  return PLAIN_ATOM.test(name) || /^-?[0-9]+$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function termText(t: Term, vars: Map<string, string>): string {
  if (t.kind === 'var') {
    let v = vars.get(t.name);
    if (v === undefined) vars.set(t.name, (v = PLAIN_VAR.test(t.name) ? t.name : `V${vars.size}_`));
    return v;
  }
  if (t.args.length === 0) return prologAtom(t.fn);
  return `${prologAtom(t.fn)}(${t.args.map((a) => termText(a, vars)).join(', ')})`;
}

function goalText(l: Literal, vars: Map<string, string>): string {
  if (l.pred === EQUALITY && l.args.length === 2)
    return `${termText(l.args[0]!, vars)} ${l.positive ? '=' : '\\='} ${termText(l.args[1]!, vars)}`;
  const atom = l.args.length === 0 ? prologAtom(l.pred) : `${prologAtom(l.pred)}(${l.args.map((a) => termText(a, vars)).join(', ')})`;
  return l.positive ? atom : `\\+ ${atom}`;
}

/**
 * Prolog text for the rules, each predicate declared dynamic so an undefined one
 * fails (closed world) instead of raising an existence error. `clauseIds[i]` is
 * rule i's `name/arity#n` as it appears in proof trees.
 */
export function rulesToProlog(rules: readonly HornRule[]): { text: string; clauseIds: string[] } {
  const preds = new Map<string, number>();
  const note = (l: Literal): void => {
    if (l.pred !== EQUALITY) preds.set(`${prologAtom(l.pred)}/${l.args.length}`, 0);
  };
  for (const r of rules) {
    note(r.head);
    r.body.forEach(note);
  }
  const lines = [...preds.keys()].map((p) => `:- dynamic(${p}).`);
  const clauseIds: string[] = [];
  for (const r of rules) {
    const key = `${r.head.pred}/${r.head.args.length}`;
    const n = (preds.get(`${prologAtom(r.head.pred)}/${r.head.args.length}`) ?? 0) + 1;
    preds.set(`${prologAtom(r.head.pred)}/${r.head.args.length}`, n);
    clauseIds.push(`${key}#${n}`);
    const vars = new Map<string, string>();
    const head = goalText(r.head, vars);
    lines.push(r.body.length === 0 ? `${head}.` : `${head} :- ${r.body.map((b) => goalText(b, vars)).join(', ')}.`);
  }
  return { text: lines.join('\n') + '\n', clauseIds };
}

function goalFormula(t: Term): Formula {
  if (t.kind === 'var') return mkAtom('call', [t]);
  if (t.fn === '=' && t.args.length === 2) return mkEq(t.args[0]!, t.args[1]!);
  return mkAtom(t.fn, t.args);
}

/**
 * A proof tree as proof steps (rule 'prolog'), premises before conclusions, so the
 * graph module can draw it. `names` maps clause ids (`p/1#2`) to rule names.
 */
export function treeToSteps(
  tree: ProofTree,
  opts: { prefix?: string; names?: ReadonlyMap<string, string> } = {},
): { steps: ProofStep[]; root: string } {
  const prefix = opts.prefix ?? 'pl';
  const steps: ProofStep[] = [];
  const go = (t: ProofTree): string => {
    const parents = t.children.map((c) => ({ id: go(c) }));
    const id = `${prefix}${steps.length + 1}`;
    const g = goalFormula(t.goal);
    const name = t.clause ? (opts.names?.get(t.clause) ?? t.clause) : undefined;
    steps.push({
      id,
      rule: 'prolog',
      parents,
      conclusion: { kind: 'formula', formula: t.kind === 'naf' ? mkNot(g) : g },
      ...(name ? { source: { name } } : {}),
      info: t.clause ? { kind: t.kind, clause: t.clause } : { kind: t.kind },
    });
    return id;
  };
  const root = go(tree);
  return { steps, root };
}

function showTerm(t: Term): string {
  if (t.kind === 'var') return t.name;
  return t.args.length === 0 ? t.fn : `${t.fn}(${t.args.map(showTerm).join(', ')})`;
}

/** A proof tree as indented text: one goal per line with the clause that proved it. */
export function formatProofTree(tree: ProofTree, indent = ''): string {
  const tag = tree.kind === 'clause' ? `[${tree.clause}]` : tree.kind === 'naf' ? '[not provable: closed world]' : '[built-in]';
  const head = `${indent}${tree.kind === 'naf' ? '\\+ ' : ''}${showTerm(tree.goal)}   ${tag}`;
  return [head, ...tree.children.map((c) => formatProofTree(c, indent + '  '))].join('\n');
}
