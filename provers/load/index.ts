/**
 * Loading problems from disk: reads a file (UTF-8; binary content is an error value),
 * detects its dialect, and resolves TPTP includes relative to the including file's
 * folder and then to $TPTP. Include cycles are reported by the parser (it tracks the
 * stack of files being read). Never throws: every failure is a ParseError value.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve, isAbsolute } from 'node:path';
import type { Dialect, Problem } from '../logic/problem.js';
import type { ParseError, Result } from '../logic/source.js';
import { ok, err } from '../logic/source.js';
import type { IncludeResolver } from '../logic/syntax/index.js';
import { parseProblem } from '../logic/syntax/index.js';

export interface LoadOptions {
  readonly dialect?: Dialect;
  readonly name?: string;
  /** TPTP library root for includes; defaults to the TPTP environment variable. */
  readonly tptpRoot?: string;
  /** Allow include() of files outside the include roots (the user asked for it on the command line). */
  readonly allowIncludeAnywhere?: boolean;
  /** Folders an include() may read from. */
  readonly includeRoots?: readonly string[];
  /** Largest problem file read, in bytes. */
  readonly maxBytes?: number;
}

/** Decode file bytes as UTF-8 text, refusing binary content (NUL bytes or invalid UTF-8). */
export function decodeText(bytes: Uint8Array): Result<string, string> {
  const probe = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return err('not a text file (binary content: NUL byte)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return err('not a text file (invalid UTF-8)');
  }
}

function fileError(file: string, message: string): ParseError {
  return { file, line: 1, col: 1, message, excerpt: '' };
}

function errnoMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message ?? String(e);
}

/** Include resolver reading from disk: the including file's folder first, then the TPTP root. */
export function diskIncludeResolver(tptpRoot: string | undefined = process.env.TPTP): IncludeResolver {
  return (path, fromFile) => {
    const candidates: string[] = [];
    if (isAbsolute(path)) candidates.push(path);
    else {
      candidates.push(resolve(fromFile !== undefined ? dirname(fromFile) : '.', path));
      if (tptpRoot) candidates.push(resolve(tptpRoot, path));
    }
    let last = 'no such file';
    for (const c of candidates) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(c);
      } catch (e) {
        last = errnoMessage(e);
        continue;
      }
      const text = decodeText(bytes);
      if (!text.ok) return err(`${c}: ${text.error}`);
      return ok({ text: text.value, file: c });
    }
    return err(`${last} (looked in ${candidates.join(', ')}${tptpRoot ? '' : '; $TPTP is not set'})`);
  };
}

export async function loadProblem(path: string, opts: LoadOptions = {}): Promise<Result<Problem>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return err(fileError(path, `cannot read file: ${errnoMessage(e)}`));
  }
  const text = decodeText(bytes);
  if (!text.ok) return err(fileError(path, text.error));
  return parseProblem(text.value, {
    file: path,
    dialect: opts.dialect,
    name: opts.name,
    includes: diskIncludeResolver(opts.tptpRoot ?? process.env.TPTP),
  });
}
