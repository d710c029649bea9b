/** Importer for our own `Proof` objects (saturation proofs, tau-prolog trees, explorer derivations). */
import type { Proof, ProofStep, Rule } from '../logic/index.js';
import type { GraphEdge, GraphNode, GraphOrigin, NodeKind, ProofGraph } from './model.js';
import { numberGraph, pruneToRoot } from './model.js';
import { substText } from './print.js';
import { introducedSymbols } from './skolem.js';
import type { IntroducedSymbol } from './skolem.js';
import { displayClause, displayFormula } from '../logic/syntax/index.js';

const PREPROCESSING: ReadonlySet<Rule> = new Set<Rule>(['negated_conjecture', 'nnf', 'skolemize', 'definition', 'clausify']);

export function stepKind(step: ProofStep, root: string | undefined): NodeKind {
  if (step.id === root) return 'theorem';
  if (step.rule === 'lemma') return 'lemma';
  if (step.rule === 'input' || step.parents.length === 0) return 'input';
  if (PREPROCESSING.has(step.rule)) return 'preprocessing';
  return 'inference';
}

export function stepText(step: ProofStep): string {
  return step.conclusion.kind === 'clause' ? displayClause(step.conclusion.clause) : displayFormula(step.conclusion.formula);
}

function sourceText(step: ProofStep): string | undefined {
  const s = step.source;
  if (!s || (s.name === undefined && s.file === undefined)) return undefined;
  if (s.file !== undefined && s.name !== undefined) return `${s.file}:${s.name}`;
  return s.name ?? s.file;
}

function detailText(step: ProofStep): string | undefined {
  if (!step.info) return undefined;
  const keys = Object.keys(step.info).filter((k) => k !== 'ref');
  return keys.length === 0 ? undefined : keys.map((k) => `${k}=${String(step.info![k])}`).join(' ');
}

export interface FromProofOptions {
  readonly title?: string;
  readonly origin?: GraphOrigin;
  readonly status?: string;
  readonly note?: string;
  /** Keep steps not reachable from the root (default false: only the proof proper). */
  readonly keepUnused?: boolean;
}

/** Convert a `Proof` to a numbered `ProofGraph` (premises first). */
export function fromProof(proof: Proof, opts: FromProofOptions = {}): ProofGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const step of proof.steps) {
    const ref = step.info?.['ref'];
    const node: GraphNode = {
      id: step.id,
      label: step.id,
      text: stepText(step),
      rule: step.rule === 'external' && typeof step.info?.['rule'] === 'string' ? step.info['rule'] : step.rule,
      kind: stepKind(step, proof.root),
      ...(step.source?.role !== undefined ? { role: step.source.role } : {}),
      ...(sourceText(step) !== undefined ? { source: sourceText(step)! } : {}),
      ...(typeof ref === 'string' ? { ref } : {}),
      ...(detailText(step) !== undefined ? { detail: detailText(step)! } : {}),
    };
    nodes.push(node);
    for (const p of step.parents) {
      const subst = substText(p.subst);
      edges.push(subst === undefined ? { from: p.id, to: step.id } : { from: p.id, to: step.id, subst });
    }
  }
  let g: ProofGraph = {
    title: opts.title ?? 'proof',
    origin: opts.origin ?? 'entail',
    nodes,
    edges,
    root: proof.root,
    ...(opts.status !== undefined ? { status: opts.status } : {}),
    ...(opts.note !== undefined ? { note: opts.note } : {}),
  };
  if (!opts.keepUnused) g = pruneToRoot(g);
  return numberGraph(g);
}

/**
 * tau-prolog proof trees arrive as `ProofStep[]` with rule 'prolog' (contract with
 * the prolog owner): each step's parents are the subgoals it was resolved with, and
 * the root is the query. Leaves (facts) are shown as inputs.
 */
export function fromPrologSteps(steps: readonly ProofStep[], root: string, title = 'prolog query'): ProofGraph {
  return fromProof({ steps, root }, { title, origin: 'prolog' });
}

/** The symbols a clausification introduced, read from its preprocessing steps (`Clausified.steps`). */
export function clausificationSymbols(steps: readonly ProofStep[]): IntroducedSymbol[] {
  if (steps.length === 0) return [];
  return introducedSymbols(fromProof({ steps, root: steps[steps.length - 1]!.id }, { keepUnused: true }));
}
