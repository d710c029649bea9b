/** Lean 4 bridge: discovery, the REPL process wrapper and pool, operations, and FOL → Lean. */
export type { LeanConfig, LeanInstall, NotInstalled, Discovery } from './discover.js';
export { discoverLean, which } from './discover.js';
export type { LeanOutcome, LeanFailure } from './outcome.js';
export { describeFailure, okOutcome } from './outcome.js';
export type {
  ReplRequest,
  CommandRequest,
  FileRequest,
  TacticRequest,
  ReplResponse,
  CommandResponse,
  ProofStepResponse,
  ReplErrorResponse,
  LeanMessage,
  LeanSorry,
  LeanPos,
  LeanSeverity,
  LeanTacticInfo,
} from './protocol.js';
export { FrameDecoder, decodeResponse, encodeRequest } from './protocol.js';
export type { ReplOptions, RequestOptions, ReplReply, ReplStats } from './repl.js';
export { LeanRepl, DEFAULT_TIMEOUT_MS, DEFAULT_MEMORY_LIMIT_MB } from './repl.js';
export type { PoolOptions, PoolRequestOptions, PoolReply, HandleHome, EnvHandle, ProofStateHandle } from './pool.js';
export { LeanReplPool } from './pool.js';
export type { OpOptions, CheckResult, SorryGoal, TacticStep, ReplayStep, ReplayResult, MonacoMarker } from './ops.js';
export { checkSnippet, checkFile, listSorries, runTactic, replayTactics, sorryProof, toMonacoMarkers, MarkerSeverity } from './ops.js';
export type { TranslateOptions, LeanTranslation, LeanSymbol } from './translate.js';
export { problemToLean, leanIdent } from './translate.js';
export type { LeanServiceOptions } from './service.js';
export { LeanService } from './service.js';
