/**
 * Run one external program under hard limits and always clean up after it.
 *
 * Why a process group: provers fork helpers (E's schedule runner, shell pipes
 * such as `tptp_to_ladr | prover9`), and killing only the direct child leaves
 * those running and eating the two shared cores. Every child is spawned
 * detached (its own group) and the whole group gets SIGKILL at the wall-clock
 * limit, on abort, and after a normal exit (to reap stragglers).
 *
 * CPU and memory limits go through `prlimit` (util-linux) when available; the
 * wall-clock limit is always ours. Everything is reported as a value.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface Limits {
  /** Wall-clock limit in ms; the process group is SIGKILLed when it passes. */
  readonly wallMs: number;
  /** CPU seconds (RLIMIT_CPU via prlimit); the prover's own flag should be set too. */
  readonly cpuS?: number;
  /** Address-space limit in MiB (RLIMIT_AS via prlimit). */
  readonly memMb?: number;
}

export interface RunOptions {
  readonly limits: Limits;
  readonly stdin?: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Bytes kept per stream; the rest is dropped and `truncated` set. */
  readonly maxOutputBytes?: number;
}

export type ProcOutcome =
  | {
      readonly kind: 'exited';
      /** Exit code, or null when killed by a signal. */
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      readonly stdout: string;
      readonly stderr: string;
      readonly wallMs: number;
      /** True when we killed it at the wall-clock limit. */
      readonly timedOut: boolean;
      /** True when we killed it because the caller aborted. */
      readonly aborted: boolean;
      readonly truncated: boolean;
      /** The command line actually run (for reports and reproduction). */
      readonly command: readonly string[];
    }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'spawnError'; readonly message: string };

/** Find an executable: absolute/relative paths are checked as given, bare names searched on PATH. */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const isExec = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return isExec(name) ? name : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, name);
    if (isExec(p)) return isAbsolute(p) ? p : join(process.cwd(), p);
  }
  return undefined;
}

/**
 * Live process groups of this Node process. Module-level on purpose: it is the
 * only way to kill them when Node itself exits (Ctrl-C, uncaught error), and it
 * is touched only by spawn/exit bookkeeping.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid);
  });
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone, which is what we want.
  }
}

/**
 * Is any live (non-zombie) process left in this group? Killed orphans are
 * reparented to PID 1, which may reap them late, so zombies do not count.
 * Reads /proc on Linux; elsewhere falls back to a signal-0 probe.
 */
export function groupAlive(pgid: number): boolean {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Fields after the parenthesized command: state ppid pgrp ...
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(rest[2]) === pgid && rest[0] !== 'Z') return true;
  }
  return false;
}

const PRLIMIT = which('prlimit', { PATH: '/usr/bin:/bin:/usr/sbin:/sbin' });

/** The argv actually spawned: wrapped in prlimit when CPU/memory limits are asked for. */
export function wrapWithLimits(binary: string, args: readonly string[], limits: Limits): string[] {
  const pre: string[] = [];
  if (PRLIMIT && (limits.cpuS !== undefined || limits.memMb !== undefined)) {
    pre.push(PRLIMIT);
    // Soft limit = the budget (SIGXCPU lets the prover print a status); hard one second later.
    if (limits.cpuS !== undefined) pre.push(`--cpu=${Math.ceil(limits.cpuS)}:${Math.ceil(limits.cpuS) + 1}`);
    if (limits.memMb !== undefined) pre.push(`--as=${Math.floor(limits.memMb * 1024 * 1024)}`);
    pre.push('--');
  }
  return [...pre, binary, ...args];
}

/** Spawn `binary args` (binary must already be resolved) under the limits; never throws. */
export function runLimited(binary: string, args: readonly string[], opts: RunOptions): Promise<ProcOutcome> {
  const resolved = which(binary, opts.env ?? process.env);
  if (!resolved) return Promise.resolve({ kind: 'notFound', message: `${binary}: not found${binary.includes('/') ? '' : ' on PATH'}` });
  const argv = wrapWithLimits(resolved, args, opts.limits);
  const maxBytes = opts.maxOutputBytes ?? 64 * 1024 * 1024;
  installExitHook();
  return new Promise((resolve) => {
    const start = Date.now();
    let child;
    try {
      child = spawn(argv[0]!, argv.slice(1), {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      resolve({ kind: 'spawnError', message: `${binary}: ${(e as Error).message}` });
      return;
    }
    const pid = child.pid;
    if (pid === undefined) {
      child.once('error', (e) => resolve({ kind: 'spawnError', message: `${binary}: ${e.message}` }));
      return;
    }
    liveGroups.add(pid);
    const out: Buffer[] = [];
    const errb: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    let truncated = false;
    child.stdout.on('data', (b: Buffer) => {
      if (outLen < maxBytes) out.push(b);
      else truncated = true;
      outLen += b.length;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errLen < maxBytes) errb.push(b);
      else truncated = true;
      errLen += b.length;
    });
    // A prover that exits before reading stdin makes the write fail with EPIPE: harmless.
    child.stdin.on('error', () => undefined);
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();

    let timedOut = false;
    let aborted = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid);
    }, opts.limits.wallMs);
    const onAbort = (): void => {
      aborted = true;
      killGroup(pid);
    };
    if (opts.signal) {
      if (opts.signal.aborted) onAbort();
      else opts.signal.addEventListener('abort', onAbort, { once: true });
    }
    let spawnErr: Error | undefined;
    child.once('error', (e) => {
      spawnErr = e;
    });
    // 'close' (not 'exit'): all output has been read. A grandchild holding the
    // pipes open would delay 'close', so the group is also killed on 'exit'.
    child.once('exit', () => killGroup(pid));
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      killGroup(pid);
      liveGroups.delete(pid);
      if (spawnErr && code === null && sig === null) {
        resolve({ kind: 'spawnError', message: `${binary}: ${spawnErr.message}` });
        return;
      }
      resolve({
        kind: 'exited',
        code,
        signal: sig,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(errb).toString('utf8'),
        wallMs: Date.now() - start,
        timedOut,
        aborted,
        truncated,
        command: argv,
      });
    });
  });
}
