/**
 * External provers (E, Vampire, Prover9, z3) as child processes → ProverResult.
 *
 * Every outcome is a value: a missing binary is status 'NotInstalled', a crash
 * is 'Error' with the signal, our wall-clock kill is 'Timeout'. The raw output
 * (stdout/stderr, command line, exit code) travels with the result so reports
 * and the graph importers (`fromTstp`, `fromProver9` in provers/graph) can use
 * the proof text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../logic/problem.js';
import type { ProverResult } from '../logic/proof.js';
import type { Result } from '../logic/source.js';
import { runLimited, which } from './process.js';
import type { ProcOutcome } from './process.js';
import type { ExternalProverId, ProverSpec } from './provers.js';
import { SPECS, parseVersion } from './provers.js';
import { problemToSmt2 } from './smtlib.js';

export * from './provers.js';
export { runLimited, which, killGroup, groupAlive } from './process.js';
export type { Limits, ProcOutcome, RunOptions } from './process.js';
export { parseSzsStatus, extractSzsOutput, extractProver9Proof, parseSmtAnswer } from './szs-output.js';
export { problemToSmt2 } from './smtlib.js';

/** Where to find the binaries. A configured path that does not exist means NotInstalled (no PATH fallback). */
export interface ExternalConfig {
  readonly paths?: Partial<Record<ExternalProverId | 'tptp_to_ladr', string>>;
  /** Environment for lookups and runs (PATH, TPTP). Defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Problem text conversions the caller supplies (the syntax module), so this layer stays parser-free. */
export interface ProblemCodec {
  printTptp(p: Problem): string;
  /** Load a TPTP file with includes resolved (needed only for z3 on a file). */
  loadTptp?(path: string): Promise<Result<Problem, string>>;
}

export type ExternalInput =
  /** A TPTP file on disk; E and Vampire read it directly (includes resolved via $TPTP). */
  | { readonly kind: 'tptpFile'; readonly path: string }
  /** A Prover9/LADR input file. */
  | { readonly kind: 'ladrFile'; readonly path: string }
  /** An in-memory problem (e.g. a dataset record); printed to TPTP or SMT-LIB in a temp file. */
  | { readonly kind: 'problem'; readonly problem: Problem };

export interface ExternalOptions {
  readonly timeoutMs: number;
  readonly memMb?: number;
  readonly signal?: AbortSignal;
  readonly config?: ExternalConfig;
  readonly codec?: ProblemCodec;
}

export interface RawOutput {
  readonly command: readonly string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ExternalResult extends ProverResult {
  readonly raw?: RawOutput;
  /** TSTP proof (E, Vampire) or Prover9 proof block, when a proof was printed. */
  readonly proofText?: string;
  readonly proofFormat?: 'tstp' | 'prover9';
}

/** The binary to run: the configured path, else the default name on PATH; undefined when absent. */
export function resolveBinary(id: ExternalProverId | 'tptp_to_ladr', config?: ExternalConfig): string | undefined {
  const configured = config?.paths?.[id];
  const name = configured ?? (id === 'tptp_to_ladr' ? 'tptp_to_ladr' : SPECS[id].binary);
  return which(name, config?.env ?? process.env);
}

export interface DetectedProver {
  readonly id: ExternalProverId;
  readonly name: string;
  readonly installed: boolean;
  readonly path?: string;
  readonly version?: string;
}

/** Which external provers are installed here, with their versions. */
export async function detectProvers(config?: ExternalConfig): Promise<DetectedProver[]> {
  const out: DetectedProver[] = [];
  for (const spec of Object.values(SPECS)) {
    const path = resolveBinary(spec.id, config);
    if (!path) {
      out.push({ id: spec.id, name: spec.name, installed: false });
      continue;
    }
    const r = await runLimited(path, spec.versionArgs, {
      limits: { wallMs: 5000 },
      env: config?.env ?? process.env,
      maxOutputBytes: 65536,
    });
    const version = r.kind === 'exited' ? parseVersion(spec.id, r.stdout + '\n' + r.stderr) : undefined;
    out.push({ id: spec.id, name: spec.name, installed: true, path, ...(version ? { version } : {}) });
  }
  return out;
}

/** Does a TPTP text state a conjecture? (Only Prover9/z3 need this: E and Vampire decide themselves.) */
export function tptpHasConjecture(text: string): boolean {
  return /\b(?:fof|cnf|tff|thf)\(\s*[^,]+,\s*(?:conjecture|negated_conjecture)\s*,/.test(text);
}

function notInstalled(spec: ProverSpec, config?: ExternalConfig, what?: string): ExternalResult {
  const configured = config?.paths?.[spec.id];
  const name = what ?? configured ?? spec.binary;
  return {
    status: 'NotInstalled',
    prover: spec.id,
    stats: { timeMs: 0 },
    message: `${spec.name} is not installed (${name} ${configured || what ? 'does not exist or is not executable' : 'not found on PATH'})`,
  };
}

function fromOutcome(spec: ProverSpec, o: ProcOutcome & { kind: 'exited' }, hasConjecture: boolean, problem?: string): ExternalResult {
  const raw: RawOutput = { command: o.command, exitCode: o.code, signal: o.signal, stdout: o.stdout, stderr: o.stderr };
  const base = { prover: spec.id, stats: { timeMs: o.wallMs }, raw, ...(problem ? { problem } : {}) };
  if (o.aborted) return { ...base, status: 'GaveUp', message: 'cancelled' };
  if (o.timedOut) {
    // A prover may have printed its answer just before our kill: keep a definitive answer.
    const late = spec.interpret({ code: o.code, signal: null, stdout: o.stdout, stderr: o.stderr, hasConjecture });
    if (
      late.status === 'Theorem' ||
      late.status === 'Unsatisfiable' ||
      late.status === 'CounterSatisfiable' ||
      late.status === 'Satisfiable'
    )
      if (late.proofText || spec.id === 'z3') return { ...base, ...late };
    return { ...base, status: 'Timeout', message: `killed at the wall-clock limit after ${o.wallMs} ms` };
  }
  const it = spec.interpret({ code: o.code, signal: o.signal, stdout: o.stdout, stderr: o.stderr, hasConjecture });
  return { ...base, ...it, ...(o.truncated ? { message: (it.message ? it.message + '; ' : '') + 'output truncated' } : {}) };
}

/** Run one external prover on one problem. Never throws. */
export async function runExternal(id: ExternalProverId, input: ExternalInput, opts: ExternalOptions): Promise<ExternalResult> {
  const spec = SPECS[id];
  const binary = resolveBinary(id, opts.config);
  if (!binary) return notInstalled(spec, opts.config);
  const env = opts.config?.env ?? process.env;
  const started = Date.now();
  const problemName = input.kind === 'problem' ? input.problem.name : undefined;
  const fail = (status: 'InputError' | 'Error', message: string): ExternalResult => ({
    status,
    prover: id,
    stats: { timeMs: Date.now() - started },
    message,
    ...(problemName ? { problem: problemName } : {}),
  });
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), `entail-${id}-`));
    // Prepare the file in the prover's input language.
    let file: string;
    let hasConjecture = true;
    if (spec.input === 'smt2') {
      let problem: Problem;
      if (input.kind === 'problem') problem = input.problem;
      else if (input.kind === 'tptpFile') {
        if (!opts.codec?.loadTptp) return fail('Error', 'z3 on a TPTP file needs a TPTP loader (codec.loadTptp)');
        const r = await opts.codec.loadTptp(input.path);
        if (!r.ok) return fail('InputError', r.error);
        problem = r.value;
      } else return fail('InputError', 'z3 cannot read LADR input');
      const smt = problemToSmt2(problem);
      hasConjecture = smt.hasConjecture;
      file = join(dir, 'problem.smt2');
      await writeFile(file, smt.text);
    } else if (spec.input === 'tptp') {
      if (input.kind === 'tptpFile') file = input.path;
      else if (input.kind === 'problem') {
        if (!opts.codec) return fail('Error', 'printing a problem as TPTP needs a codec');
        file = join(dir, 'problem.p');
        await writeFile(file, opts.codec.printTptp(input.problem));
      } else return fail('InputError', `${spec.name} cannot read LADR input`);
    } else {
      // Prover9: LADR directly, or TPTP through tptp_to_ladr.
      let tptpText: string | undefined;
      if (input.kind === 'ladrFile') {
        file = input.path;
        hasConjecture = true;
      } else {
        if (input.kind === 'problem') {
          if (!opts.codec) return fail('Error', 'printing a problem as TPTP needs a codec');
          tptpText = opts.codec.printTptp(input.problem);
        } else {
          const { readFile } = await import('node:fs/promises');
          tptpText = await readFile(input.path, 'utf8');
        }
        hasConjecture = tptpHasConjecture(tptpText);
        const conv = resolveBinary('tptp_to_ladr', opts.config);
        if (!conv) return notInstalled(spec, opts.config, 'tptp_to_ladr');
        const c = await runLimited(conv, [], {
          limits: { wallMs: Math.max(1000, opts.timeoutMs) },
          stdin: tptpText,
          env,
          signal: opts.signal,
        });
        if (c.kind !== 'exited') return fail('Error', c.message);
        if (c.code !== 0) return fail('InputError', `tptp_to_ladr failed (exit ${c.code}): ${c.stderr.trim().slice(0, 300)}`);
        file = join(dir, 'problem.in');
        await writeFile(file, c.stdout);
      }
    }
    const remaining = Math.max(1, opts.timeoutMs - (Date.now() - started));
    const cpuS = Math.max(1, Math.ceil(remaining / 1000));
    const args = spec.args(file, cpuS, opts.memMb);
    // Our wall-clock kill comes a little after the prover's own CPU limit so it can print its status.
    const o = await runLimited(binary, args, {
      limits: { wallMs: remaining + 1500, cpuS: cpuS + 1, ...(opts.memMb !== undefined ? { memMb: opts.memMb + 64 } : {}) },
      env,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (o.kind === 'notFound') return notInstalled(spec, opts.config);
    if (o.kind === 'spawnError') return fail('Error', o.message);
    return fromOutcome(spec, o, hasConjecture, problemName);
  } catch (e) {
    // Only file-system failures (temp dir, writes) can land here.
    return fail('Error', (e as Error).message);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
