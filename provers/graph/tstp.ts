/**
 * Importer for TSTP derivations as printed by E (`--proof-object`) and Vampire
 * (`-p tptp`): annotated formulas `cnf(name, role, formula, source[, info]).`
 * where `source` is `file(...)`, `introduced(...)`, a parent name, or
 * `inference(rule, [status...], [parents...])` whose parents may themselves be
 * nested inference terms (E prints unnamed intermediate steps that way). Nested
 * inferences become their own nodes (`name~1`, `name~2`, ...) with unknown text.
 */
import type { Result } from '../logic/index.js';
import type { GraphEdge, GraphNode, NodeKind, ProofGraph } from './model.js';
import { UNPRINTED_TEXT, numberGraph, pruneToRoot } from './model.js';
import type { STerm } from './sterm.js';
import { parseSTerm, skipQuoted, splitTopLevel, stermText } from './sterm.js';
import { displayFormula, parseFormula } from '../logic/syntax/index.js';

export interface ImportError {
  readonly line: number;
  readonly message: string;
}

/** Rule names of E and Vampire that are clausification, not search. */
const PREPROCESSING_RULES: ReadonlySet<string> = new Set([
  // E
  'assume_negation',
  'fof_nnf',
  'fof_simplification',
  'skolemize',
  'variable_rename',
  'shift_quantors',
  'distribute',
  'split_conjunct',
  'split_equiv',
  'definition',
  'apply_def',
  'ennf',
  // Vampire
  'negated conjecture',
  'flattening',
  'ennf transformation',
  'nnf transformation',
  'skolemisation',
  'cnf transformation',
  'rectify',
  'pure predicate removal',
  'true and false elimination',
  'choice axiom',
  'definition unfolding',
  'predicate definition introduction',
]);

export interface AnnotatedFormula {
  readonly language: string;
  readonly name: string;
  readonly role: string;
  readonly formula: string;
  readonly source?: STerm;
  readonly line: number;
}

/** Split a TSTP text into annotated formulas, skipping `%`/`#` comment lines and blank text. */
export function readAnnotated(text: string): Result<AnnotatedFormula[], ImportError> {
  const out: AnnotatedFormula[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '%' || c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const j = text.indexOf('*/', i + 2);
      const end = j < 0 ? n : j + 2;
      for (let k = i; k < end; k++) if (text[k] === '\n') line++;
      i = end;
      continue;
    }
    const m = /^(fof|cnf|tff|thf|tcf)\(/.exec(text.slice(i, i + 5));
    if (!m) {
      // Not an annotated formula (prover chatter such as "SZS status"): skip the line.
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const startLine = line;
    const open = i + m[1]!.length;
    // Find the matching ')' followed by '.'.
    let depth = 0;
    let j = open;
    for (; j < n; j++) {
      const d = text[j]!;
      if (d === "'" || d === '"') {
        j = skipQuoted(text, j) - 1;
        continue;
      }
      if (d === '\n') line++;
      if (d === '(' || d === '[') depth++;
      else if (d === ')' || d === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (j >= n) return { ok: false, error: { line: startLine, message: `unterminated ${m[1]}(...) statement` } };
    const body = text.slice(open + 1, j);
    const parts = splitTopLevel(body);
    if (parts.length < 3) return { ok: false, error: { line: startLine, message: `${m[1]}(...) needs a name, a role and a formula` } };
    let source: STerm | undefined;
    if (parts.length >= 4) {
      const r = parseSTerm(parts[3]!);
      if (!r.ok) return { ok: false, error: { line: startLine, message: `bad source term: ${r.error.message}` } };
      source = r.value;
    }
    out.push({
      language: m[1]!,
      name: unquote(parts[0]!),
      role: parts[1]!,
      formula: parts[2]!,
      ...(source !== undefined ? { source } : {}),
      line: startLine,
    });
    i = j + 1;
    while (i < n && /[ \t]/.test(text[i]!)) i++;
    if (text[i] === '.') i++;
  }
  return { ok: true, value: out };
}

function unquote(s: string): string {
  return s.length >= 2 && s[0] === "'" && s[s.length - 1] === "'" ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s;
}

const TPTP_OPS: readonly (readonly [string, string])[] = [
  ['<=>', ' ↔ '],
  ['<~>', ' ⊕ '],
  ['=>', ' → '],
  ['<=', ' ← '],
  ['~|', ' ⊽ '],
  ['~&', ' ⊼ '],
  ['!=', ' ≠ '],
  ['|', ' ∨ '],
  ['&', ' ∧ '],
  ['~', '¬'],
  ['!', '∀'],
  ['?', '∃'],
  ['=', ' = '],
];

/**
 * TPTP formula text with Entail's connectives (¬ ∧ ∨ → ↔ ∀ ∃ ≠ ⊥), for display only.
 * Quantifier brackets are kept (`∀[X1,X2]:`) because TPTP's quantifier scope
 * (one unit formula) differs from a dot's, and we do not want to mislead.
 */
export function tptpToDisplay(formula: string): string {
  let out = '';
  let i = 0;
  const s = formula.trim();
  while (i < s.length) {
    const c = s[i]!;
    if (c === "'" || c === '"') {
      const j = skipQuoted(s, i);
      out += s.slice(i, j);
      i = j;
      continue;
    }
    if (s.startsWith('$false', i)) {
      out += '⊥';
      i += 6;
      continue;
    }
    if (s.startsWith('$true', i)) {
      out += '⊤';
      i += 5;
      continue;
    }
    const op = TPTP_OPS.find(([k]) => s.startsWith(k, i));
    if (op) {
      out += op[1];
      i += op[0].length;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    out += c === ',' ? ', ' : c;
    i++;
  }
  return stripOuterParens(out.replace(/ {2,}/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
}

/** `(a ∨ b)` → `a ∨ b` when the outer parentheses enclose the whole text (cnf clauses are printed that way). */
function stripOuterParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')')) {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === "'" || c === '"') {
        i = skipQuoted(t, i) - 1;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0 && i < t.length - 1) {
          closesAtEnd = false;
          break;
        }
      }
    }
    if (!closesAtEnd) break;
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** Entail syntax via the TPTP parser; the connective translation when the parser rejects the text. */
export function displayTptp(formula: string): string {
  const r = parseFormula(formula, 'tptp');
  return r.ok ? displayFormula(r.value) : tptpToDisplay(formula);
}

function classify(rule: string, role: string, isInput: boolean): NodeKind {
  if (isInput) return 'input';
  if (PREPROCESSING_RULES.has(rule)) return 'preprocessing';
  if (role === 'negated_conjecture' && rule === 'assume_negation') return 'preprocessing';
  return 'inference';
}

export interface FromTstpOptions {
  readonly title?: string;
  /** Keep steps that do not lead to the root (default false). */
  readonly keepUnused?: boolean;
}

/** Import a TSTP derivation (E or Vampire output; other text around it is ignored). */
export function fromTstp(text: string, opts: FromTstpOptions = {}): Result<ProofGraph, ImportError> {
  const r = readAnnotated(text);
  if (!r.ok) return r;
  const afs = r.value;
  if (afs.length === 0) return { ok: false, error: { line: 1, message: 'no TSTP annotated formulas (fof/cnf/tff) found' } };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const names = new Set(afs.map((a) => a.name));
  let root: string | undefined;
  for (const af of afs) {
    const text = displayTptp(af.formula);
    const src = af.source;
    let rule = 'input';
    let isInput = false;
    let sourceName: string | undefined;
    let detail: string | undefined;
    const parents: string[] = []; // parents that are not statements here
    if (src === undefined) isInput = true;
    else if (src.kind === 'fn' && src.name === 'file') {
      isInput = true;
      const file = src.args[0] ? unquote(stermText(src.args[0])) : undefined;
      const stmt = src.args[1] ? unquote(stermText(src.args[1])) : af.name;
      sourceName = file !== undefined ? `${file}:${stmt}` : stmt;
    } else if (src.kind === 'fn' && src.name === 'introduced') {
      rule = src.args[0] ? stermText(src.args[0]) : 'introduced';
      isInput = true;
      detail = stermText(src);
    } else if (src.kind === 'fn' && src.name === 'inference') {
      rule = inferenceRule(src);
      detail = inferenceDetail(src);
      // Nested inference parents become synthetic nodes, built with an explicit stack.
      let counter = 0;
      const work: { term: STerm; into: string }[] = [];
      const pushParents = (t: STerm, into: string): void => {
        const list = t.kind === 'fn' ? t.args[2] : undefined;
        if (list?.kind === 'list') for (const p of list.items) work.push({ term: p, into });
      };
      pushParents(src, af.name);
      while (work.length > 0) {
        const { term, into } = work.pop()!;
        if (term.kind === 'fn' && term.name === 'inference') {
          const id = `${af.name}~${++counter}`;
          const innerRule = inferenceRule(term);
          nodes.push({
            id,
            label: id,
            text: UNPRINTED_TEXT,
            rule: innerRule,
            role: af.role,
            kind: classify(innerRule, af.role, false),
            detail: inferenceDetail(term),
          });
          edges.push({ from: id, to: into });
          pushParents(term, id);
        } else {
          const id = parentName(term);
          if (id !== undefined && names.has(id)) edges.push({ from: id, to: into });
          else if (id !== undefined) parents.push(id);
        }
      }
      // Parents that are not statements of this derivation (e.g. theory(equality)) are shown in the detail.
      if (parents.length > 0) detail = `${detail ?? ''} external: ${parents.join(', ')}`.trim();
    } else {
      // A bare name: the statement is a copy of that parent.
      const id = parentName(src);
      rule = 'copy';
      if (id !== undefined && names.has(id)) edges.push({ from: id, to: af.name });
    }
    nodes.push({
      id: af.name,
      label: af.name,
      text,
      role: af.role,
      rule,
      kind: classify(rule, af.role, isInput),
      ...(sourceName !== undefined ? { source: sourceName } : {}),
      ...(detail !== undefined && detail !== '' ? { detail } : {}),
    });
    if (/^\(?\s*\$false\s*\)?$/.test(af.formula.trim())) root = af.name;
  }
  root ??= afs[afs.length - 1]!.name;
  const status = /SZS status (\w+)/.exec(text)?.[1];
  let g: ProofGraph = {
    title: opts.title ?? 'TSTP proof',
    origin: 'tstp',
    nodes: nodes.map((n) => (n.id === root ? { ...n, kind: 'theorem' as const } : n)),
    edges,
    root,
    ...(status !== undefined ? { status } : {}),
  };
  if (!opts.keepUnused) g = pruneToRoot(g);
  return { ok: true, value: numberGraph(g) };
}

function inferenceRule(t: STerm): string {
  if (t.kind !== 'fn' || t.args.length === 0) return 'inference';
  return unquote(stermText(t.args[0]!));
}

function inferenceDetail(t: STerm): string | undefined {
  if (t.kind !== 'fn' || t.args.length < 2) return undefined;
  const info = t.args[1]!;
  if (info.kind === 'list' && info.items.length === 0) return undefined;
  return stermText(info);
}

function parentName(t: STerm): string | undefined {
  if (t.kind === 'leaf') return unquote(t.text);
  // Vampire/E sometimes annotate a parent: `c_0_5(...)` never occurs, but `theory(equality)` does.
  if (t.kind === 'fn') return stermText(t);
  return undefined;
}
