/**
 * One proof-graph model for every proof source (our saturation proofs, E/Vampire
 * TSTP, Prover9, tau-prolog trees, Generative-Logic derivations).
 *
 * Why a separate model and not `Proof` itself: external proofs carry formulas we
 * only have as text (and rule names outside our closed `Rule` union), and the
 * views need derived data (kind, numbering, substitution text) that a `Proof`
 * should not carry. Everything here is plain serializable data.
 */

/** What a node is, for colouring and collapsing. */
export type NodeKind = 'input' | 'preprocessing' | 'inference' | 'theorem' | 'lemma';

export interface GraphNode {
  /** Unique within the graph (the proof step id, or the TSTP/Prover9 name). */
  readonly id: string;
  /** Step number shown to the user; set by `numberGraph` (topological order). */
  readonly label: string;
  /** The formula or clause as text (Entail syntax for our own proofs; the prover's syntax for imports). */
  readonly text: string;
  readonly role?: string;
  /** Rule name: one of our `Rule`s or the external prover's own (e.g. E's `spm`). */
  readonly rule: string;
  /** Where an input came from: `file:statement` or the statement name. */
  readonly source?: string;
  readonly kind: NodeKind;
  /** For a 'lemma' node: the title of the theorem (another graph) it refers to. */
  readonly ref?: string;
  /** Extra detail shown on hover (rule arguments, status, ...). */
  readonly detail?: string;
  /** The sub-proof this step belongs to (a `GraphGroup` id), which a view may draw collapsed as one node. */
  readonly group?: string;
}

/**
 * A sub-proof that a view may collapse into one node (an induction proof's base case
 * and step case): its members are the nodes whose `group` is this id.
 */
export interface GraphGroup {
  readonly id: string;
  /** What the collapsed node is called (e.g. `base case (z = 0)`). */
  readonly label: string;
  /** What it shows as its formula (e.g. the case's goal). */
  readonly text: string;
}

/** The text of a nested inference's conclusion, which E does not print (the TSTP importer's node for it). */
export const UNPRINTED_TEXT = '(intermediate result, not printed by the prover)';

export interface GraphEdge {
  /** The premise. */
  readonly from: string;
  /** The conclusion. */
  readonly to: string;
  /** Substitution applied to the premise, as text (e.g. `X ↦ f(a)`). */
  readonly subst?: string;
}

export type GraphOrigin = 'entail' | 'tstp' | 'prover9' | 'prolog' | 'genlogic' | 'other';

export interface ProofGraph {
  readonly title: string;
  readonly origin: GraphOrigin;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The final step (empty clause / theorem), if known. */
  readonly root?: string;
  /** SZS status or a short outcome line, if known. */
  readonly status?: string;
  /** Free text shown under the title (prover, timing, induction scheme...). */
  readonly note?: string;
  /** Collapsible sub-proofs (see `GraphNode.group`). */
  readonly groups?: readonly GraphGroup[];
  /**
   * What the nodes' `role` means: TPTP roles of a proof (the default), or the roles of a
   * dependency graph of theorems (`DependencyRole` in view.ts), which views colour apart.
   */
  readonly nodeRoles?: 'proof' | 'dependencies';
}

/** Adjacency built once per graph: node index by id, parents and children as index arrays. */
export interface GraphIndex {
  readonly byId: ReadonlyMap<string, number>;
  readonly parents: readonly (readonly number[])[];
  readonly children: readonly (readonly number[])[];
}

export function indexGraph(g: ProofGraph): GraphIndex {
  const byId = new Map<string, number>();
  for (let i = 0; i < g.nodes.length; i++) byId.set(g.nodes[i]!.id, i);
  const parents: number[][] = g.nodes.map(() => []);
  const children: number[][] = g.nodes.map(() => []);
  for (const e of g.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    // Dangling edges (a parent the prover did not print) are dropped, not fatal.
    if (a === undefined || b === undefined) continue;
    parents[b]!.push(a);
    children[a]!.push(b);
  }
  return { byId, parents, children };
}

function reach(start: string, g: ProofGraph, ix: GraphIndex, next: readonly (readonly number[])[]): string[] {
  const s = ix.byId.get(start);
  if (s === undefined) return [];
  const seen = new Uint8Array(g.nodes.length);
  seen[s] = 1;
  const stack = [s];
  const out: string[] = [];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const j of next[i]!) {
      if (seen[j]) continue;
      seen[j] = 1;
      out.push(g.nodes[j]!.id);
      stack.push(j);
    }
  }
  return out;
}

/** Every node the given node depends on (transitively), excluding itself. */
export function ancestry(g: ProofGraph, id: string, ix: GraphIndex = indexGraph(g)): string[] {
  return reach(id, g, ix, ix.parents);
}

/** Every node that depends on the given node (transitively), excluding itself. */
export function descendants(g: ProofGraph, id: string, ix: GraphIndex = indexGraph(g)): string[] {
  return reach(id, g, ix, ix.children);
}

/** Direct children: the steps that use this node as a premise. */
export function usedBy(g: ProofGraph, id: string, ix: GraphIndex = indexGraph(g)): string[] {
  const i = ix.byId.get(id);
  return i === undefined ? [] : ix.children[i]!.map((j) => g.nodes[j]!.id);
}

/**
 * Topological order (premises first), stable with respect to the input order:
 * among ready nodes the one listed first goes first. Cycles (malformed input) are
 * broken by appending the remaining nodes in input order, so the result is always
 * a permutation of all nodes.
 */
export function topoOrder(g: ProofGraph, ix: GraphIndex = indexGraph(g)): number[] {
  const n = g.nodes.length;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = ix.parents[i]!.length;
  // A binary heap keyed on input index keeps "first listed first" in O(n log n).
  const heap: number[] = [];
  const push = (v: number): void => {
    heap.push(v);
    let k = heap.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (heap[p]! <= heap[k]!) break;
      [heap[p], heap[k]] = [heap[k]!, heap[p]!];
      k = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && heap[l]! < heap[m]!) m = l;
        if (r < heap.length && heap[r]! < heap[m]!) m = r;
        if (m === k) break;
        [heap[m], heap[k]] = [heap[k]!, heap[m]!];
        k = m;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) if (indeg[i] === 0) push(i);
  const order: number[] = [];
  const placed = new Uint8Array(n);
  while (order.length < n) {
    if (heap.length === 0) {
      // Cycle: release the first unplaced node.
      let i = 0;
      while (placed[i]) i++;
      indeg[i] = 0;
      push(i);
    }
    const i = pop();
    if (placed[i]) continue;
    placed[i] = 1;
    order.push(i);
    for (const j of ix.children[i]!) {
      if (placed[j]) continue;
      indeg[j]--;
      if (indeg[j] === 0) push(j);
    }
  }
  return order;
}

/** Renumber labels 1..n in topological order and return the nodes in that order. */
export function numberGraph(g: ProofGraph): ProofGraph {
  const ix = indexGraph(g);
  const order = topoOrder(g, ix);
  const nodes = order.map((i, k) => ({ ...g.nodes[i]!, label: String(k + 1) }));
  return { ...g, nodes };
}

/** Keep only the root and its ancestors (drops steps a prover printed but did not use). */
export function pruneToRoot(g: ProofGraph): ProofGraph {
  if (g.root === undefined) return g;
  const ix = indexGraph(g);
  if (!ix.byId.has(g.root)) return g;
  const keep = new Set(ancestry(g, g.root, ix));
  keep.add(g.root);
  return {
    ...g,
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}

/**
 * Hide preprocessing: every 'preprocessing' node is removed and its nearest
 * non-preprocessing ancestors become direct premises of its non-preprocessing
 * descendants. Substitutions on the bypassed edges are dropped (they refer to the
 * hidden clauses' variables).
 */
export function collapsePreprocessing(g: ProofGraph): ProofGraph {
  const ix = indexGraph(g);
  const n = g.nodes.length;
  const hidden = (i: number): boolean => g.nodes[i]!.kind === 'preprocessing' && g.nodes[i]!.id !== g.root;
  // For each hidden node, the visible ancestors it stands for, computed in topological order
  // so each hidden node's set is built from its parents' (iterative, linear in edges × set size).
  const order = topoOrder(g, ix);
  const visibleAnc: (number[] | undefined)[] = new Array(n);
  for (const i of order) {
    if (!hidden(i)) continue;
    const acc = new Set<number>();
    for (const p of ix.parents[i]!) {
      if (hidden(p)) for (const q of visibleAnc[p] ?? []) acc.add(q);
      else acc.add(p);
    }
    visibleAnc[i] = [...acc];
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of g.edges) {
    const a = ix.byId.get(e.from);
    const b = ix.byId.get(e.to);
    if (a === undefined || b === undefined || hidden(b)) continue;
    if (!hidden(a)) {
      edges.push(e);
      seen.add(`${a}\u0000${b}`);
      continue;
    }
    for (const q of visibleAnc[a] ?? []) {
      const key = `${q}\u0000${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: g.nodes[q]!.id, to: e.to });
    }
  }
  return { ...g, nodes: g.nodes.filter((_, i) => !hidden(i)), edges };
}

/**
 * The transitive reduction of a DAG: an edge A → B is dropped when B is reachable from A
 * by a longer path, so what a node rests on reads from its direct lines only. Reachability
 * is unchanged. Quadratic (a search per edge): meant for small graphs such as theorem
 * dependencies. On a cycle, the edges of the cycle are kept.
 */
export function transitiveReduction(g: ProofGraph, ix: GraphIndex = indexGraph(g)): ProofGraph {
  const n = g.nodes.length;
  const seen = new Int32Array(n).fill(-1);
  const implied = (a: number, b: number, mark: number): boolean => {
    // Is b reachable from a without the direct edge a → b?
    const stack: number[] = [];
    for (const c of ix.children[a]!) if (c !== b) stack.push(c);
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v === b) return true;
      if (seen[v] === mark || v === a) continue;
      seen[v] = mark;
      for (const c of ix.children[v]!) stack.push(c);
    }
    return false;
  };
  const edges = g.edges.filter((e, k) => {
    const a = ix.byId.get(e.from);
    const b = ix.byId.get(e.to);
    return a === undefined || b === undefined || !implied(a, b, k);
  });
  return { ...g, edges };
}

/** Graph statistics for the CLI and headers. */
export function graphStats(g: ProofGraph): { nodes: number; edges: number; inputs: number; inferences: number } {
  let inputs = 0;
  let inferences = 0;
  for (const nd of g.nodes) {
    if (nd.kind === 'input') inputs++;
    else if (nd.kind === 'inference' || nd.kind === 'theorem') inferences++;
  }
  return { nodes: g.nodes.length, edges: g.edges.length, inputs, inferences };
}
