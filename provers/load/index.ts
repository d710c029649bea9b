/**
 * Loading problems from disk: reads a file (UTF-8; binary content is an error value),
 * detects its dialect, and resolves TPTP includes relative to the including file's
 * folder and then to $TPTP. Include cycles are reported by the parser (it tracks the
 * stack of files being read). Never throws: every failure is a ParseError value.
 *
 * Every byte comes through the bounded reader (read.ts). Includes are fetched
 * asynchronously before parsing, by walking the include directives of each text, and
 * the parser's synchronous resolver answers from what was fetched. Why not a
 * synchronous resolver doing bounded reads: a synchronous read blocks the event loop
 * for its whole length, cannot be abandoned at the deadline, and would put Node I/O in
 * the loop of a parser that is otherwise pure.
 *
 * Includes are confined to the include roots: the problem's folder, the TPTP root and
 * `includeRoots`, compared by realpath (so neither `..` nor a symbolic link leaves
 * them), unless `allowIncludeAnywhere` is set.
 */
import { realpath } from 'node:fs/promises';
import { dirname, resolve, isAbsolute, sep } from 'node:path';
import type { Dialect, Problem } from '../logic/problem.js';
import type { ParseError, Result } from '../logic/source.js';
import { ok, err } from '../logic/source.js';
import type { IncludeResolver } from '../logic/syntax/index.js';
import { detectDialect, parseProblem, tptpIncludes } from '../logic/syntax/index.js';
import { DEFAULT_MAX_BYTES, errnoMessage, readBounded } from './read.js';

export { DEFAULT_MAX_BYTES, readBounded } from './read.js';
export type { ReadFailure, ReadLimits } from './read.js';

export interface LoadOptions {
  readonly dialect?: Dialect;
  readonly name?: string;
  /** TPTP library root for includes; defaults to the TPTP environment variable. */
  readonly tptpRoot?: string;
  /** Follow includes wherever they point (the CLI's --allow-include-anywhere). Default false. */
  readonly allowIncludeAnywhere?: boolean;
  /** Folders includes may read from, besides the problem's folder and the TPTP root. */
  readonly includeRoots?: readonly string[];
  /** Size cap in bytes for each file and for the problem with all its includes (default 64 MiB). */
  readonly maxBytes?: number;
  /** Epoch milliseconds: reading stops with an error value once it has passed. */
  readonly deadline?: number;
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

interface Root {
  readonly label: string;
  readonly lexical: string;
  readonly real: string;
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function rootsOf(problemFile: string, tptpRoot: string | undefined, extra: readonly string[]): Promise<Root[]> {
  const wanted: { label: string; path: string }[] = [{ label: "the problem's folder", path: dirname(resolve(problemFile)) }];
  if (tptpRoot) wanted.push({ label: '$TPTP', path: resolve(tptpRoot) });
  for (const r of extra) wanted.push({ label: 'an include root', path: resolve(r) });
  const out: Root[] = [];
  for (const w of wanted) {
    try {
      out.push({ label: w.label, lexical: w.path, real: await realpath(w.path) });
    } catch {
      // A root that does not exist confines nothing and allows nothing.
    }
  }
  return out;
}

interface Fetched {
  readonly text: string;
  readonly file: string;
}

interface FetchState {
  readonly roots: readonly Root[];
  readonly tptpRoot: string | undefined;
  readonly anywhere: boolean;
  readonly maxBytes: number;
  readonly deadline: number | undefined;
  /** Bytes still allowed for this problem (the cap covers the problem and all its includes). */
  budget: number;
}

function rootsList(roots: readonly Root[]): string {
  return roots.length === 0 ? 'none exist' : roots.map((r) => `${r.label} ${r.real}`).join(', ');
}

/** Find, confine and read one include. The message never contains the file's content. */
async function fetchInclude(path: string, fromFile: string, st: FetchState): Promise<Result<Fetched, string>> {
  const candidates: string[] = [];
  if (isAbsolute(path)) candidates.push(resolve(path));
  else {
    candidates.push(resolve(dirname(fromFile), path));
    if (st.tptpRoot) candidates.push(resolve(st.tptpRoot, path));
  }
  let last = 'no such file';
  let refused: string | undefined;
  for (const c of candidates) {
    let real: string;
    try {
      real = await realpath(c);
    } catch (e) {
      last = errnoMessage(e);
      continue;
    }
    if (!st.anywhere && !st.roots.some((r) => inside(real, r.real))) {
      const lexicallyInside = st.roots.some((r) => inside(c, r.lexical) || inside(c, r.real));
      refused = lexicallyInside
        ? `refused by the include-roots rule: ${c} is a symbolic link to ${real}, outside the include roots (${rootsList(st.roots)}); --allow-include-anywhere lifts the rule`
        : `refused by the include-roots rule: ${c} is outside the include roots (${rootsList(st.roots)}); --allow-include-anywhere lifts the rule`;
      continue;
    }
    const bytes = await readBounded(real, { maxBytes: Math.min(st.maxBytes, st.budget), deadline: st.deadline });
    if (!bytes.ok) {
      if (bytes.error.rule === 'missing') {
        last = bytes.error.message;
        continue;
      }
      if (bytes.error.rule === 'too-large' && st.budget < st.maxBytes)
        return err(`${c}: ${bytes.error.message} (what is left of the limit for the problem and its includes together)`);
      return err(`${c}: ${bytes.error.message}`);
    }
    st.budget -= bytes.value.length;
    const text = decodeText(bytes.value);
    if (!text.ok) return err(`${c}: ${text.error}`);
    return ok({ text: text.value, file: real });
  }
  if (refused !== undefined) return err(refused);
  return err(`${last} (looked in ${candidates.join(', ')}${st.tptpRoot ? '' : '; $TPTP is not set'})`);
}

const key = (path: string, fromFile: string): string => `${fromFile}\u0000${path}`;

/**
 * Fetch every include reachable from `root`, breadth first, each distinct file once.
 * Failures are kept as values: the parser reports them at the directive's position.
 */
async function fetchAll(root: Fetched, st: FetchState): Promise<Map<string, Result<Fetched, string>>> {
  const got = new Map<string, Result<Fetched, string>>();
  const seen = new Set<string>([root.file]);
  const queue: Fetched[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const inc of tptpIncludes(from.text)) {
      const k = key(inc.path, from.file);
      if (got.has(k)) continue;
      const r = await fetchInclude(inc.path, from.file, st);
      got.set(k, r);
      if (r.ok && !seen.has(r.value.file)) {
        seen.add(r.value.file);
        queue.push(r.value);
      }
      // Past the deadline every further read fails the same way; stop fetching.
      if (!r.ok && st.deadline !== undefined && Date.now() >= st.deadline) return got;
    }
  }
  return got;
}

export async function loadProblem(path: string, opts: LoadOptions = {}): Promise<Result<Problem>> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = await readBounded(path, { maxBytes, deadline: opts.deadline });
  if (!bytes.ok) return err(fileError(path, `cannot read file: ${bytes.error.message}`));
  const text = decodeText(bytes.value);
  if (!text.ok) return err(fileError(path, text.error));
  return parseLoaded(text.value, path, bytes.value.length, opts);
}

/**
 * A problem given as text (standard input, an editor buffer) that stands at `path`:
 * its includes are read under the same rules as a file's at that place.
 */
export async function loadProblemText(text: string, path: string, opts: LoadOptions = {}): Promise<Result<Problem>> {
  return parseLoaded(text, path, Buffer.byteLength(text), opts);
}

async function parseLoaded(text: string, path: string, size: number, opts: LoadOptions): Promise<Result<Problem>> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) return err(fileError(path, `too large: ${size} bytes, the limit is ${maxBytes}`));
  const dialect = opts.dialect ?? detectDialect(text, path);
  let includes: IncludeResolver | undefined;
  if (dialect === 'tptp') {
    const tptpRoot = opts.tptpRoot ?? process.env.TPTP;
    const st: FetchState = {
      roots: opts.allowIncludeAnywhere ? [] : await rootsOf(path, tptpRoot, opts.includeRoots ?? []),
      tptpRoot: tptpRoot || undefined,
      anywhere: opts.allowIncludeAnywhere === true,
      maxBytes,
      deadline: opts.deadline,
      budget: maxBytes - size,
    };
    const fetched = await fetchAll({ text, file: path }, st);
    includes = (p, fromFile) => fetched.get(key(p, fromFile ?? path)) ?? err('not fetched (an include inside a skipped part of the file)');
  }
  return parseProblem(text, { file: path, dialect, name: opts.name, includes });
}
