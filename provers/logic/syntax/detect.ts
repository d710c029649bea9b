/** Which dialect a text is written in: by file extension first, then by content. */
import type { Dialect } from '../problem.js';

export const DIALECTS: readonly Dialect[] = ['tptp', 'ladr', 'nltk', 'folio', 'entail'];

export function isDialect(s: string): s is Dialect {
  return (DIALECTS as readonly string[]).includes(s);
}

const BY_EXT: Readonly<Record<string, Dialect>> = {
  p: 'tptp',
  tptp: 'tptp',
  ax: 'tptp',
  in: 'ladr',
  ladr: 'ladr',
  fol: 'entail',
  entail: 'entail',
  nltk: 'nltk',
  folio: 'folio',
};

export function dialectOfExtension(fileName: string): Dialect | undefined {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const base = fileName.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = base.slice(dot + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(BY_EXT, ext) ? BY_EXT[ext] : undefined;
}

export function detectDialect(text: string, fileName?: string): Dialect {
  if (fileName !== undefined) {
    const d = dialectOfExtension(fileName);
    if (d !== undefined) return d;
  }
  // Sniff only the first 64 KB: enough for any header, cheap for huge files.
  const s = text.length > 65536 ? text.slice(0, 65536) : text;
  if (/^\s*(?:fof|cnf|tff|thf|include)\s*\(/m.test(s)) return 'tptp';
  if (/^\s*(?:formulas|clauses)\s*\(\s*\w+\s*\)\s*\./m.test(s) || /\bend_of_list\s*\./.test(s)) return 'ladr';
  if (
    /^\s*(?:axiom|conjecture|hypothesis|lemma|theorem|definition|assumption|corollary|plain|negated_conjecture)(?:\s+[^\s:]+)?\s*:/m.test(s)
  )
    return 'entail';
  if (/^\s*(?:TEXT|FOL)\s*:/m.test(s)) return 'nltk';
  if (/[∀∃¬∧∨→↔⊕]/.test(s)) return 'folio';
  if (/\b(?:all|exists)\s+\w+[^.\n]*\./.test(s) || /->|<->|&|\|/.test(s)) return 'nltk';
  return 'entail';
}
