/** A throwaway `redis-server` on a free loopback port, for the queue tests (skipped by name where it is not installed). */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';

export const REDIS_SERVER = '/usr/bin/redis-server';
/** `skip` value for a test that needs redis-server. */
export const redisSkip: string | false = existsSync(REDIS_SERVER) ? false : 'redis-server is not installed';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = connect({ host: '127.0.0.1', port }, () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

export const exitOf = (c: ChildProcess): Promise<number | null> =>
  c.exitCode !== null || c.signalCode !== null ? Promise.resolve(c.exitCode) : new Promise((r) => c.once('exit', (code) => r(code)));

export interface RedisServer {
  readonly port: number;
  /** `redis://[:password@]127.0.0.1:port/0` */
  readonly url: string;
  stop(): Promise<void>;
}

/** Started, bound to 127.0.0.1 only, no persistence; resolves once it accepts connections. */
export async function startRedis(password?: string): Promise<RedisServer> {
  const port = await freePort();
  const proc = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(password ? ['--requirepass', password] : [])],
    { stdio: 'ignore' },
  );
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await exitOf(proc);
  };
  try {
    await until(() => accepts(port), 10_000, 'redis-server');
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url: `redis://${password ? `:${password}@` : ''}127.0.0.1:${port}/0`, stop };
}
