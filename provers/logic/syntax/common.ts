/** Small helpers shared by the problem parsers. */
import type { SourcePos } from '../source.js';
import type { Result } from '../source.js';
import { ROLES } from '../problem.js';
import type { Role } from '../problem.js';

/**
 * How parseProblem reads an included file. Injected (never Node I/O here) so the
 * syntax layer stays pure; provers/load supplies one that reads the disk.
 * `fromFile` is the including file (for relative resolution); the returned `file`
 * is the resolved identity used for cycle detection and error positions.
 */
export type IncludeResolver = (path: string, fromFile: string | undefined) => Result<{ text: string; file: string }, string>;

/** Maps offsets to 1-based line/col in O(log lines) (positionAt is linear per call). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  pos(offset: number, file?: string): SourcePos {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return file === undefined ? { line: lo + 1, col: offset - s[lo]! + 1 } : { file, line: lo + 1, col: offset - s[lo]! + 1 };
  }
}

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function asRole(s: string): Role | undefined {
  return ROLE_SET.has(s) ? (s as Role) : undefined;
}

/** `dir/SYN001+1.p` → `SYN001+1`. Pure string work: this layer has no node:path. */
export function baseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const base = file.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function dirName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash);
}
