/**
 * One declarative wrapper over `node:util` parseArgs: a command declares its
 * options once and gets GNU-style parsing (`--opt value`, `--opt=value`, short
 * flags, `--`, `-` for standard input), usage text and validation from it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliIo, Command } from './io.js';
import { EXIT_USAGE, safeIo } from './io.js';

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** Placeholder shown in usage for a string option, e.g. `S`. */
  readonly arg?: string;
  readonly help: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  readonly summary: string;
  /** Positional part of the synopsis, e.g. `<file>` or `<files...>`. */
  readonly synopsis: string;
  readonly description: string;
  readonly options: O;
  readonly minPositionals: number;
  readonly maxPositionals?: number;
  /** Text after the option list (exit status, examples). */
  readonly footer?: string;
}

export type Values<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? readonly string[]
      : string | undefined;
};

export interface Parsed<O extends OptionSpecs> {
  readonly values: Values<O>;
  readonly positionals: readonly string[];
}

export type ParseOutcome<O extends OptionSpecs> =
  { readonly ok: true; readonly value: Parsed<O> } | { readonly ok: false; readonly error: string };

export function usageText<O extends OptionSpecs>(spec: CommandSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'V'}` : ''}`;
    const choices = o.choices ? ` (${o.choices.join(', ')})` : '';
    return [flag, o.help + choices] as const;
  });
  rows.push(['-h, --help', 'print this help and exit']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [
    `usage: entail ${spec.name} ${spec.synopsis} [options]`,
    '',
    spec.description,
    '',
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
    ...(spec.footer ? ['', spec.footer] : []),
  ].join('\n');
}

export function parseCommandArgs<O extends OptionSpecs>(spec: CommandSpec<O>, argv: readonly string[]): ParseOutcome<O> {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(spec.options))
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    // parseArgs reports misuse by throwing a TypeError with a readable message.
    return { ok: false, error: (e as Error).message };
  }
  for (const [name, o] of Object.entries(spec.options)) {
    const v = parsed.values[name];
    if (o.choices && v !== undefined)
      for (const x of Array.isArray(v) ? (v as string[]) : [v as string])
        if (!o.choices.includes(x)) return { ok: false, error: `--${name} must be one of ${o.choices.join(', ')} (got '${x}')` };
    if (o.type === 'boolean' && v === undefined) parsed.values[name] = false;
    if (o.multiple && v === undefined) parsed.values[name] = [];
  }
  const n = parsed.positionals.length;
  if (parsed.values.help !== true) {
    if (n < spec.minPositionals) return { ok: false, error: `missing ${spec.synopsis}` };
    if (spec.maxPositionals !== undefined && n > spec.maxPositionals)
      return { ok: false, error: `too many arguments (expected ${spec.synopsis}, got ${n})` };
  }
  return { ok: true, value: { values: parsed.values as Values<O>, positionals: parsed.positionals } };
}

/** Parses a positive number option; undefined means "not given". */
export function positiveNumber(name: string, v: string | undefined, fallback: number, integer = false): number | string {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x)))
    return `--${name} needs a positive ${integer ? 'integer' : 'number'} (got '${v}')`;
  return x;
}

/** What a command body gets: parsed arguments, an io that neutralises control characters, and a usage-error exit. */
export interface Invocation<O extends OptionSpecs> extends Parsed<O> {
  readonly io: CliIo;
  /** Prints `entail NAME: message` and the usage to stderr; returns exit status 2. */
  readonly usageError: (message: string) => number;
}

export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>, body: (inv: Invocation<O>) => Promise<number>): Command {
  const usage = usageText(spec);
  return {
    summary: spec.summary,
    usage,
    run: async (argv, rawIo) => {
      const io = safeIo(rawIo);
      const usageError = (message: string): number => {
        io.err(`entail ${spec.name}: ${message}\n\n${usage}`);
        return EXIT_USAGE;
      };
      const p = parseCommandArgs(spec, argv);
      if (!p.ok) return usageError(p.error);
      if ((p.value.values as Record<string, unknown>).help === true) {
        io.out(usage);
        return 0;
      }
      return body({ ...p.value, io, usageError });
    },
  };
}

/** The version in package.json (two levels above dist/cli/ and cli/). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
