/**
 * Confinement of paths the API receives (batch inputs, sessions) to the roots the
 * user opened. Paths are resolved against the working folder and then through
 * symbolic links (`realpath`), so `../` and a link pointing out of a root are
 * refused alike. For a glob, the folder before its first wildcard is what is
 * checked, and `..` segments are refused outright.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';

export type Confined =
  { readonly ok: true; readonly paths: readonly string[] } | { readonly ok: false; readonly issues: readonly string[] };

const WILDCARD = /[*?[\]{}]/;

export function within(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (so a missing file is judged by its folder). */
async function realOrAncestor(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    const parent = resolve(p, '..');
    if (parent === p) return p;
    const base = p.slice(parent.length).replace(/^[/\\]+/, '');
    return resolve(await realOrAncestor(parent), base);
  }
}

export async function realRoots(roots: readonly string[]): Promise<string[]> {
  return Promise.all(roots.map((r) => realOrAncestor(resolve(r))));
}

/** Each path (file, folder or glob) made absolute and checked to lie inside one of `roots`. */
export async function confinePaths(paths: readonly string[], roots: readonly string[], cwd: string): Promise<Confined> {
  const real = await realRoots(roots);
  const issues: string[] = [];
  const out: string[] = [];
  for (const p of paths) {
    const segments = p.split(/[/\\]/);
    if (segments.includes('..')) {
      issues.push(`${JSON.stringify(p)}: '..' is not allowed in batch paths`);
      continue;
    }
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    const firstWild = segments.findIndex((s) => WILDCARD.test(s));
    const fixed = firstWild < 0 ? abs : resolve(isAbsolute(p) ? '/' : cwd, ...segments.slice(0, firstWild));
    const target = await realOrAncestor(fixed);
    if (!within(target, real)) {
      issues.push(`${JSON.stringify(p)} is outside the opened folders (${roots.length === 0 ? 'none opened' : roots.join(', ')})`);
      continue;
    }
    out.push(abs);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, paths: out };
}
