/**
 * What we know about each external prover: how to call it, how to ask its
 * version, and how to read its answer. Interpretation is a pure function of
 * (exit code, stdout, stderr) so it is tested on recorded transcripts.
 */
import type { SzsStatus } from '../logic/szs.js';
import { extractProver9Proof, extractSzsOutput, parseSmtAnswer, parseSzsStatus } from './szs-output.js';

export type ExternalProverId = 'e' | 'vampire' | 'prover9' | 'z3';
export const EXTERNAL_PROVERS: readonly ExternalProverId[] = ['e', 'vampire', 'prover9', 'z3'];

export function isExternalProverId(s: string): s is ExternalProverId {
  return (EXTERNAL_PROVERS as readonly string[]).includes(s);
}

/** What a prover run looked like after the process ended (not killed by us). */
export interface RawRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** For SMT/Prover9 input without a conjecture the answer maps to (Un)Satisfiable. */
  readonly hasConjecture: boolean;
}

export interface Interpretation {
  readonly status: SzsStatus;
  readonly message?: string;
  /** Proof text: TSTP (E, Vampire) or a Prover9 proof block. */
  readonly proofText?: string;
  readonly proofFormat?: 'tstp' | 'prover9';
}

export interface ProverSpec {
  readonly id: ExternalProverId;
  readonly name: string;
  /** Default binary name looked up on PATH. */
  readonly binary: string;
  readonly input: 'tptp' | 'ladr' | 'smt2';
  readonly versionArgs: readonly string[];
  /** Arguments for a run on `file` with a CPU budget of `cpuS` seconds and `memMb` MiB. */
  args(file: string, cpuS: number, memMb: number | undefined): string[];
  interpret(run: RawRun): Interpretation;
}

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

function tail(s: string, n = 300): string {
  const t = s.trim();
  return t.length <= n ? t : '…' + t.slice(t.length - n);
}

/** E's exit codes (cio_signals.h); the SZS line wins whenever present. */
const E_EXIT: Readonly<Record<number, SzsStatus>> = {
  0: 'Theorem',
  1: 'CounterSatisfiable',
  2: 'ResourceOut', // out of memory
  3: 'InputError', // syntax error
  4: 'Error', // usage
  5: 'InputError', // file error
  6: 'Error', // system error
  7: 'Timeout', // CPU limit
  8: 'ResourceOut',
  9: 'GaveUp', // incomplete proof state
  10: 'Error',
  11: 'InputError', // semantic error
};

function interpretTstpProver(run: RawRun, exitMap: Readonly<Record<number, SzsStatus>>): Interpretation {
  const szs = parseSzsStatus(run.stdout);
  const out = extractSzsOutput(run.stdout);
  const proofText = out && /Refutation|Proof/i.test(out.kind) ? out.text : undefined;
  if (szs !== undefined) {
    // Every answer that is not a proof or a model says why (the prover's own last words, else its SZS line).
    const definitive =
      szs === 'Theorem' ||
      szs === 'Unsatisfiable' ||
      szs === 'CounterSatisfiable' ||
      szs === 'Satisfiable' ||
      szs === 'ContradictoryAxioms';
    const msg = definitive ? undefined : tail(run.stderr) || `SZS status ${szs}`;
    return { status: szs, ...(msg ? { message: msg } : {}), ...(proofText ? { proofText, proofFormat: 'tstp' as const } : {}) };
  }
  if (run.signal === 'SIGXCPU' || run.signal === 'SIGKILL') return { status: 'Timeout', message: `killed by ${run.signal}` };
  if (run.signal) return { status: 'Error', message: `crashed: ${run.signal}` };
  const mapped = run.code !== null ? exitMap[run.code] : undefined;
  // A proof/sat exit code without an SZS line means output we did not understand: do not trust it.
  if (mapped === undefined || mapped === 'Theorem' || mapped === 'CounterSatisfiable')
    return { status: 'Error', message: `exit ${run.code} without an SZS status: ${tail(run.stderr || run.stdout)}` };
  return { status: mapped, message: `exit ${run.code}: ${tail(run.stderr || run.stdout)}` };
}

export const E_SPEC: ProverSpec = {
  id: 'e',
  name: 'E',
  binary: 'eprover',
  input: 'tptp',
  versionArgs: ['--version'],
  args: (file, cpuS, memMb) => [
    // Not --silent: the "Trying AutoSchedN for K seconds" lines are needed by E_SPEC.interpret (see there).
    // Not --auto: Debian's E 2.6 aborts in picosat ("compiled without trace support") on some problems with it.
    '--auto-schedule',
    '--proof-object',
    `--cpu-limit=${Math.max(1, Math.ceil(cpuS))}`,
    ...(memMb !== undefined ? [`--memory-limit=${Math.floor(memMb)}`] : []),
    file,
  ],
  interpret: (run) => {
    const it = interpretTstpProver(run, E_EXIT);
    // E 2.6's schedule splits the CPU budget into whole seconds. With a small budget some strategies get
    // "0 seconds", and then it has answered CounterSatisfiable on Theorems (measured: SYN056+1 at
    // --cpu-limit=2, 5 of 6 runs). Its refutations stay trustworthy; a "no proof exists" after a 0-second
    // slot is not.
    if ((it.status === 'CounterSatisfiable' || it.status === 'Satisfiable') && /Trying \S+ for 0 seconds/.test(run.stdout))
      return { status: 'GaveUp', message: `E reported ${it.status} after a 0-second schedule slot (budget too small to trust it)` };
    return it;
  },
};

export const VAMPIRE_SPEC: ProverSpec = {
  id: 'vampire',
  name: 'Vampire',
  binary: 'vampire',
  input: 'tptp',
  versionArgs: ['--version'],
  args: (file, cpuS, memMb) => [
    '--mode',
    'casc',
    '--proof',
    'tptp',
    '--output_axiom_names',
    'on',
    '-t',
    `${Math.max(1, Math.ceil(cpuS))}s`,
    ...(memMb !== undefined ? ['-m', `${Math.floor(memMb)}`] : []),
    file,
  ],
  // Vampire: 0 with an SZS line on success, 1 otherwise; the SZS line carries the answer.
  interpret: (run) => interpretTstpProver(run, { 1: 'GaveUp' }),
};

/** Prover9 exit codes (LADR manual, "Exit Codes"). */
const P9_EXIT: Readonly<Record<number, SzsStatus>> = {
  0: 'Theorem', // max_proofs proofs found
  1: 'InputError', // fatal error
  2: 'CounterSatisfiable', // sos empty: saturated without a proof
  3: 'ResourceOut', // max_megs
  4: 'Timeout', // max_seconds
  5: 'GaveUp', // max_given
  6: 'GaveUp', // max_kept
  7: 'GaveUp', // action
  101: 'GaveUp', // SIGINT
  102: 'Error', // SIGSEGV
};

export const PROVER9_SPEC: ProverSpec = {
  id: 'prover9',
  name: 'Prover9',
  binary: 'prover9',
  input: 'ladr',
  versionArgs: ['-h'],
  args: (file, cpuS) => ['-t', `${Math.max(1, Math.ceil(cpuS))}`, '-f', file],
  interpret: (run) => {
    if (run.signal)
      return { status: run.signal === 'SIGXCPU' || run.signal === 'SIGKILL' ? 'Timeout' : 'Error', message: `killed by ${run.signal}` };
    const proofText = extractProver9Proof(run.stdout);
    let status = run.code !== null ? P9_EXIT[run.code] : undefined;
    if (status === undefined) return { status: 'Error', message: `exit ${run.code}: ${tail(run.stderr || run.stdout)}` };
    if (status === 'Theorem' && !proofText) return { status: 'Error', message: 'exit 0 without a proof block' };
    // "sos empty" only means "no proof" for a complete search; without goals it means Satisfiable.
    if (!run.hasConjecture) status = status === 'Theorem' ? 'Unsatisfiable' : status === 'CounterSatisfiable' ? 'Satisfiable' : status;
    const msg = status === 'InputError' ? tail(run.stderr || run.stdout) : undefined;
    return { status, ...(msg ? { message: msg } : {}), ...(proofText ? { proofText, proofFormat: 'prover9' as const } : {}) };
  },
};

export const Z3_SPEC: ProverSpec = {
  id: 'z3',
  name: 'z3',
  binary: 'z3',
  input: 'smt2',
  versionArgs: ['-version'],
  args: (file, cpuS, memMb) => [
    '-smt2',
    `-T:${Math.max(1, Math.ceil(cpuS))}`,
    ...(memMb !== undefined ? [`memory_max_size=${Math.floor(memMb)}`] : []),
    file,
  ],
  interpret: (run) => {
    if (run.signal)
      return { status: run.signal === 'SIGXCPU' || run.signal === 'SIGKILL' ? 'Timeout' : 'Error', message: `killed by ${run.signal}` };
    const ans = parseSmtAnswer(run.stdout);
    switch (ans) {
      case 'unsat':
        return { status: run.hasConjecture ? 'Theorem' : 'Unsatisfiable' };
      case 'sat':
        return { status: run.hasConjecture ? 'CounterSatisfiable' : 'Satisfiable' };
      case 'unknown':
        return { status: 'GaveUp', message: 'z3 answered unknown' };
      case 'timeout':
        return { status: 'Timeout' };
      default:
        return { status: 'Error', message: `exit ${run.code}: ${tail(run.stdout + run.stderr)}` };
    }
  },
};

export const SPECS: Readonly<Record<ExternalProverId, ProverSpec>> = {
  e: E_SPEC,
  vampire: VAMPIRE_SPEC,
  prover9: PROVER9_SPEC,
  z3: Z3_SPEC,
};

/** A version string from `--version`-style output. */
export function parseVersion(id: ExternalProverId, text: string): string {
  if (id === 'prover9') {
    const m = /Prover9 \(([^)]*)\)[^\n]*/.exec(text) ?? /prover9[^\n]*version[^\n]*/i.exec(text);
    return m ? m[0].trim() : firstLine(text);
  }
  return firstLine(text);
}
