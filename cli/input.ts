/**
 * Loading the problem a command was given: a path, or `-` for standard input.
 * Input problems are values (SZS InputError / SyntaxError / OSError), never throws.
 */
import { isAbsolute, join } from 'node:path';
import type { CliIo } from './io.js';
import type { Dialect, Problem } from '../provers/logic/problem.js';
import type { ParseError, Result } from '../provers/logic/source.js';
import { err } from '../provers/logic/source.js';
import { loadProblem, loadProblemText } from '../provers/load/index.js';

export interface InputOptions {
  readonly dialect?: Dialect;
  readonly allowIncludeAnywhere?: boolean;
}

/** The SZS status for a problem that could not be read or parsed. */
export type InputFailure = 'SyntaxError' | 'InputError' | 'OSError';

export interface LoadFailure {
  readonly szs: InputFailure;
  readonly error: ParseError;
  /** The name an SZS line uses for the problem: the file's base name without extension. */
  readonly name: string;
}

export function problemNameOf(arg: string): string {
  if (arg === '-') return 'stdin';
  const base = arg.split(/[\\/]/).pop() ?? arg;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function resolvePath(arg: string, io: CliIo): string {
  return isAbsolute(arg) ? arg : join(io.cwd, arg);
}

function classify(e: ParseError): InputFailure {
  if (/cannot read|no such file|ENOENT|EACCES|EISDIR|not a regular file/i.test(e.message)) return 'OSError';
  if (e.line > 0) return 'SyntaxError';
  return 'InputError';
}

export async function loadInput(arg: string, io: CliIo, opts: InputOptions): Promise<Result<Problem, LoadFailure>> {
  const name = problemNameOf(arg);
  let res: Result<Problem>;
  if (arg === '-') {
    if (!io.readStdin)
      return err({ szs: 'OSError', name, error: { file: '<stdin>', line: 0, col: 0, message: 'no standard input', excerpt: '' } });
    let text: string;
    try {
      text = await io.readStdin();
    } catch (e) {
      return err({ szs: 'OSError', name, error: { file: '<stdin>', line: 0, col: 0, message: (e as Error).message, excerpt: '' } });
    }
    const at = join(io.cwd, '<stdin>');
    res = await loadProblemText(text, at, {
      name,
      ...(opts.dialect ? { dialect: opts.dialect } : {}),
      ...(opts.allowIncludeAnywhere ? { allowIncludeAnywhere: true } : {}),
    });
    if (!res.ok && res.error.file === at) res = err({ ...res.error, file: '<stdin>' });
  } else {
    const path = resolvePath(arg, io);
    res = await loadProblem(path, {
      ...(opts.dialect ? { dialect: opts.dialect } : {}),
      ...(opts.allowIncludeAnywhere ? { allowIncludeAnywhere: true } : {}),
    });
    if (!res.ok && res.error.file === path) res = err({ ...res.error, file: arg });
  }
  if (res.ok) return res;
  return err({ szs: classify(res.error), name, error: res.error });
}
