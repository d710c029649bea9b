/**
 * Which Redis a batch request may make the service connect to. The URL arrives in an API request, so
 * it is hostile twice over: it may carry a password (which no answer, row, report, log line or error
 * may repeat), and it names a host the service then connects to on the caller's behalf (server-side
 * request forgery: a page or a compromised renderer steering the engine at an internal service). By
 * default only loopback hosts are allowed; `entail serve --queue-host HOST` (repeatable) allows more.
 * docs/security.md says why.
 */
import type { RedisTarget } from '../provers/batch/queue/resp.js';

export interface QueueRequest {
  readonly url: string;
  readonly name: string;
}

export interface CheckedQueue {
  readonly target: RedisTarget;
  readonly name: string;
  /** `redis://[***@]host:port/db`: what messages may show. */
  readonly shown: string;
}

/** What the batch module provides for checking (loaded lazily with the engine). */
export interface QueueParsing {
  parseRedisUrl(url: string): { ok: true; value: RedisTarget } | { ok: false; error: string };
  queueName(run: string): string | undefined;
  describeTarget(t: RedisTarget): string;
}

/** A host name as URL parsing leaves it (lower case, IPv4 shorthands expanded, IPv6 without brackets), or undefined. */
export function normalizeHost(host: string): string | undefined {
  if (host.length === 0 || host.length > 255 || /[\s/@?#]/.test(host)) return undefined;
  try {
    // http: a special scheme, so the WHATWG parser lower-cases, expands 127.1 and checks the host (redis: leaves it opaque).
    const h = new URL(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}`).hostname;
    return h.replace(/^\[(.*)\]$/, '$1') || undefined;
  } catch {
    return undefined;
  }
}

/** 127.0.0.0/8, ::1 and `localhost`: reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m[1] === '127' && m.slice(2).every((x) => Number(x) <= 255);
}

export function checkQueueRequest(
  q: QueueRequest,
  allowedHosts: readonly string[],
  p: QueueParsing,
): { ok: true; value: CheckedQueue } | { ok: false; issue: string } {
  const t = p.parseRedisUrl(q.url.trim());
  if (!t.ok) return { ok: false, issue: `queue URL: ${t.error}` };
  let shown = p.describeTarget(t.value);
  if (!p.queueName(q.name)) return { ok: false, issue: 'queue run name: letters, digits, . _ - only (at most 100)' };
  const host = normalizeHost(t.value.host);
  if (!host) return { ok: false, issue: `queue URL ${shown}: bad host` };
  shown = p.describeTarget({ ...t.value, host });
  if (!isLoopbackHost(host) && !allowedHosts.includes(host))
    return {
      ok: false,
      issue: `queue URL ${shown}: host ${host} is not allowed; the engine connects only to loopback hosts${
        allowedHosts.length > 0 ? ` and ${allowedHosts.join(', ')}` : ''
      } (start it with \`entail serve --queue-host ${host}\` to allow this one)`,
    };
  return { ok: true, value: { target: { ...t.value, host }, name: q.name, shown } };
}

/** A message with the target's credentials blanked: the last guard before text leaves the service. */
export function scrubSecrets(text: string, t: RedisTarget): string {
  let m = text;
  if (t.password) m = m.split(t.password).join('***');
  return m;
}
