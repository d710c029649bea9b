/**
 * The theorems of an exploration as a dependency graph: the theory's axioms and
 * definitions, the derived theorems, and an edge A → T when a case proof of T uses A.
 * "Uses" is read from the recorded, checked proofs: the input steps in the ancestry
 * of a case's refutation, named by their statements (`lemma_k` names map to earlier
 * theorems through `CaseProof.lemmas`; the goal and the induction hypothesis are the
 * case's own). Pure data in, pure data out.
 */
import type { Formula, Proof, Statement, Term } from '../logic/index.js';
import type { DependencyRole, GraphEdge, GraphNode, ProofGraph } from '../graph/index.js';
import { displayFormula } from '../logic/syntax/index.js';
import type { CaseProof, Derivation, Theorem } from './explore.js';
import type { Equation } from './prover.js';
import { equationFormula } from './prover.js';
import { theoremTitle } from './graphs.js';

export interface DependencyNode {
  /** `axiom:<statement name>` or `T<order>`. */
  readonly id: string;
  readonly kind: 'axiom' | 'theorem';
  readonly role: DependencyRole;
  /** The statement name, or `T<order>`. */
  readonly name: string;
  /** The formula as displayed. */
  readonly text: string;
  /** For a law: which one (e.g. `associativity of plus`). */
  readonly law?: string;
  /** For a theorem: its proof order and key in the derivation. */
  readonly order?: number;
  readonly key?: string;
  readonly method?: Theorem['method'];
}

export interface DependencyEdge {
  /** The axiom or earlier theorem used. */
  readonly from: string;
  /** The theorem whose proof uses it. */
  readonly to: string;
  /** The case proofs that use it. */
  readonly cases: readonly CaseProof['name'][];
}

export interface DependencyGraph {
  readonly theory: string;
  /** Axioms first (in the theory's order), then theorems in proof order. */
  readonly nodes: readonly DependencyNode[];
  readonly edges: readonly DependencyEdge[];
}

const OWN_ROLES = new Set(['conjecture', 'negated_conjecture', 'hypothesis', 'lemma']);

/** Statement names of the input steps a proof's refutation depends on. */
export function usedStatements(proof: Proof): string[] {
  const byId = new Map(proof.steps.map((s) => [s.id, s] as const));
  const seen = new Set<string>();
  const out: string[] = [];
  const stack = proof.root !== undefined ? [proof.root] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const s = byId.get(id);
    if (!s) continue;
    if ((s.rule === 'input' || s.parents.length === 0) && s.source?.name !== undefined && !out.includes(s.source.name))
      out.push(s.source.name);
    for (const p of s.parents) stack.push(p.id);
  }
  return out;
}

/** What a case proof uses: theory axioms (by statement name) and earlier theorems (by key). */
export function caseUses(c: CaseProof): { axioms: string[]; theorems: string[] } {
  const roles = new Map(c.problem.statements.map((s) => [s.name, s.role] as const));
  const axioms: string[] = [];
  const theorems: string[] = [];
  for (const name of usedStatements(c.proof)) {
    const key = c.lemmas[name];
    if (key !== undefined) theorems.push(key);
    else if (!OWN_ROLES.has(roles.get(name) ?? 'conjecture')) axioms.push(name);
  }
  return { axioms, theorems };
}

function same(a: Term, b: Term): boolean {
  if (a.kind === 'var' || b.kind === 'var') return a.kind === 'var' && b.kind === 'var' && a.name === b.name;
  return a.fn === b.fn && a.args.length === b.args.length && a.args.every((x, i) => same(x, b.args[i]!));
}

type App = Extract<Term, { kind: 'app' }>;
const bin = (t: Term): t is App & { args: [Term, Term] } => t.kind === 'app' && t.args.length === 2;
const isVar = (t: Term): boolean => t.kind === 'var';
const distinctVars = (...ts: Term[]): boolean =>
  ts.every(isVar) && new Set(ts.map((t) => (t.kind === 'var' ? t.name : ''))).size === ts.length;

/** The named algebraic law an equation is (either way round), if any. */
export function lawName(e: Equation): string | undefined {
  for (const [l, r] of [
    [e.left, e.right],
    [e.right, e.left],
  ] as const) {
    if (!bin(l)) continue;
    const [a, b] = l.args;
    // f(a, b) = f(b, a)
    if (bin(r) && r.fn === l.fn && distinctVars(a, b) && same(r.args[0], b) && same(r.args[1], a)) return `commutativity of ${l.fn}`;
    // f(f(a, b), c) = f(a, f(b, c))
    if (bin(a) && a.fn === l.fn && bin(r) && r.fn === l.fn && bin(r.args[1]) && r.args[1].fn === l.fn) {
      const [x, y] = a.args;
      if (distinctVars(x, y, b) && same(r.args[0], x) && same(r.args[1].args[0], y) && same(r.args[1].args[1], b))
        return `associativity of ${l.fn}`;
    }
    // f(a, g(b, c)) = g(f(a, b), f(a, c))
    if (bin(b) && b.fn !== l.fn && bin(r) && r.fn === b.fn && bin(r.args[0]) && bin(r.args[1])) {
      const [p, q] = [r.args[0], r.args[1]];
      if (
        p.fn === l.fn &&
        q.fn === l.fn &&
        distinctVars(a, b.args[0], b.args[1]) &&
        same(p.args[0], a) &&
        same(p.args[1], b.args[0]) &&
        same(q.args[0], a) &&
        same(q.args[1], b.args[1])
      )
        return `left distributivity of ${l.fn} over ${b.fn}`;
    }
    // f(g(a, b), c) = g(f(a, c), f(b, c))
    if (bin(a) && a.fn !== l.fn && bin(r) && r.fn === a.fn && bin(r.args[0]) && bin(r.args[1])) {
      const [p, q] = [r.args[0], r.args[1]];
      if (
        p.fn === l.fn &&
        q.fn === l.fn &&
        distinctVars(a.args[0], a.args[1], b) &&
        same(p.args[0], a.args[0]) &&
        same(p.args[1], b) &&
        same(q.args[0], a.args[1]) &&
        same(q.args[1], b)
      )
        return `right distributivity of ${l.fn} over ${a.fn}`;
    }
    // f(e, a) = a or f(a, e) = a with e a constant
    const constant = (t: Term): boolean => t.kind === 'app' && t.args.length === 0;
    if (isVar(r) && ((constant(a) && same(b, r)) || (constant(b) && same(a, r))))
      return `${constant(a) ? 'left' : 'right'} identity of ${l.fn}`;
  }
  return undefined;
}

/** The theory's axioms as the case problems state them (every problem carries them all), in order. */
function axiomStatements(d: Derivation): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  for (const t of d.theorems)
    for (const c of t.cases)
      for (const s of c.problem.statements)
        if (!OWN_ROLES.has(s.role) && !seen.has(s.name)) {
          seen.add(s.name);
          out.push(s);
        }
  return out;
}

/** Without its universal prefix: every axiom and theorem here is universally closed, and the label is short. */
function stripForall(f: Formula): Formula {
  return f.kind === 'forall' ? stripForall(f.body) : f;
}

function equationDisplay(e: Equation): string {
  return displayFormula(stripForall(equationFormula(e)));
}

export const axiomNodeId = (name: string): string => `axiom:${name}`;
export const theoremNodeId = (t: Pick<Theorem, 'order'>): string => `T${t.order}`;

/** Build the dependency graph of a derivation. */
export function dependencyGraph(d: Derivation): DependencyGraph {
  const idOfKey = new Map(d.theorems.map((t) => [t.key, theoremNodeId(t)] as const));
  const edges = new Map<string, { from: string; to: string; cases: CaseProof['name'][] }>();
  const used = new Set<string>();
  for (const t of d.theorems) {
    const to = theoremNodeId(t);
    for (const c of t.cases) {
      const u = caseUses(c);
      const froms = [...u.axioms.map(axiomNodeId), ...u.theorems.map((k) => idOfKey.get(k)).filter((x): x is string => x !== undefined)];
      for (const from of froms) {
        if (from === to) continue;
        used.add(from);
        const k = `${from}\u0000${to}`;
        const e = edges.get(k);
        if (e) {
          if (!e.cases.includes(c.name)) e.cases.push(c.name);
        } else edges.set(k, { from, to, cases: [c.name] });
      }
    }
  }
  const nodes: DependencyNode[] = axiomStatements(d).map((s) => ({
    id: axiomNodeId(s.name),
    kind: 'axiom',
    role: 'axiom',
    name: s.name,
    text: displayFormula(stripForall(s.formula)),
  }));
  for (const t of d.theorems) {
    const id = theoremNodeId(t);
    const law = lawName(t.equation);
    const role: DependencyRole = law !== undefined ? 'law' : used.has(id) ? 'lemma' : 'leaf';
    nodes.push({
      id,
      kind: 'theorem',
      role,
      name: id,
      text: equationDisplay(t.equation),
      ...(law !== undefined ? { law } : {}),
      order: t.order,
      key: t.key,
      method: t.method,
    });
  }
  return { theory: d.theory, nodes, edges: [...edges.values()] };
}

/**
 * The dependency graph as a proof graph for the shared view model: node labels are
 * the axiom names and `T<order>`, the rule line says which law or how it was proved,
 * `role` carries the dependency role and `ref` the title of the theorem's own graph
 * (as `derivationGraphs` titles it), so a view can open it.
 */
export function dependencyProofGraph(dg: DependencyGraph, d: Derivation): ProofGraph {
  const byOrder = new Map(d.theorems.map((t) => [t.order, t] as const));
  const usedBy = new Map<string, string[]>();
  const uses = new Map<string, string[]>();
  for (const e of dg.edges) {
    (usedBy.get(e.from) ?? usedBy.set(e.from, []).get(e.from)!).push(e.to);
    (uses.get(e.to) ?? uses.set(e.to, []).get(e.to)!).push(e.from.replace(/^axiom:/, ''));
  }
  const nodes: GraphNode[] = dg.nodes.map((n) => {
    const t = n.order !== undefined ? byOrder.get(n.order) : undefined;
    const rule =
      n.kind === 'axiom'
        ? 'axiom'
        : (n.law?.split(' of ')[0] ?? (t?.method === 'induction' ? `induction on ${t.variable ?? '?'}` : 'direct'));
    const detail =
      n.kind === 'axiom'
        ? `used by ${usedBy.get(n.id)?.join(', ') ?? 'no theorem'}`
        : `${n.law !== undefined ? `${n.law}; ` : ''}uses ${uses.get(n.id)?.join(', ') ?? 'nothing'}${usedBy.has(n.id) ? `; used by ${usedBy.get(n.id)!.join(', ')}` : ''}`;
    return {
      id: n.id,
      label: n.name,
      text: n.text,
      role: n.role,
      rule,
      kind: n.kind === 'axiom' ? 'input' : 'inference',
      detail,
      ...(n.kind === 'axiom' ? { source: n.name } : {}),
      ...(t !== undefined ? { ref: theoremTitle(t) } : {}),
    };
  });
  const edges: GraphEdge[] = dg.edges.map((e) => ({ from: e.from, to: e.to }));
  return {
    title: `${dg.theory}: theorem dependencies`,
    origin: 'genlogic',
    nodeRoles: 'dependencies',
    nodes,
    edges,
    note: 'An edge A → T: a case proof of T uses A (read from the checked proofs).',
  };
}
