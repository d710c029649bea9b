/**
 * `entail lean`: the Lean 4 bridge from the command line.
 *   check <file.lean|->   elaborate and print Lean's messages (file:line:col, 1-based)
 *   goals <file.lean|->   list the sorries with their goals and proof-state numbers
 *   export <problem>      print a problem as a Lean 4 theorem (needs no Lean)
 *   info                  how Lean was found (or why not)
 */
import { isAbsolute, join } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { formatParseError } from '../../provers/logic/source.js';
import { DIALECTS, isDialect } from '../../provers/logic/syntax/index.js';
import { loadProblem } from '../../provers/load/index.js';
import { discoverLean } from '../../provers/lean/discover.js';
import type { LeanConfig } from '../../provers/lean/discover.js';
import { LeanReplPool } from '../../provers/lean/pool.js';
import { checkFile, checkSnippet } from '../../provers/lean/ops.js';
import type { CheckResult } from '../../provers/lean/ops.js';
import { describeFailure } from '../../provers/lean/outcome.js';
import type { LeanOutcome } from '../../provers/lean/outcome.js';
import { problemToLean } from '../../provers/lean/translate.js';
import type { CliJsonPart } from '../json-output.js';

const usage = `usage: entail lean check <file.lean|-> [--json] [Lean options]
       entail lean goals <file.lean|-> [--json] [Lean options]
       entail lean export <problem-file> [--dialect D] [--allow-include-anywhere] [--name NAME] [--proof TACTICS]
       entail lean info

check   elaborates the file with the Lean REPL and prints each message as
        file:line:col: severity: text (line and column 1-based; columns count code points).
goals   lists every sorry with its goal and the REPL proof-state number.
export  prints the problem (premises ⊢ conjecture) as a Lean 4 theorem over an opaque type;
        works without Lean. --proof replaces \`sorry\` after \`:= by\`.
info    says how the REPL was found and which Lean version it runs, or why none was found.

--json (check, goals, info) prints the result as JSON (schema: docs/cli-json.schema.json).

Lean options:
  --repl PATH      a built leanprover-community/repl binary     (env ENTAIL_LEAN_REPL)
  --project DIR    a Lean project that requires the REPL        (env ENTAIL_LEAN_PROJECT)
  --timeout MS     per-request deadline (default 120000)
  --memory MB      address-space limit for the REPL, 0 = none (default 8192)

Exit status: 0 ok (check: no errors), 1 Lean errors, Lean missing or failing, 2 usage errors.`;

interface Args {
  readonly sub: 'check' | 'goals' | 'export' | 'info';
  readonly file?: string;
  readonly json: boolean;
  readonly config: LeanConfig;
  readonly timeoutMs: number;
  readonly memoryLimitMb: number;
  readonly dialect?: Dialect;
  readonly name?: string;
  readonly proof?: string;
  readonly allowIncludeAnywhere: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const [sub, ...rest] = argv;
  if (sub !== 'check' && sub !== 'goals' && sub !== 'export' && sub !== 'info')
    return sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`;
  const files: string[] = [];
  let json = false;
  let repl: string | undefined;
  let project: string | undefined;
  let timeoutMs = 120_000;
  let memoryLimitMb = 8192;
  let dialect: Dialect | undefined;
  let name: string | undefined;
  let proof: string | undefined;
  let allowIncludeAnywhere = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (): string | undefined => rest[++i];
    if (a === '--json') json = true;
    else if (a === '--allow-include-anywhere') allowIncludeAnywhere = true;
    else if (a === '--repl') repl = value();
    else if (a === '--project') project = value();
    else if (a === '--name') name = value();
    else if (a === '--proof') proof = value();
    else if (a === '--timeout' || a === '--memory') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || (a === '--timeout' && n === 0))
        return `${a} needs a ${a === '--timeout' ? 'positive' : 'non-negative'} integer`;
      if (a === '--timeout') timeoutMs = n;
      else memoryLimitMb = n;
    } else if (a === '--dialect') {
      const d = value();
      if (d === undefined || !isDialect(d)) return `--dialect needs one of ${DIALECTS.join(', ')}`;
      dialect = d;
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else files.push(a);
  }
  for (const [flag, v] of [
    ['--repl', repl],
    ['--project', project],
    ['--name', name],
    ['--proof', proof],
  ] as const) {
    if (rest.includes(flag) && (v === undefined || v.startsWith('--'))) return `${flag} needs a value`;
  }
  if (sub === 'info') {
    if (files.length > 0) return 'info takes no file';
  } else if (files.length !== 1) return `${sub} takes exactly one file`;
  const config: LeanConfig = { ...(repl !== undefined ? { repl } : {}), ...(project !== undefined ? { project } : {}) };
  return {
    sub,
    ...(files[0] !== undefined ? { file: files[0] } : {}),
    json,
    allowIncludeAnywhere,
    config,
    timeoutMs,
    memoryLimitMb,
    ...(dialect ? { dialect } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(proof !== undefined ? { proof } : {}),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `file:line:col` with Lean's 0-based column made 1-based, like compiler diagnostics. */
function where(file: string, pos: { line: number; column: number } | undefined): string {
  return pos ? `${file}:${pos.line}:${pos.column + 1}` : file;
}

async function runLean(args: Args, io: CliIo): Promise<{ outcome: LeanOutcome<CheckResult>; label: string } | number> {
  const found = await discoverLean({ ...args.config, skipVersion: true });
  if (found.kind === 'notInstalled') {
    if (args.json) io.out(JSON.stringify({ status: 'notInstalled', reason: found.reason } satisfies CliJsonPart<'lean-not-installed'>));
    io.err(`entail lean: Lean not installed: ${found.reason}`);
    return EXIT_INPUT;
  }
  const pool = new LeanReplPool(found, { timeoutMs: args.timeoutMs, memoryLimitMb: args.memoryLimitMb });
  try {
    const file = args.file!;
    if (file === '-') return { outcome: await checkSnippet(pool, await readStdin()), label: '<stdin>' };
    const path = isAbsolute(file) ? file : join(io.cwd, file);
    return { outcome: await checkFile(pool, path), label: file };
  } finally {
    await pool.close();
  }
}

async function check(args: Args, io: CliIo): Promise<number> {
  const r = await runLean(args, io);
  if (typeof r === 'number') return r;
  const { outcome, label } = r;
  if (outcome.kind !== 'ok') {
    if (args.json) io.out(JSON.stringify({ status: outcome.kind, outcome } satisfies CliJsonPart<'lean-failure'>));
    io.err(`entail lean: ${label}: ${describeFailure(outcome)}`);
    return EXIT_INPUT;
  }
  const v = outcome.value;
  if (args.sub === 'goals') {
    if (args.json) {
      io.out(
        JSON.stringify({
          status: 'ok',
          file: label,
          sorries: v.sorries.map((s) => ({ ...s, proofState: s.proofState?.proofState ?? null })),
        } satisfies CliJsonPart<'lean-goals'>),
      );
    } else {
      const lines: string[] = [];
      for (const s of v.sorries) {
        lines.push(`${where(label, s.pos)}: sorry${s.proofState ? ` (proof state ${s.proofState.proofState})` : ''}`);
        lines.push(...s.goal.split('\n').map((l) => '  ' + l));
      }
      lines.push(`${v.sorries.length} sorr${v.sorries.length === 1 ? 'y' : 'ies'}`);
      io.out(lines.join('\n'));
    }
    return v.errors > 0 ? EXIT_INPUT : EXIT_OK;
  }
  if (args.json) {
    io.out(
      JSON.stringify({
        status: 'ok',
        file: label,
        errors: v.errors,
        warnings: v.warnings,
        messages: v.messages,
        sorries: v.sorries.length,
      } satisfies CliJsonPart<'lean-check'>),
    );
  } else {
    const lines = v.messages.map((m) => `${where(label, m.pos.line > 0 ? m.pos : undefined)}: ${m.severity}: ${m.data}`);
    lines.push(`${v.errors} error${v.errors === 1 ? '' : 's'}, ${v.warnings} warning${v.warnings === 1 ? '' : 's'}`);
    io.out(lines.join('\n'));
  }
  return v.errors > 0 ? EXIT_INPUT : EXIT_OK;
}

async function exportProblem(args: Args, io: CliIo): Promise<number> {
  const file = args.file!;
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  let res;
  try {
    res = await loadProblem(path, {
      ...(args.dialect ? { dialect: args.dialect } : {}),
      ...(args.allowIncludeAnywhere ? { allowIncludeAnywhere: true } : {}),
    });
  } catch (e) {
    io.err(`entail lean: ${file}: ${(e as Error).message}`);
    return EXIT_INPUT;
  }
  if (!res.ok) {
    io.err(formatParseError(res.error));
    return EXIT_INPUT;
  }
  const t = problemToLean(res.value, {
    ...(args.name !== undefined ? { theoremName: args.name } : {}),
    ...(args.proof !== undefined ? { proof: args.proof } : {}),
  });
  io.out(t.code.trimEnd());
  return EXIT_OK;
}

async function info(args: Args, io: CliIo): Promise<number> {
  const d = await discoverLean(args.config);
  if (args.json) io.out(JSON.stringify(d.kind === 'found' ? { ...d, env: undefined } : d));
  else if (d.kind === 'found')
    io.out(
      `REPL: ${[d.command, ...d.args].join(' ')}${d.cwd ? ` (in ${d.cwd})` : ''} [${d.via}]\nLean: ${d.leanVersion ?? 'version unknown (lean --version failed)'}`,
    );
  else io.out(`Lean not installed: ${d.reason}`);
  return d.kind === 'found' ? EXIT_OK : EXIT_INPUT;
}

export const command: Command = {
  summary: 'Lean 4 bridge: check files, list goals, export problems as Lean theorems',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      io.err(`entail lean: ${args}\n\n${usage}`);
      return EXIT_USAGE;
    }
    switch (args.sub) {
      case 'export':
        return exportProblem(args, io);
      case 'info':
        return info(args, io);
      default:
        return check(args, io);
    }
  },
};
