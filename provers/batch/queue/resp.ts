/**
 * A minimal Redis connection (RESP2 over TCP) with the shape of Bun's `RedisClient`
 * (`send`, `connected`, `onconnect`/`onclose`, `duplicate`), so BullMQ's own Bun
 * adapter (`createBunRedisClient`) drives it: BullMQ supplies every command, script
 * and reconnect policy; this file only frames commands and parses replies.
 *
 * Replies are bounded (a bulk string or array larger than the caps is a protocol
 * error that closes the connection), since the server address comes from the user.
 */
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';

export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
}

/** Largest bulk string accepted from the server (a job's payload is far smaller). */
const MAX_BULK_BYTES = 256 * 1024 * 1024;
const MAX_ARRAY_ITEMS = 16 * 1024 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;

type Reply = string | number | null | Error | Reply[];

class ProtocolError extends Error {}

/** Parse one reply at `pos`; undefined when the buffer does not hold all of it yet. */
function parseReply(buf: Buffer, pos: number): { value: Reply; end: number } | undefined {
  if (pos >= buf.length) return undefined;
  const eol = buf.indexOf('\r\n', pos + 1);
  if (eol < 0) {
    if (buf.length - pos > 64 * 1024) throw new ProtocolError('reply header too long');
    return undefined;
  }
  const type = String.fromCharCode(buf[pos]!);
  const line = buf.toString('utf8', pos + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const n = Number(line);
      if (n === -1) return { value: null, end: next };
      if (!Number.isInteger(n) || n < 0 || n > MAX_BULK_BYTES) throw new ProtocolError(`bad bulk length ${line.slice(0, 20)}`);
      if (buf.length < next + n + 2) return undefined;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n === -1) return { value: null, end: next };
      if (!Number.isInteger(n) || n < 0 || n > MAX_ARRAY_ITEMS) throw new ProtocolError(`bad array length ${line.slice(0, 20)}`);
      const items: Reply[] = [];
      let at = next;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, at);
        if (!r) return undefined;
        items.push(r.value);
        at = r.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new ProtocolError(`unexpected reply type ${JSON.stringify(type)}`);
  }
}

function encode(cmd: string, args: readonly unknown[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length + 1}\r\n$${Buffer.byteLength(cmd)}\r\n${cmd}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(a === undefined || a === null ? '' : String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

interface Pending {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
}

export class RespClient {
  connected = false;
  onconnect: (() => void) | undefined;
  onclose: ((error?: Error) => void) | undefined;
  onerror: ((error: Error) => void) | undefined;
  private socket: Socket | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private closedByUs = false;

  constructor(private readonly target: RedisTarget) {}

  /** Open the socket, authenticate and select the database; `onconnect` fires before this resolves. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host: this.target.host, port: this.target.port });
      this.socket = socket;
      this.closedByUs = false;
      socket.setNoDelay(true);
      socket.setTimeout(CONNECT_TIMEOUT_MS);
      let opened = false;
      socket.on('timeout', () => {
        if (!opened) socket.destroy(new Error(`Connection has failed: no answer from ${this.target.host}:${this.target.port}`));
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (e) => {
        if (!opened) reject(e);
        else this.onerror?.(e);
      });
      socket.on('close', () => {
        const was = this.connected || opened;
        this.connected = false;
        this.socket = undefined;
        this.buf = Buffer.alloc(0);
        for (const p of this.pending.splice(0)) p.reject(new Error('Connection closed'));
        if (was) this.onclose?.(this.closedByUs ? undefined : new Error('Connection closed'));
      });
      socket.on('connect', () => {
        socket.setTimeout(0);
        void (async () => {
          try {
            const t = this.target;
            if (t.password !== undefined) await this.raw('AUTH', t.username ? [t.username, t.password] : [t.password]);
            if (t.db !== 0) await this.raw('SELECT', [String(t.db)]);
          } catch (e) {
            socket.destroy();
            reject(e as Error);
            return;
          }
          opened = true;
          this.connected = true;
          this.onconnect?.();
          resolve();
        })();
      });
    });
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    let pos = 0;
    try {
      for (;;) {
        const r = parseReply(this.buf, pos);
        if (!r) break;
        pos = r.end;
        const p = this.pending.shift();
        if (!p) throw new ProtocolError('reply without a request');
        if (r.value instanceof Error) p.reject(r.value);
        else p.resolve(r.value);
      }
    } catch (e) {
      this.socket?.destroy(e as Error);
      return;
    }
    this.buf = pos === this.buf.length ? Buffer.alloc(0) : this.buf.subarray(pos);
  }

  private raw(cmd: string, args: readonly unknown[]): Promise<unknown> {
    const s = this.socket;
    if (!s || s.destroyed) return Promise.reject(new Error('Connection is closed.'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      s.write(encode(cmd, args));
    });
  }

  /** One command; error replies reject (inside EXEC's array they stay Error values, as BullMQ expects). */
  send(cmd: string, args: readonly unknown[]): Promise<unknown> {
    if (!this.connected) return Promise.reject(new Error('Connection is closed.'));
    return this.raw(cmd, args);
  }

  close(): void {
    this.closedByUs = true;
    this.connected = false;
    this.socket?.end();
    this.socket?.destroy();
  }

  disconnect(): void {
    this.close();
  }

  /** A fresh, unconnected client to the same server (BullMQ's blocking connections). */
  duplicate(): Promise<RespClient> {
    return Promise.resolve(new RespClient(this.target));
  }
}
