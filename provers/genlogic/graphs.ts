/**
 * The explorer's derivations as proof graphs. Kept here rather than in provers/graph
 * because it needs the explorer's own types and printers; provers/graph stays a layer
 * over logic alone.
 */
import type { GraphEdge, GraphGroup, GraphNode, ProofGraph } from '../graph/index.js';
import { fromProof, numberGraph } from '../graph/index.js';
import { displayFormula } from '../logic/syntax/index.js';
import type { CaseProof, Derivation, Theorem } from './explore.js';
import { equationText } from './explore.js';
import { equationFormula } from './prover.js';

/**
 * Proof graphs of a derivation: one graph per theorem, titled by the equation.
 * Inputs that are earlier theorems become 'lemma' nodes linking to those graphs.
 * An induction proof's base case and step case are groups (every step of the case,
 * its inputs included), so a view can open the proof as base → theorem ← step and
 * expand a case on demand.
 */
export function derivationGraphs(d: Derivation): ProofGraph[] {
  const titleOf = new Map<string, string>();
  for (const t of d.theorems) titleOf.set(t.key, theoremTitle(t));
  return d.theorems.map((t) => theoremGraph(t, titleOf));
}

const CASE_LABEL: Readonly<Record<CaseProof['name'], string>> = { base: 'base case', step: 'step case', direct: 'direct proof' };

/** The case's goal as text (its conjecture), or the case's name when the problem has none. */
function caseGoal(c: CaseProof): string {
  const goal = c.problem.statements.find((s) => s.role === 'conjecture');
  return goal ? displayFormula(goal.formula) : CASE_LABEL[c.name];
}

export function theoremTitle(t: Theorem): string {
  return `T${t.order}: ${equationText(t.equation)}`;
}

function theoremGraph(t: Theorem, titleOf: ReadonlyMap<string, string>): ProofGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const roots: string[] = [];
  const grouped = t.method === 'induction';
  const groups: GraphGroup[] = [];
  for (const c of t.cases) {
    if (grouped)
      groups.push({
        id: c.name,
        label:
          c.name === 'base'
            ? `base (${t.variable ?? '?'} = 0)`
            : c.name === 'step'
              ? `step (${t.variable ?? '?'} = n + 1)`
              : CASE_LABEL[c.name],
        text: caseGoal(c),
      });
    const g = fromProof(c.proof, { title: c.name });
    const pre = `${c.name}:`;
    for (const n of g.nodes) {
      const lemmaKey = n.kind === 'input' && n.source !== undefined ? c.lemmas[n.source.split(':').pop()!] : undefined;
      const ref = lemmaKey === undefined ? undefined : titleOf.get(lemmaKey);
      nodes.push({
        ...n,
        id: pre + n.id,
        kind: ref !== undefined ? 'lemma' : n.kind === 'theorem' ? 'inference' : n.kind,
        ...(ref !== undefined ? { ref, rule: 'lemma' } : {}),
        detail: `${c.name} case${n.detail ? ` ${n.detail}` : ''}`,
        ...(grouped ? { group: c.name } : {}),
      });
    }
    for (const e of g.edges) edges.push({ ...e, from: pre + e.from, to: pre + e.to });
    if (g.root !== undefined) roots.push(pre + g.root);
  }
  const root = 'theorem';
  nodes.push({
    id: root,
    label: root,
    text: displayFormula(equationFormula(t.equation)),
    rule: t.method === 'induction' ? 'induction' : 'lemma',
    kind: 'theorem',
    detail:
      t.method === 'induction'
        ? `structural induction on ${t.variable}: base case and step case refuted their negations`
        : 'direct consequence',
  });
  for (const r of roots) edges.push({ from: r, to: root });
  return numberGraph({
    title: titleOf.get(t.key)!,
    origin: 'genlogic',
    nodes,
    edges,
    root,
    ...(groups.length > 0 ? { groups } : {}),
    status: t.kept ? 'kept' : 'follows from the kept theorems',
    note: `${t.method === 'induction' ? `Proved by induction on ${t.variable}.` : 'Proved directly from the axioms and earlier theorems.'} ${t.cases
      .map(
        (c) =>
          `${c.name} case: ${c.prover}, checker verified ${c.check.checked} steps, trusted ${c.check.trusted.length} (${c.check.trusted.map((x) => x.rule).join(', ') || 'none'}).`,
      )
      .join(' ')}`,
  });
}
