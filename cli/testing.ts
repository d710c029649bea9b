/** An in-memory CliIo for command tests: collects what a command prints. */
import type { CliIo } from './io.js';

export function memoryIo(cwd: string): CliIo & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    isTty: false,
    cwd,
    outText: () => out.join('\n'),
    errText: () => err.join('\n'),
  };
}
