/**
 * Worker heartbeats: each `entail worker` keeps one record, `entail:workers:<queue>:<id>`, set with a
 * time to live and refreshed while it runs, so anyone holding the Redis URL can list the workers of a
 * run (the workbench's batch panel does) and a worker that dies disappears once its record expires.
 * The records sit outside BullMQ's `bull:` keys, so a coordinator emptying its queue leaves them alone.
 *
 * What is read back is hostile (anyone with the URL can write keys): records are shape-checked,
 * bounded in size and number, and the scan is bounded.
 */
import type { QueueWorkerInfo } from '../types.js';
import { RespClient } from './resp.js';
import type { RedisTarget } from './resp.js';

export const HEARTBEAT_PREFIX = 'entail:workers:';
/** A worker beats this often by default; its record lives three beats. */
export const HEARTBEAT_MS = 5_000;
/** Most workers listed (and records read) per query. */
export const MAX_LISTED_WORKERS = 500;
const MAX_RECORD_BYTES = 4096;
const MAX_SCAN_ROUNDS = 200;

/** The two commands used here: RespClient, or anything with its `send`. */
export interface CommandSender {
  send(cmd: string, args: readonly unknown[]): Promise<unknown>;
}

export function heartbeatKey(queue: string, id: string): string {
  return `${HEARTBEAT_PREFIX}${queue}:${id}`;
}

export async function publishHeartbeat(c: CommandSender, queue: string, info: QueueWorkerInfo, ttlMs: number): Promise<void> {
  await c.send('SET', [heartbeatKey(queue, info.id), JSON.stringify(info), 'PX', String(Math.max(1, Math.round(ttlMs)))]);
}

export async function removeHeartbeat(c: CommandSender, queue: string, id: string): Promise<void> {
  await c.send('DEL', [heartbeatKey(queue, id)]);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isIso = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** A record read from Redis, or undefined when it is not one a worker writes. */
export function checkWorkerInfo(raw: unknown): QueueWorkerInfo | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_RECORD_BYTES) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
  if (!isObj(v)) return undefined;
  const { id, host, pid, concurrency, jobs, started, lastSeen } = v;
  if (typeof id !== 'string' || id.length < 1 || id.length > 300) return undefined;
  if (typeof host !== 'string' || host.length < 1 || host.length > 255) return undefined;
  if (!isCount(pid, 2 ** 31) || !isCount(concurrency, 10_000) || concurrency < 1 || !isCount(jobs, Number.MAX_SAFE_INTEGER))
    return undefined;
  if (!isIso(started) || !isIso(lastSeen)) return undefined;
  return { id, host, pid, concurrency, jobs, started, lastSeen };
}

/** The live workers of a queue (`entail-<run>`), by host then pid. */
export async function listWorkers(c: CommandSender, queue: string): Promise<QueueWorkerInfo[]> {
  const keys = new Set<string>();
  let cursor = '0';
  for (let round = 0; round < MAX_SCAN_ROUNDS && keys.size < MAX_LISTED_WORKERS; round++) {
    const r = await c.send('SCAN', [cursor, 'MATCH', `${HEARTBEAT_PREFIX}${queue}:*`, 'COUNT', '500']);
    if (!Array.isArray(r) || r.length !== 2 || typeof r[0] !== 'string' || !Array.isArray(r[1])) throw new Error('unexpected SCAN reply');
    for (const k of r[1] as unknown[]) if (typeof k === 'string' && keys.size < MAX_LISTED_WORKERS) keys.add(k);
    cursor = r[0];
    if (cursor === '0') break;
  }
  if (keys.size === 0) return [];
  const values = await c.send('MGET', [...keys]);
  if (!Array.isArray(values)) throw new Error('unexpected MGET reply');
  const out: QueueWorkerInfo[] = [];
  for (const raw of values as unknown[]) {
    const w = checkWorkerInfo(raw);
    if (w) out.push(w);
  }
  return out.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.pid - b.pid));
}

/**
 * One short-lived connection: connect (at most `timeoutMs`), run `f`, close. Errors are values and
 * name the server as `host:port` only: the target's credentials never reach a message.
 */
export async function withRedis<T>(
  target: RedisTarget,
  timeoutMs: number,
  f: (c: RespClient) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const c = new RespClient(target);
  const where = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([c.connect(), deadline]);
    return { ok: true, value: await Promise.race([f(c), deadline]) };
  } catch (e) {
    return { ok: false, error: `Redis at ${where}: ${redisErrorText(e, target)}` };
  } finally {
    clearTimeout(timer);
    c.close();
  }
}

/** An error's message with the target's password and user name blanked, shortened (a server's reply is not ours to repeat at length). */
function redisErrorText(e: unknown, t: RedisTarget): string {
  let m = e instanceof Error ? e.message : String(e);
  for (const s of [t.password, t.username]) if (s) m = m.split(s).join('***');
  return m.length > 200 ? `${m.slice(0, 199)}…` : m;
}

/** A server that answers PING with PONG (a Redis, not some other service on that port). */
export async function pingRedis(target: RedisTarget, timeoutMs: number): Promise<{ ok: true } | { ok: false; error: string }> {
  const r = await withRedis(target, timeoutMs, (c) => c.send('PING', []));
  if (!r.ok) return r;
  return r.value === 'PONG' ? { ok: true } : { ok: false, error: 'the server there did not answer PING like Redis' };
}

/** The live workers of run `name` on `target`, for the workbench. */
export function queueWorkers(
  target: RedisTarget,
  queue: string,
  timeoutMs: number,
): Promise<{ ok: true; value: QueueWorkerInfo[] } | { ok: false; error: string }> {
  return withRedis(target, timeoutMs, (c) => listWorkers(c, queue));
}
