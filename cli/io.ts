/** What a CLI command gets: its arguments and where to write. Injected so commands are testable in-process. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly isTty: boolean;
  readonly cwd: string;
}

export interface Command {
  /** One-line summary for `entail --help`. */
  readonly summary: string;
  /** Full usage text for `entail <cmd> --help`. */
  readonly usage: string;
  /** Exit code: 0 ok, 1 input errors / failures, 2 usage. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export function processIo(): CliIo {
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
