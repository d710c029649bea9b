/** `entail package starexec <out.zip>`: a StarExec solver archive of this build. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand, packageVersion } from '../args.js';
import { starexecEntries } from '../../provers/batch/starexec.js';
import { zip } from '../../provers/batch/zip.js';
import { PORTFOLIO } from '../../provers/saturation/index.js';

/** The folder holding bin/ and dist/ (this file is dist/cli/commands/package.js once built). */
function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

export const command = defineCommand(
  {
    name: 'package',
    summary: 'package the prover for a cluster service (starexec: a solver archive)',
    synopsis: 'starexec <out.zip>',
    description: `Writes a StarExec solver archive: bin/starexec_run_default runs the full portfolio (with the
finite model finder) under StarExec's limit, and bin/starexec_run_s_<strategy> one strategy each.
Runs from a built Entail (npm run build); the archive needs Node.js >= 20 on the StarExec node.`,
    options: {},
    minPositionals: 2,
    maxPositionals: 2,
    footer: 'Exit status: 0 written, 1 when it could not be built or written, 2 on usage errors.',
  },
  async ({ positionals, io, usageError }) => {
    const [target, out] = positionals as [string, string];
    if (target !== 'starexec') return usageError(`unknown target '${target}' (starexec)`);
    const root = projectRoot();
    if (import.meta.url.endsWith('.ts')) {
      io.err('entail package: run it from the build (npm run build; node bin/entail.js package …): the archive ships compiled files');
      return EXIT_INPUT;
    }
    try {
      const entries = starexecEntries(
        root,
        PORTFOLIO.map((s) => s.name),
        packageVersion(),
      );
      const file = resolve(io.cwd, out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, zip(entries));
      io.err(`wrote ${out}: ${entries.length} files, configurations default, ${PORTFOLIO.map((s) => `s_${s.name}`).join(', ')}`);
      return EXIT_OK;
    } catch (e) {
      io.err(`entail package: ${(e as Error).message}`);
      return EXIT_INPUT;
    }
  },
);
