/**
 * SZS discipline for every command that prints a status: one `% SZS status X for NAME`
 * line with X from the SZS ontology; Entail-only outcomes go in a `%` comment.
 */
import type { SzsStatus } from '../provers/logic/szs.js';
import { formatParseError } from '../provers/logic/source.js';
import type { LoadFailure } from './input.js';

/** Statuses of the SZS ontology that Entail prints (SZSOntology: success and no-success values). */
const ONTOLOGY = new Set<string>([
  'Theorem',
  'Unsatisfiable',
  'CounterSatisfiable',
  'Satisfiable',
  'ContradictoryAxioms',
  'Timeout',
  'ResourceOut',
  'GaveUp',
  'Error',
  'Unknown',
  'InputError',
  'SyntaxError',
  'OSError',
]);

export function isOntologyStatus(s: string): boolean {
  return ONTOLOGY.has(s);
}

/** The status lines for one problem: an ontology status, plus a comment for an Entail-only outcome. */
export function szsStatusLines(status: SzsStatus | 'SyntaxError' | 'OSError', name: string): string[] {
  if (isOntologyStatus(status)) return [`% SZS status ${status} for ${name}`];
  return [`% SZS status Unknown for ${name}`, `% Entail outcome: ${status}`];
}

export function szsBlock(kind: string, name: string, body: string): string[] {
  return [`% SZS output start ${kind} for ${name}`, body.replace(/\n$/, ''), `% SZS output end ${kind} for ${name}`];
}

/** What a command prints for a problem it could not read: the SZS line on stdout, the positioned error on stderr. */
export function reportLoadFailure(f: LoadFailure, out: (s: string) => void, errOut: (s: string) => void): void {
  out(szsStatusLines(f.szs, f.name).join('\n'));
  const e = f.error;
  errOut(e.excerpt ? formatParseError(e) : `${e.file}:${e.line}:${e.col}: ${e.message}`);
}

/** JSON form of a load failure, for --json outputs. */
export function loadFailureJson(f: LoadFailure) {
  const { file, line, col, message } = f.error;
  return { szs: f.szs, problem: f.name, error: { ...(file !== undefined ? { file } : {}), line, col, message } };
}
