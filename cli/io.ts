/** What a CLI command gets: its arguments and where to write. Injected so commands are testable in-process. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly isTty: boolean;
  readonly cwd: string;
  /** Standard input as text, for `-` arguments; absent when the caller has none. */
  readonly readStdin?: () => Promise<string>;
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

// C0 controls except tab and newline, DEL, C1 controls, and bidirectional overrides/isolates: each
// can rewrite what a terminal shows (cursor moves, colours, OSC titles, reordered text).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters as `\uXXXX` so file names and messages read from hostile
 * input cannot drive the terminal. The notation is also a valid JSON string escape,
 * so JSON output stays valid and means the same.
 */
export function neutralise(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same io with everything printed passed through `neutralise`. */
export function safeIo(io: CliIo): CliIo {
  return { ...io, out: (s) => io.out(neutralise(s)), err: (s) => io.err(neutralise(s)) };
}

/** Largest standard input accepted for `-` (the same order as a large TPTP problem). */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of process.stdin) {
    const b = c as Buffer;
    n += b.length;
    if (n > MAX_STDIN_BYTES) throw new Error(`standard input is larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(b);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

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
    readStdin: readProcessStdin,
  };
}
