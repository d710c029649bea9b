/**
 * Redis URLs and connections for the queue mode. A URL may carry a password, so
 * it is parsed once here and only its redacted form is ever printed or written.
 */
import { createBunRedisClient } from 'bullmq';
import type { IRedisClient } from 'bullmq';
import type { Result } from '../../logic/source.js';
import { RespClient } from './resp.js';
import type { RedisTarget } from './resp.js';

export type { RedisTarget } from './resp.js';

/** `redis://[user[:password]@]host[:port][/db]`; errors never repeat the password. */
export function parseRedisUrl(url: string): Result<RedisTarget, string> {
  const shown = redactRedisUrl(url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, error: `not a URL: ${shown} (expected redis://HOST:PORT[/DB])` };
  }
  if (u.protocol === 'rediss:')
    return { ok: false, error: `${shown}: TLS (rediss://) is not supported; use a tunnel or a private network` };
  if (u.protocol !== 'redis:') return { ok: false, error: `${shown}: expected a redis:// URL` };
  if (!u.hostname) return { ok: false, error: `${shown}: no host` };
  const port = u.port === '' ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `${shown}: bad port` };
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 1_000_000) return { ok: false, error: `${shown}: bad database number '${dbText}'` };
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  return {
    ok: true,
    value: {
      host,
      port,
      db,
      // `redis://:secret@host` is a password alone (Redis before ACLs).
      ...(username && password !== undefined ? { username } : {}),
      ...(password !== undefined ? { password } : username ? { password: username } : {}),
    },
  };
}

/** `--queue` value: a URL, or `env:NAME` to read it from the environment (keeps a password out of `ps`). */
export function queueTarget(v: string, env: Readonly<Record<string, string | undefined>> = process.env): Result<RedisTarget, string> {
  const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(v);
  if (!m) return parseRedisUrl(v);
  const url = env[m[1]!];
  return url ? parseRedisUrl(url) : { ok: false, error: `environment variable ${m[1]} is not set` };
}

/** The URL with any user/password replaced by `***`: what logs, progress lines and reports may show. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1***@');
}

/** The target as printable text (never the password). */
export function describeTarget(t: RedisTarget): string {
  return `redis://${t.password !== undefined ? '***@' : ''}${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}/${t.db}`;
}

/**
 * A BullMQ connection to the target. Each Queue/Worker/QueueEvents gets its own
 * (BullMQ duplicates it for blocking reads); the caller disconnects it after closing them.
 */
export function redisConnection(t: RedisTarget): IRedisClient {
  return createBunRedisClient(new RespClient(t) as unknown as Parameters<typeof createBunRedisClient>[0]);
}

/** BullMQ queue names may not hold ':' (its key separator); run names are kept to a safe alphabet. */
export function queueName(run: string): string | undefined {
  return /^[A-Za-z0-9._-]{1,100}$/.test(run) ? `entail-${run}` : undefined;
}
