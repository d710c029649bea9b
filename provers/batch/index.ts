/**
 * Batch verification API (for the CLI, the server's batch panel and benchmarks):
 * `runBatch(opts, onEvent)` plus the report renderers and the data types.
 */
export { runBatch, defaultDeps, DEFAULT_TIMEOUT_MS } from './engine.js';
export { buildReport, summarize, toCsv, toHtml, toJson, toJunit } from './report.js';
export { readJournal } from './journal.js';
export { collectFiles } from './walk.js';
export { isSolved, isWrong } from './queries.js';
export type * from './types.js';
export { queueExecutor } from './queue/coordinator.js';
export { parseRedisUrl, queueName, describeTarget } from './queue/connection.js';
export { pingRedis, queueWorkers } from './queue/heartbeat.js';
