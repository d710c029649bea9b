/**
 * Judge a translation the way LINC does: prove the conclusion from the premises;
 * if that fails, prove its negation; True / False / Uncertain. As in LINC (where
 * nltk raises on Prover9's limit exit codes), a prover that neither proves nor
 * saturates (timeout, resource out, gave up) makes the sample an Error, not
 * Uncertain. Beyond LINC, an Uncertain can be certified by finite models of
 * premises ∧ ¬conclusion and premises ∧ conclusion.
 */
import type { Formula, Problem, ProverResult, FiniteModel, ParseError, Result, Dialect, Statement } from '../provers/logic/index.js';
import { isProvedStatus, isDisprovedStatus, mkNot } from '../provers/logic/index.js';
import type { Judgement } from './types.js';

/** What the pipeline needs from the engine; injected so tests and other hosts can supply their own. */
export interface Engine {
  parse(text: string, dialect: Dialect): Result<Formula, ParseError>;
  prove(
    problem: Problem,
    opts: { timeoutMs: number; signal?: AbortSignal; check?: boolean },
  ): Promise<ProverResult & { check?: { ok: boolean; failures: readonly { id: string; reason: string }[] } }>;
  /** A finite model of premises ∧ ¬goal, if one is found within the limits. */
  countermodel?(
    premises: readonly Formula[],
    goal: Formula,
    opts: { maxSize: number; deadline: number },
  ): { model?: FiniteModel; note?: string };
}

export interface JudgeOptions {
  /** Per prover call. */
  readonly timeoutMs: number;
  /** Look for finite models certifying an Uncertain. */
  readonly certify?: boolean;
  readonly maxModelSize?: number;
  readonly modelTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Re-verify every proof with the independent checker; a proof that fails the check makes the sample an Error. */
  readonly check?: boolean;
}

export function problemOf(name: string, premises: readonly Formula[], goal: Formula): Problem {
  const statements: Statement[] = premises.map((f, i) => ({ name: `premise_${i + 1}`, role: 'axiom', language: 'fof', formula: f }));
  statements.push({ name: 'conclusion', role: 'conjecture', language: 'fof', formula: goal });
  return { name, statements };
}

/** A proof the checker rejected is not evidence: the sample becomes an Error with the checker's reasons. */
function checked(
  j: Judgement,
  r: ProverResult & { check?: { ok: boolean; failures: readonly { id: string; reason: string }[] } },
): Judgement {
  if (!r.check || r.check.ok) return j;
  return { ...j, verdict: 'Error', reason: `proof check failed: ${r.check.failures.map((f) => `${f.id}: ${f.reason}`).join('; ')}` };
}

function undecided(r: ProverResult): string {
  return `${r.status}${r.message ? `: ${r.message}` : ''}`;
}

/** `negation` defaults to ¬conclusion; LINC-style callers pass the negation closed after negating. */
export async function judge(
  name: string,
  premises: readonly Formula[],
  conclusion: Formula,
  engine: Engine,
  opts: JudgeOptions,
  negation: Formula = mkNot(conclusion),
): Promise<Judgement> {
  const po = { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.check ? { check: true } : {}) };
  const pos = await engine.prove(problemOf(name, premises, conclusion), po);
  if (isProvedStatus(pos.status)) return checked({ verdict: 'True', conclusion: pos }, pos);
  if (!isDisprovedStatus(pos.status)) return { verdict: 'Error', reason: `proving the conclusion: ${undecided(pos)}`, conclusion: pos };
  const neg = await engine.prove(problemOf(`${name}_neg`, premises, negation), po);
  if (isProvedStatus(neg.status)) return checked({ verdict: 'False', conclusion: pos, negation: neg }, neg);
  if (!isDisprovedStatus(neg.status))
    return { verdict: 'Error', reason: `proving the negation: ${undecided(neg)}`, conclusion: pos, negation: neg };
  if (!opts.certify || !engine.countermodel) return { verdict: 'Uncertain', conclusion: pos, negation: neg };
  const lim = { maxSize: opts.maxModelSize ?? 6, deadline: Date.now() + (opts.modelTimeoutMs ?? 2000) };
  const a = pos.model ? { model: pos.model } : engine.countermodel(premises, conclusion, lim);
  const b = neg.model
    ? { model: neg.model }
    : engine.countermodel(premises, negation, { ...lim, deadline: Date.now() + (opts.modelTimeoutMs ?? 2000) });
  const notes = [
    a.model ? undefined : `no model of premises ∧ ¬conclusion${a.note ? ` (${a.note})` : ''}`,
    b.model ? undefined : `no model of premises ∧ conclusion${b.note ? ` (${b.note})` : ''}`,
  ].filter((x): x is string => x !== undefined);
  return {
    verdict: 'Uncertain',
    conclusion: pos,
    negation: neg,
    countermodels: {
      ...(a.model ? { againstConclusion: a.model } : {}),
      ...(b.model ? { againstNegation: b.model } : {}),
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    },
  };
}
