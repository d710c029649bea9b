/**
 * Turn the command-line paths (files, folders, globs) into a sorted, de-duplicated
 * list of problem files, reporting every path we could not use instead of
 * failing: symlink loops, dangling links, unreadable folders.
 *
 * Loops are found by device:inode of the directories on the current descent
 * (a link back to an ancestor); a folder reached twice through different links
 * is walked once, and a file reached twice is run once (by real path).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export type WalkEntry =
  | { readonly kind: 'file'; readonly absPath: string; readonly path: string }
  | {
      readonly kind: 'issue';
      readonly absPath: string;
      readonly path: string;
      readonly message: string;
      /** A path the user named that gives nothing (missing, a glob matching nothing) is an input error; a bad link met inside a folder is skipped. */
      readonly named?: boolean;
    };

/** Extensions picked up when walking a folder (a file named explicitly is always taken). */
export const PROBLEM_EXTENSIONS = ['.p', '.tptp', '.in', '.jsonl', '.json', '.lean'] as const;

export function hasProblemExtension(name: string): boolean {
  // Batch journals (`*.journal.jsonl`) live beside reports, often inside the folder being verified.
  if (name.endsWith('.journal.jsonl')) return false;
  return PROBLEM_EXTENSIONS.some((e) => name.endsWith(e));
}

/** A path with glob syntax (`*`, `?`, `[...]`, `{a,b}`, extglobs), as picomatch reads it. */
export function isGlob(p: string): boolean {
  return picomatch.scan(p).isGlob;
}

/** The folder a glob walks from (its longest glob-free prefix), or the path itself when it is no glob. */
export function globBase(absPath: string): string {
  if (!isGlob(absPath)) return absPath;
  const base = picomatch.scan(absPath.split(sep).join('/')).base;
  return base === '' ? sep : base.split('/').join(sep);
}

/** Matcher for a glob over '/'-separated relative paths (picomatch: `**` any depth, braces, classes). */
export function globMatcher(glob: string): (relPath: string) => boolean {
  return picomatch(glob, { dot: false });
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

interface WalkState {
  readonly cwd: string;
  readonly out: WalkEntry[];
  readonly seenFiles: Set<string>;
  readonly seenDirs: Set<string>;
}

function errMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ELOOP') return 'symlink loop (too many levels of symbolic links)';
  if (code === 'ENOENT') return 'no such file (or a dangling symlink)';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message;
}

async function addFile(abs: string, st: WalkState): Promise<void> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    st.out.push({ kind: 'issue', absPath: abs, path: display(abs, st.cwd), message: errMessage(e) });
    return;
  }
  if (st.seenFiles.has(real)) return;
  st.seenFiles.add(real);
  st.out.push({ kind: 'file', absPath: abs, path: display(abs, st.cwd) });
}

async function walkDir(abs: string, ancestors: readonly string[], st: WalkState, filter?: (abs: string) => boolean): Promise<void> {
  let info;
  try {
    info = await stat(abs);
  } catch (e) {
    st.out.push({ kind: 'issue', absPath: abs, path: display(abs, st.cwd), message: errMessage(e) });
    return;
  }
  const id = `${info.dev}:${info.ino}`;
  if (ancestors.includes(id)) {
    let target = '';
    try {
      target = await realpath(abs);
    } catch {
      // keep the message without a target
    }
    st.out.push({
      kind: 'issue',
      absPath: abs,
      path: display(abs, st.cwd),
      message: `symlink loop: links back to ${target ? display(target, st.cwd) : 'an ancestor folder'}`,
    });
    return;
  }
  if (st.seenDirs.has(id)) return;
  st.seenDirs.add(id);
  let names: string[];
  try {
    names = (await readdir(abs)).sort();
  } catch (e) {
    st.out.push({ kind: 'issue', absPath: abs, path: display(abs, st.cwd), message: errMessage(e) });
    return;
  }
  const down = [...ancestors, id];
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const child = join(abs, name);
    let cst;
    try {
      cst = await stat(child);
    } catch (e) {
      // A link whose target cannot be stat'ed: a loop (ELOOP) or dangling; report only what looks like a problem file or a loop.
      const code = (e as { code?: string }).code;
      if (code === 'ELOOP' || hasProblemExtension(name))
        st.out.push({ kind: 'issue', absPath: child, path: display(child, st.cwd), message: errMessage(e) });
      continue;
    }
    if (cst.isDirectory()) await walkDir(child, down, st, filter);
    else if (cst.isFile() && hasProblemExtension(name) && (!filter || filter(child))) await addFile(child, st);
  }
}

/** Expand paths (files, folders, globs, relative to cwd) into problem files and issues, in a deterministic order. */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<WalkEntry[]> {
  const st: WalkState = { cwd, out: [], seenFiles: new Set(), seenDirs: new Set() };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (isGlob(p)) {
      // Walk from the glob-free base and match the rest; scanned on '/'-separated paths, as picomatch expects.
      const base = globBase(abs);
      const match = globMatcher(picomatch.scan(abs.split(sep).join('/')).glob);
      const before = st.out.length;
      await walkDir(base, [], st, (f) => match(relative(base, f).split(sep).join('/')));
      if (st.out.length === before)
        st.out.push({ kind: 'issue', absPath: abs, path: p, message: 'glob matched no problem files', named: true });
      continue;
    }
    let info;
    try {
      info = await stat(abs);
    } catch (e) {
      st.out.push({ kind: 'issue', absPath: abs, path: display(abs, cwd), message: errMessage(e), named: true });
      continue;
    }
    if (info.isDirectory()) await walkDir(abs, [], st);
    else await addFile(abs, st);
  }
  // Deterministic order: by reported path (files and issues alike).
  return st.out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
