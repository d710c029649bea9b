/**
 * The batch journal: append-only JSONL, one line per finished problem, fsync'd
 * before the result is announced, so a `kill -9` loses at most the problems
 * that were running. A torn last line (killed mid-write) is ignored on read.
 *
 * Lines: `{"type":"session",...}` when a run starts (or resumes), then
 * `{"type":"result","result":{...}}` per problem.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProblemResult } from './types.js';

export interface JournalSession {
  readonly type: 'session';
  readonly started: string;
  readonly resume: boolean;
  readonly provers: readonly string[];
  readonly timeout_s: number;
  readonly paths: readonly string[];
  /** Problems in this run (in its shard, when sharded): what a merge needs to tell a finished shard from a partial one. */
  readonly problems?: number;
  /** `I/N` when the run was one shard of N. */
  readonly shard?: string;
}

export interface JournalContents {
  readonly sessions: readonly JournalSession[];
  /** Results by problem key; a key journaled twice keeps the first (and is counted in `duplicates`). */
  readonly results: ReadonlyMap<string, ProblemResult>;
  readonly duplicates: number;
  /** Lines that did not parse (a torn tail after a kill). */
  readonly badLines: number;
}

export function readJournal(path: string): JournalContents {
  const sessions: JournalSession[] = [];
  const results = new Map<string, ProblemResult>();
  let duplicates = 0;
  let badLines = 0;
  if (!existsSync(path)) return { sessions, results, duplicates, badLines };
  const text = readFileSync(path, 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let obj: { type?: string; result?: ProblemResult };
    try {
      obj = JSON.parse(line) as typeof obj;
    } catch {
      badLines++;
      continue;
    }
    if (obj.type === 'session') sessions.push(obj as unknown as JournalSession);
    else if (obj.type === 'result' && obj.result && typeof obj.result.key === 'string') {
      if (results.has(obj.result.key)) duplicates++;
      else results.set(obj.result.key, obj.result);
    } else badLines++;
  }
  return { sessions, results, duplicates, badLines };
}

/** An open journal. Writes are synchronous and fsync'd: durability matters more than the microseconds. */
export class JournalWriter {
  private fd: number | undefined;

  constructor(
    readonly path: string,
    truncate: boolean,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, truncate ? 'w' : 'a');
    // A torn last line from a killed run would glue onto our first line: start on a fresh line.
    if (!truncate) {
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      if (text.length > 0 && !text.endsWith('\n')) writeSync(this.fd, '\n');
    }
  }

  private write(obj: unknown): void {
    if (this.fd === undefined) throw new Error('journal already closed'); // a bug: results after close
    writeSync(this.fd, JSON.stringify(obj) + '\n');
    fsyncSync(this.fd);
  }

  session(s: Omit<JournalSession, 'type'>): void {
    this.write({ type: 'session', ...s });
  }

  result(r: ProblemResult): void {
    this.write({ type: 'result', result: r });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
