/**
 * `entail report merge <journals…>`: join the journals of a sharded run
 * (`entail verify --shard I/N`) into one report, the same as an unsharded run's.
 */
import { resolve } from 'node:path';
import { EXIT_INPUT, EXIT_USAGE } from '../io.js';
import { defineCommand } from '../args.js';
import { mergeJournals } from '../../provers/batch/merge.js';
import { exitCode, writeReports } from './verify.js';

export const command = defineCommand(
  {
    name: 'report',
    summary: 'join batch journals (shards of one run) into one report',
    synopsis: 'merge <journals...>',
    description: `Reads the journals written by \`entail verify\` (one per shard, --journal), keeps the first
result per problem, and writes the reports an unsharded run would have written.`,
    options: {
      json: { type: 'string', arg: 'F', help: 'JSON report' },
      csv: { type: 'string', arg: 'F', help: 'CSV report' },
      junit: { type: 'string', arg: 'F', help: 'JUnit XML report' },
      html: { type: 'string', arg: 'F', help: 'HTML report' },
      'require-all': { type: 'boolean', help: 'an unsolved problem makes the exit status 1' },
    },
    minPositionals: 2,
    footer: 'Exit status: as `entail verify`: 0 ok, 1 input errors or a shard missing, 2 usage, 3 a wrong answer or a disagreement.',
  },
  async ({ values, positionals, io, usageError }) => {
    const [sub, ...journals] = positionals;
    if (sub !== 'merge') return usageError(`unknown subcommand '${sub}' (merge)`);
    const m = mergeJournals(journals.map((j) => resolve(io.cwd, j)));
    if (!m.ok) {
      io.err(`entail report merge: ${m.error}`);
      return EXIT_USAGE;
    }
    const { report, warnings, missingShards } = m.value;
    for (const w of warnings) io.err(`warning: ${w}`);
    writeReports(values, report, io.cwd, io);
    io.out(
      `${report.total} problems: ${report.solved} solved, ${report.wrong} wrong, ${report.errors} errors, ${report.timeouts} timeouts, ${report.skipped} skipped${report.pending ? `, ${report.pending} not run` : ''}`,
    );
    const code = exitCode(report, values['require-all']);
    return code === 0 && missingShards.length > 0 ? EXIT_INPUT : code;
  },
);
