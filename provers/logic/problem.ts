/** Problems: named statements with roles, an optional conjecture, and metadata. */
import type { Formula } from './formula.js';
import type { SourcePos } from './source.js';
import type { SzsStatus } from './szs.js';

/** TPTP formula roles (the ones we read; `type` belongs to typed dialects we do not parse). */
export const ROLES = [
  'axiom',
  'hypothesis',
  'definition',
  'assumption',
  'lemma',
  'theorem',
  'corollary',
  'conjecture',
  'negated_conjecture',
  'plain',
  'unknown',
] as const;

export type Role = (typeof ROLES)[number];

export type Dialect = 'tptp' | 'ladr' | 'nltk' | 'folio' | 'entail';

export interface Statement {
  readonly name: string;
  readonly role: Role;
  /** 'cnf' statements are clauses written as formulas with free (implicitly universal) variables. */
  readonly language: 'fof' | 'cnf';
  readonly formula: Formula;
  readonly pos?: SourcePos;
  /** Free-form annotation text (TPTP `source` / `useful_info`), kept for display. */
  readonly annotation?: string;
}

export interface Problem {
  readonly name: string;
  readonly file?: string;
  readonly dialect?: Dialect;
  readonly statements: readonly Statement[];
  /** From a TPTP `% Status` header or a dataset label. */
  readonly expected?: SzsStatus;
  /** TPTP `% Rating` (fraction of provers that fail), if given. */
  readonly rating?: number;
  readonly comments?: readonly string[];
}

export function premises(p: Problem): Statement[] {
  return p.statements.filter((s) => s.role !== 'conjecture');
}
export function conjectures(p: Problem): Statement[] {
  return p.statements.filter((s) => s.role === 'conjecture');
}
