/**
 * One Lean REPL child process behind a request/response API.
 *
 * The REPL answers strictly in order, so requests are serialized here (one in flight). Every
 * request resolves to a `LeanOutcome`; the process is killed on timeout, cancellation and
 * protocol errors (after any of those its stream position is unknown), and is (re)started lazily
 * before the next request, replaying the configured header command (e.g. `import Mathlib`).
 *
 * Handles: env and proof-state numbers are indices into *this process's* state, so each reply
 * carries the process generation that produced it; a request naming a handle from an older
 * generation gets `staleHandle` instead of silently addressing a different state.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Discovery } from './discover.js';
import type { LeanOutcome } from './outcome.js';
import type { CommandResponse, ProofStepResponse, ReplRequest, ReplResponse } from './protocol.js';
import { decodeResponse, encodeRequest, FrameDecoder, replyKind } from './protocol.js';

export interface ReplOptions {
  /** Default deadline per request (ms from sending it). */
  readonly timeoutMs?: number;
  /** Address-space limit for the child (`ulimit -v`), MiB; 0 disables. Mathlib needs more than the default. */
  readonly memoryLimitMb?: number;
  /** A command sent first after every (re)start; later commands without `env` run on top of its env. */
  readonly header?: string;
  readonly headerTimeoutMs?: number;
  /** How long `close()` waits after closing stdin, and again after SIGTERM, before escalating. */
  readonly killGraceMs?: number;
  readonly stderrTailChars?: number;
}

export interface RequestOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The request names handles from this process generation; refuse if the process restarted since. */
  readonly generation?: number;
  /** For a command request without `env`: run it on the header's environment. */
  readonly inHeaderEnv?: boolean;
}

export interface ReplReply {
  readonly outcome: LeanOutcome<ReplResponse>;
  /** The process generation that served the request (tags the handles in the reply). */
  readonly generation: number;
}

export interface ReplStats {
  readonly generation: number;
  readonly requests: number;
  readonly timeouts: number;
  readonly crashes: number;
  readonly protocolErrors: number;
  readonly cancellations: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_LIMIT_MB = 8192;

interface Waiter {
  readonly kind: 'command' | 'tactic';
  readonly resolve: (o: LeanOutcome<ReplResponse>) => void;
}

/** Per-spawn state: event handlers close over it, so events of a dead process never touch its successor. */
interface Proc {
  readonly child: ChildProcessWithoutNullStreams;
  readonly generation: number;
  readonly decoder: FrameDecoder;
  stderr: string;
  exited: boolean;
  pipesClosed: boolean;
  finalized: boolean;
  waiter: Waiter | undefined;
  code: number | null;
  signal: string | null;
  readonly closed: Promise<void>;
}

export class LeanRepl {
  private proc: Proc | undefined;
  private gen = 0;
  private baseEnv: number | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private closing = false;
  private readonly counters = { requests: 0, timeouts: 0, crashes: 0, protocolErrors: 0, cancellations: 0 };

  constructor(
    private readonly install: Discovery,
    private readonly opts: ReplOptions = {},
  ) {}

  /** Requests waiting or running (for the pool's load balancing). */
  get load(): number {
    return this.queued;
  }
  get generation(): number {
    return this.gen;
  }
  get pid(): number | undefined {
    return this.proc && !this.proc.exited ? this.proc.child.pid : undefined;
  }
  /** Env handle of the header command in the current generation (undefined without a header or before start). */
  get headerEnv(): number | undefined {
    return this.baseEnv;
  }
  stats(): ReplStats {
    return { generation: this.gen, ...this.counters };
  }

  /** Send one request; resolves when it is answered or has failed. Never rejects. */
  request(req: ReplRequest, opts: RequestOptions = {}): Promise<ReplReply> {
    this.queued++;
    const run = async (): Promise<ReplReply> => {
      try {
        return await this.exec(req, opts);
      } finally {
        this.queued--;
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p;
    return p;
  }

  private async exec(req: ReplRequest, opts: RequestOptions): Promise<ReplReply> {
    const reply = (outcome: LeanOutcome<ReplResponse>): ReplReply => ({ outcome, generation: this.gen });
    if (this.closing || opts.signal?.aborted) {
      this.counters.cancellations++;
      return reply({ kind: 'cancelled' });
    }
    if (this.install.kind === 'notInstalled') return reply({ kind: 'notInstalled', reason: this.install.reason });
    if (opts.generation !== undefined && (opts.generation !== this.gen || !this.isAlive())) {
      return reply({
        kind: 'staleHandle',
        detail: `the handle belongs to REPL process generation ${opts.generation}, which ${opts.generation === this.gen ? 'has exited' : `was replaced by generation ${this.gen}`}`,
      });
    }
    if (!this.isAlive()) {
      const failed = await this.start(opts.signal);
      if (failed) return reply(failed);
    }
    let toSend = req;
    if (opts.inHeaderEnv && 'cmd' in req && req.env === undefined && this.baseEnv !== undefined) toSend = { ...req, env: this.baseEnv };
    this.counters.requests++;
    return reply(await this.roundTrip(toSend, opts.timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.signal));
  }

  private isAlive(): boolean {
    const p = this.proc;
    return p !== undefined && !p.exited && !p.finalized && p.child.stdin.writable;
  }

  /** Spawn a fresh process and replay the header; a failure value if either fails. */
  private async start(signal: AbortSignal | undefined): Promise<LeanOutcome<never> | undefined> {
    if (this.install.kind !== 'found') return { kind: 'notInstalled', reason: this.install.reason };
    this.gen++;
    this.baseEnv = undefined;
    this.proc = this.spawnProc(this.gen);
    const header = this.opts.header;
    if (header === undefined || header.trim() === '') return undefined;
    const o = await this.roundTrip({ cmd: header }, this.opts.headerTimeoutMs ?? 300_000, signal);
    // Without its header a process must not serve requests: kill it so the next request retries.
    const proc = this.proc;
    const fail = (f: LeanOutcome<never>): LeanOutcome<never> => {
      this.kill(proc);
      return f;
    };
    if (o.kind === 'leanError')
      return fail({ kind: 'leanError', messages: o.messages.map((m) => ({ ...m, data: `header command failed: ${m.data}` })), repl: true });
    if (o.kind !== 'ok') return fail(o);
    const v = o.value;
    if (v.type !== 'command' || v.env === undefined) return fail({ kind: 'protocolError', detail: 'header command reply has no env' });
    const errors = v.messages.filter((m) => m.severity === 'error');
    if (errors.length > 0) return fail({ kind: 'leanError', messages: errors });
    this.baseEnv = v.env;
    return undefined;
  }

  private spawnProc(generation: number): Proc {
    if (this.install.kind !== 'found') throw new Error('bug: spawnProc without an install');
    const { command, args, cwd, env } = this.install;
    const mb = this.opts.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    // ulimit through sh: portable (prlimit is util-linux only) and `exec` keeps the REPL as the group leader's image.
    const [cmd, argv] =
      mb > 0 ? ['/bin/sh', ['-c', 'ulimit -v "$0" && exec "$@"', String(mb * 1024), command, ...args]] : [command, [...args]];
    // detached: own process group, so `lake exe repl` and its child die together.
    const child = spawn(cmd, argv, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let closedResolve!: () => void;
    const closed = new Promise<void>((r) => (closedResolve = r));
    const p: Proc = {
      child,
      generation,
      decoder: new FrameDecoder(),
      stderr: '',
      exited: false,
      pipesClosed: false,
      finalized: false,
      waiter: undefined,
      code: null,
      signal: null,
      closed,
    };
    const out = new StringDecoder('utf8');
    const tail = this.opts.stderrTailChars ?? 4000;
    child.stdout.on('data', (b: Buffer) => {
      for (const frame of p.decoder.push(out.write(b))) this.onFrame(p, frame);
    });
    child.stderr.on('data', (b: Buffer) => {
      p.stderr = (p.stderr + b.toString('utf8')).slice(-tail);
    });
    child.stdin.on('error', () => {
      /* EPIPE after the child died: the exit handler reports it */
    });
    child.on('error', (e) => {
      p.stderr = (p.stderr + `\n${e.message}`).slice(-tail);
      p.exited = true;
      p.pipesClosed = true;
      this.finalize(p);
      closedResolve();
    });
    child.on('exit', (code, sig) => {
      p.exited = true;
      p.code = code;
      p.signal = sig;
      // stdout may still hold the last reply; 'close' normally follows at once. A grandchild
      // holding the pipe open must not keep a request waiting, hence the short fallback.
      setTimeout(() => this.finalize(p), 250).unref();
    });
    child.on('close', () => {
      p.exited = true;
      p.pipesClosed = true;
      // A frame still buffered here was cut off by the exit: that is a crash, not a reply.
      this.finalize(p);
      closedResolve();
    });
    return p;
  }

  private onFrame(p: Proc, frame: string): void {
    if (p.finalized) return; // late output of a process we already gave up on
    const w = p.waiter;
    if (!w) {
      // Output nobody asked for: the stream is out of step with our requests.
      this.counters.protocolErrors++;
      this.kill(p);
      return;
    }
    p.waiter = undefined;
    const d = decodeResponse(frame, w.kind);
    if (!d.ok) {
      this.counters.protocolErrors++;
      this.kill(p);
      w.resolve({ kind: 'protocolError', detail: d.error });
      return;
    }
    if (d.value.type === 'error') w.resolve({ kind: 'leanError', messages: [replErrorMessage(d.value.message)], repl: true });
    else w.resolve({ kind: 'ok', value: d.value });
  }

  /** The process is gone: fail the in-flight request, if any, as a crash. */
  private finalize(p: Proc): void {
    if (p.finalized) return;
    p.finalized = true;
    const w = p.waiter;
    p.waiter = undefined;
    this.killGroup(p, 'SIGKILL');
    if (w) {
      this.counters.crashes++;
      w.resolve({ kind: 'crashed', code: p.code, signal: p.signal, stderr: p.stderr });
    }
  }

  private roundTrip(req: ReplRequest, timeoutMs: number, signal: AbortSignal | undefined): Promise<LeanOutcome<ReplResponse>> {
    const p = this.proc;
    if (!p || !this.isAlive())
      return Promise.resolve({ kind: 'crashed', code: p?.code ?? null, signal: p?.signal ?? null, stderr: p?.stderr ?? '' });
    if (signal?.aborted) {
      // Aborted while the process was starting: nothing was sent, the process stays usable.
      this.counters.cancellations++;
      return Promise.resolve({ kind: 'cancelled' });
    }
    return new Promise((resolve) => {
      let done = false;
      const settle = (o: LeanOutcome<ReplResponse>): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(o);
      };
      const onAbort = (): void => {
        if (p.waiter !== waiter) return;
        p.waiter = undefined;
        this.counters.cancellations++;
        this.kill(p); // the REPL cannot abandon a running command
        settle({ kind: 'cancelled' });
      };
      const waiter: Waiter = { kind: replyKind(req), resolve: settle };
      p.waiter = waiter;
      const timer = setTimeout(() => {
        if (p.waiter !== waiter) return;
        p.waiter = undefined;
        this.counters.timeouts++;
        this.kill(p);
        settle({ kind: 'timeout', ms: timeoutMs });
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      p.child.stdin.write(encodeRequest(req));
    });
  }

  private kill(p: Proc): void {
    this.killGroup(p, 'SIGKILL');
    p.finalized = true; // its waiter (if any) has been settled by the caller
  }

  private killGroup(p: Proc, sig: NodeJS.Signals): void {
    const pid = p.child.pid;
    // Once the pipes have closed the group may be empty and its id reusable: never signal it then.
    if (pid === undefined || p.pipesClosed) return;
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        p.child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  }

  /**
   * Shut down: pending and queued requests come back `cancelled`; stdin is closed (the REPL
   * exits at end of input), then SIGTERM, then SIGKILL, each after `killGraceMs`.
   */
  async close(): Promise<void> {
    this.closing = true;
    const p = this.proc;
    if (!p) return;
    const w = p.waiter;
    if (w) {
      p.waiter = undefined;
      this.counters.cancellations++;
      w.resolve({ kind: 'cancelled' });
    }
    const grace = this.opts.killGraceMs ?? 1000;
    const wait = (ms: number): Promise<boolean> =>
      Promise.race([p.closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    if (!p.exited) {
      p.child.stdin.end();
      if (!(await wait(grace))) {
        this.killGroup(p, 'SIGTERM');
        if (!(await wait(grace))) {
          this.killGroup(p, 'SIGKILL');
          await wait(grace);
        }
      }
    }
    p.finalized = true;
    await this.chain.catch(() => undefined);
  }
}

function replErrorMessage(message: string): { pos: { line: number; column: number }; endPos: null; severity: 'error'; data: string } {
  return { pos: { line: 0, column: 0 }, endPos: null, severity: 'error', data: message };
}

export type { CommandResponse, ProofStepResponse };
