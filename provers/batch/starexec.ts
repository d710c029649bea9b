/**
 * A StarExec solver archive: `bin/starexec_run_default` (the full portfolio, with
 * the model finder, as `entail prove`) and one `bin/starexec_run_s_<strategy>` per
 * portfolio strategy, running the compiled CLI shipped beside them under
 * StarExec's wall-clock limit. Each prints the SZS status line StarExec's TPTP
 * post-processors read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZipEntry } from './zip.js';

/** Seconds kept back from StarExec's limit so the prover stops (and prints its status) before it is killed. */
const MARGIN_S = 1;

export function runScript(strategy?: string): string {
  return `#!/bin/sh
# StarExec runs this with the benchmark as $1 (and an output folder as $2).
# The limit is StarExec's (wall clock, else CPU), less ${MARGIN_S} s so the SZS line is printed in time.
here="$(cd "$(dirname "$0")" && pwd)"
limit="\${STAREXEC_WALLCLOCK_LIMIT:-\${STAREXEC_CPU_LIMIT:-60}}"
limit=$((limit > ${MARGIN_S + 1} ? limit - ${MARGIN_S} : 1))
node="$here/node"
[ -x "$node" ] || node=node
exec "$node" "$here/../entail/bin/entail.js" prove --timeout "$limit"${strategy ? ` --strategy ${strategy}` : ''} "$1"
`;
}

/** Files under `dir` (relative, '/'-separated), without tests and their fixtures. */
function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(join(dir, r));
    if (st.isDirectory()) {
      if (name !== 'fixtures') out.push(...tree(dir, r));
    } else if (st.isFile() && name.endsWith('.js') && !name.endsWith('.test.js')) out.push(r);
  }
  return out;
}

/**
 * The archive's entries, from a built Entail (`root` holds dist/cli and dist/provers):
 * what `entail prove` loads, nothing else (no UI, server or LLM code).
 */
export function starexecEntries(root: string, strategies: readonly string[], version: string): ZipEntry[] {
  const entries: ZipEntry[] = [
    { name: 'bin/starexec_run_default', data: Buffer.from(runScript()), executable: true },
    ...strategies.map((s) => ({ name: `bin/starexec_run_s_${s}`, data: Buffer.from(runScript(s)), executable: true })),
    {
      name: 'starexec_description.txt',
      data: Buffer.from(
        `Entail ${version}: superposition prover with a strategy portfolio and a finite model finder (needs Node.js >= 20 on the node, or bin/node)\n`,
      ),
    },
    {
      name: 'entail/package.json',
      data: Buffer.from(JSON.stringify({ name: 'entail', version, type: 'module', private: true }, null, 2) + '\n'),
    },
    { name: 'entail/bin/entail.js', data: readFileSync(join(root, 'bin', 'entail.js')), executable: true },
  ];
  for (const part of ['cli', 'provers'])
    for (const f of tree(join(root, 'dist', part)))
      entries.push({ name: `entail/dist/${part}/${f}`, data: readFileSync(join(root, 'dist', part, f)) });
  return entries;
}
