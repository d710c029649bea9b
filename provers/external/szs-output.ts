/**
 * Reading prover output: SZS status lines, TSTP proof blocks, Prover9 proof
 * blocks and SMT answers. Pure text functions so they are tested on recorded
 * transcripts without the binaries.
 */
import type { SzsStatus } from '../logic/szs.js';
import { isSzsStatus } from '../logic/szs.js';

/** SZS names provers print that our closed status list spells differently. */
const SZS_ALIASES: Readonly<Record<string, SzsStatus>> = {
  MemoryOut: 'ResourceOut',
  Inappropriate: 'GaveUp',
  Incomplete: 'GaveUp',
  InputError: 'InputError',
  SyntaxError: 'InputError',
  SemanticError: 'InputError',
  TypeError: 'InputError',
  OSError: 'Error',
  User: 'GaveUp',
  Stopped: 'GaveUp',
  Forced: 'GaveUp',
  Interrupted: 'GaveUp',
  CounterTheorem: 'CounterSatisfiable',
};

/** The last `SZS status X` line (E prints `# SZS status`, Vampire `% SZS status`). */
export function parseSzsStatus(text: string): SzsStatus | undefined {
  const re = /SZS status\s+([A-Za-z]+)/g;
  let last: string | undefined;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m[1];
  if (last === undefined) return undefined;
  if (isSzsStatus(last)) return last;
  return SZS_ALIASES[last] ?? 'Unknown';
}

/** The text between `SZS output start` and `SZS output end` (proof or model), without the markers. */
export function extractSzsOutput(text: string): { kind: string; text: string } | undefined {
  const start = /^.*SZS output start\s+(\S+).*$/m.exec(text);
  if (!start) return undefined;
  const from = start.index + start[0].length + 1;
  const endRe = /^.*SZS output end.*$/m;
  const rest = text.slice(from);
  const end = endRe.exec(rest);
  return { kind: start[1]!, text: (end ? rest.slice(0, end.index) : rest).trimEnd() + '\n' };
}

const P9_PROOF_START = /^=+ PROOF =+$/m;
const P9_PROOF_END = /^=+ end of proof =+$/m;

/** Prover9's proof block (between the PROOF and end-of-proof rulers), rulers included. */
export function extractProver9Proof(text: string): string | undefined {
  const s = P9_PROOF_START.exec(text);
  if (!s) return undefined;
  const rest = text.slice(s.index);
  const e = P9_PROOF_END.exec(rest);
  return e ? rest.slice(0, e.index + e[0].length) + '\n' : rest;
}

/** First answer line of an SMT solver: sat / unsat / unknown / timeout, or undefined. */
export function parseSmtAnswer(text: string): 'sat' | 'unsat' | 'unknown' | 'timeout' | undefined {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === 'sat' || t === 'unsat' || t === 'unknown' || t === 'timeout') return t;
  }
  return undefined;
}
