/**
 * One object for hosts (server, Electron main): discovers Lean once, starts the pool on first
 * use, and exposes the operations. Every method returns plain serializable values (no throws),
 * so results can cross IPC as they are.
 */
import type { Problem } from '../logic/problem.js';
import type { Discovery, LeanConfig } from './discover.js';
import { discoverLean } from './discover.js';
import type { LeanOutcome } from './outcome.js';
import type { CheckResult, OpOptions, ReplayResult, SorryGoal, TacticStep } from './ops.js';
import { checkFile, checkSnippet, listSorries, replayTactics, runTactic } from './ops.js';
import type { LeanMessage } from './protocol.js';
import type { EnvHandle, PoolOptions, ProofStateHandle } from './pool.js';
import { LeanReplPool } from './pool.js';
import type { LeanTranslation, TranslateOptions } from './translate.js';
import { problemToLean } from './translate.js';

export interface LeanServiceOptions {
  readonly config?: LeanConfig;
  readonly pool?: PoolOptions;
}

export class LeanService {
  private discovery: Promise<Discovery> | undefined;
  private pool: Promise<LeanReplPool> | undefined;
  private closed = false;

  constructor(private readonly opts: LeanServiceOptions = {}) {}

  /** How Lean was found (cached; the version probe runs once). */
  info(): Promise<Discovery> {
    this.discovery ??= discoverLean(this.opts.config);
    return this.discovery;
  }

  private getPool(): Promise<LeanReplPool> {
    this.pool ??= this.info().then((d) => new LeanReplPool(d, this.opts.pool));
    return this.pool;
  }

  private async run<T>(f: (pool: LeanReplPool) => Promise<LeanOutcome<T>>): Promise<LeanOutcome<T>> {
    if (this.closed) return { kind: 'cancelled' };
    return f(await this.getPool());
  }

  check(code: string, opts: OpOptions & { env?: EnvHandle } = {}): Promise<LeanOutcome<CheckResult>> {
    return this.run((p) => checkSnippet(p, code, opts));
  }
  checkFile(path: string, opts: OpOptions = {}): Promise<LeanOutcome<CheckResult>> {
    return this.run((p) => checkFile(p, path, opts));
  }
  sorries(code: string, opts: OpOptions = {}): Promise<LeanOutcome<{ sorries: readonly SorryGoal[]; messages: readonly LeanMessage[] }>> {
    return this.run((p) => listSorries(p, code, opts));
  }
  tactic(state: ProofStateHandle, tactic: string, opts: OpOptions = {}): Promise<LeanOutcome<TacticStep>> {
    return this.run((p) => runTactic(p, state, tactic, opts));
  }
  replay(statement: string, tactics: readonly string[], opts: OpOptions = {}): Promise<LeanOutcome<ReplayResult>> {
    return this.run((p) => replayTactics(p, statement, tactics, opts));
  }
  /** FOL → Lean; pure, needs no Lean. */
  exportProblem(problem: Problem, opts: TranslateOptions = {}): LeanTranslation {
    return problemToLean(problem, opts);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pool) await (await this.pool).close();
  }
}
