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

let epipeHandled = false;

export function processIo(): CliIo {
  if (!epipeHandled) {
    // `entail parse ... | head` closes the pipe early: that is the reader's choice, not an error.
    epipeHandled = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
  }
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
