/**
 * `entail` command dispatcher. Each command lives in cli/commands/<name>.ts and
 * exports `command: Command`; it is loaded only when called, so `entail parse`
 * never pays for the UI server or the LLM clients.
 */
import type { CliIo, Command } from './io.js';
import { EXIT_USAGE, processIo } from './io.js';
import { packageVersion } from './args.js';

const COMMANDS = [
  'parse',
  'convert',
  'cnf',
  'prove',
  'model',
  'check-model',
  'prolog',
  'verify',
  'worker',
  'report',
  'package',
  'export',
  'explore',
  'eval',
  'lean',
  'serve',
] as const;

async function load(name: string): Promise<Command | undefined> {
  if (!(COMMANDS as readonly string[]).includes(name)) return undefined;
  try {
    const mod = (await import(`./commands/${name}.js`)) as { command?: Command };
    return mod.command;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(`commands/${name}.js`)) return undefined;
    throw e;
  }
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: entail <command> [options]', '', 'commands:'];
    for (const c of COMMANDS) {
      const cmd = await load(c);
      if (cmd) lines.push(`  ${c.padEnd(11)} ${cmd.summary}`);
    }
    lines.push('', 'Run `entail <command> --help` for a command’s options.');
    (name === undefined ? io.err : io.out)(lines.join('\n'));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`entail ${packageVersion()}`);
    return 0;
  }
  const cmd = await load(name);
  if (!cmd) {
    io.err(`entail: unknown command '${name}'. Run \`entail --help\`.`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  return cmd.run(rest, io);
}
