/**
 * What travels through the queue: a self-contained job (the queries, includes
 * already expanded, and the run's settings) and the outcome a worker returns.
 * Both ends treat what they read from Redis as hostile and check its shape.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../../logic/problem.js';
import type { SolvedOutcome } from '../engine.js';
import type { InputFormat, ProverName } from '../types.js';
import { isSzsStatus } from '../../logic/szs.js';
import { isLabel } from '../queries.js';

export const JOB_VERSION = 1;
/** Largest job payload sent (a TPTP problem with big axiom sets expands to a few MB). */
export const MAX_JOB_BYTES = 32 * 1024 * 1024;

export interface JobSettings {
  readonly provers: readonly ProverName[];
  readonly timeoutMs: number;
  readonly compare: boolean;
  readonly memMb?: number;
}

export interface JobPayload {
  readonly v: typeof JOB_VERSION;
  readonly name: string;
  readonly format: InputFormat;
  readonly problems: readonly Problem[];
  readonly settings: JobSettings;
}

/** The job id: a hash of the content and the options, so a problem is sent once per run whatever its path, and a resend is a no-op. */
export function jobIdOf(p: JobPayload): string {
  const h = createHash('sha256')
    .update(JSON.stringify([p.v, p.format, p.problems, p.settings]))
    .digest('hex');
  return `p${h.slice(0, 40)}`;
}

/** The queries without the file path (content-addressed ids must not depend on where the file sits). */
export function portable(problems: readonly Problem[]): Problem[] {
  return problems.map(({ file: _file, ...rest }) => rest);
}

const PROVER_NAMES: ReadonlySet<string> = new Set(['entail', 'e', 'vampire', 'prover9', 'z3']);
const FORMATS: ReadonlySet<string> = new Set(['tptp', 'ladr', 'records']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A worker's check of a job read from Redis: shape and limits, not the formulas (a malformed one fails inside the prover thread). */
export function checkPayload(v: unknown): { ok: true; value: JobPayload } | { ok: false; error: string } {
  if (!isObj(v)) return { ok: false, error: 'job data is not an object' };
  if (v['v'] !== JOB_VERSION)
    return { ok: false, error: `job version ${String(v['v'])} (this worker reads ${JOB_VERSION}): upgrade one side` };
  const { name, format, problems, settings } = v;
  if (typeof name !== 'string' || name.length > 1000) return { ok: false, error: 'job name missing or too long' };
  if (typeof format !== 'string' || !FORMATS.has(format)) return { ok: false, error: `job format ${String(format).slice(0, 20)} unknown` };
  if (!Array.isArray(problems) || problems.length < 1 || problems.length > 2) return { ok: false, error: 'job needs one or two queries' };
  for (const p of problems)
    if (!isObj(p) || typeof p['name'] !== 'string' || !Array.isArray(p['statements']))
      return { ok: false, error: 'job query is not a problem' };
  if (!isObj(settings)) return { ok: false, error: 'job settings missing' };
  const { provers, timeoutMs, compare, memMb } = settings;
  if (
    !Array.isArray(provers) ||
    provers.length < 1 ||
    provers.length > 5 ||
    !provers.every((x) => typeof x === 'string' && PROVER_NAMES.has(x))
  )
    return { ok: false, error: 'job provers unknown' };
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 1 && timeoutMs <= 24 * 3600_000))
    return { ok: false, error: 'job time limit out of range' };
  if (typeof compare !== 'boolean') return { ok: false, error: 'job compare flag missing' };
  if (memMb !== undefined && (typeof memMb !== 'number' || !(memMb >= 16 && memMb <= 1_000_000)))
    return { ok: false, error: 'job memory limit out of range' };
  return { ok: true, value: v as unknown as JobPayload };
}

/** The coordinator's check of a worker's answer. */
export function checkOutcome(v: unknown): SolvedOutcome | undefined {
  const o = typeof v === 'string' ? safeParse(v) : v;
  if (!isObj(o) || typeof o['status'] !== 'string' || typeof o['time_s'] !== 'number') return undefined;
  const st = o['status'];
  if (!(isSzsStatus(st) || isLabel(st) || st === 'Skipped')) return undefined;
  if (o['prover'] !== undefined && (typeof o['prover'] !== 'string' || !(PROVER_NAMES.has(o['prover']) || o['prover'] === 'lean')))
    return undefined;
  if (o['error'] !== undefined && typeof o['error'] !== 'string') return undefined;
  if (o['attempts'] !== undefined && !Array.isArray(o['attempts'])) return undefined;
  return {
    status: o['status'] as SolvedOutcome['status'],
    time_s: o['time_s'],
    ...(o['prover'] !== undefined ? { prover: o['prover'] as ProverName } : {}),
    ...(o['error'] !== undefined ? { error: o['error'].slice(0, 100_000) } : {}),
    ...(o['attempts'] !== undefined ? { attempts: o['attempts'] as SolvedOutcome['attempts'] } : {}),
    ...(o['disagree'] === true ? { disagree: true } : {}),
  };
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}
