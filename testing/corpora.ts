/** Paths for tests and benchmarks: the project root and ../shared beside it. */
import { fileURLToPath } from 'node:url';
import { dirname, resolve, join } from 'node:path';
import { existsSync } from 'node:fs';

// Works both from sources (tsx) and from dist/: walk up to the folder holding package.json.
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'provers'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start, '..', '..');
    dir = up;
  }
}
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const SHARED = process.env.ENTAIL_SHARED ?? resolve(PROJECT_ROOT, '..', 'shared');
export const SHARED_CORPORA = resolve(SHARED, 'corpora');
export const PROJECT_CORPORA = resolve(PROJECT_ROOT, 'corpora');
export function sharedAvailable(): boolean {
  return existsSync(SHARED_CORPORA);
}
