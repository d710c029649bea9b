/**
 * Finding a Lean REPL to run. Order: a configured `repl` binary (run through `lake env` inside a
 * configured project, so the project's imports resolve), else `lake exe repl` inside a configured
 * Lean project, else `repl` on PATH (plus ~/.elan/bin). Nothing found is a `notInstalled` value.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export interface LeanConfig {
  /** Path to a built `repl` executable (e.g. repl/.lake/build/bin/repl). Env: ENTAIL_LEAN_REPL. */
  readonly repl?: string;
  /** A Lean project directory (with lakefile) whose dependencies include the REPL. Env: ENTAIL_LEAN_PROJECT. */
  readonly project?: string;
  /** Environment used for PATH lookup and passed to children (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Skip the `lean --version` probe (it can take a second with a cold lake). */
  readonly skipVersion?: boolean;
}

export interface LeanInstall {
  readonly kind: 'found';
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly via: 'configured' | 'lake' | 'path';
  /** First line of `lean --version`, or undefined when that probe failed. */
  readonly leanVersion?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface NotInstalled {
  readonly kind: 'notInstalled';
  readonly reason: string;
}

export type Discovery = LeanInstall | NotInstalled;

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable called `name` in the search path (PATH, then ~/.elan/bin where elan installs). */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  if (env.HOME) dirs.push(join(env.HOME, '.elan', 'bin'));
  for (const d of dirs) {
    const p = join(d, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

/** Run a short probe command; stdout on exit 0 within the deadline, else undefined. */
function probe(
  command: string,
  args: readonly string[],
  cwd: string | undefined,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise((done) => {
    let out = '';
    let settled = false;
    const finish = (v: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(v);
    };
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(undefined);
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', () => finish(undefined));
    child.on('close', (code) => finish(code === 0 ? out : undefined));
  });
}

async function leanVersion(cwd: string | undefined, env: NodeJS.ProcessEnv, viaLake: boolean): Promise<string | undefined> {
  const lake = viaLake ? which('lake', env) : undefined;
  const lean = which('lean', env);
  const out = lake
    ? await probe(lake, ['env', 'lean', '--version'], cwd, env, 20_000)
    : lean
      ? await probe(lean, ['--version'], cwd, env, 10_000)
      : undefined;
  return out?.trim().split('\n')[0];
}

export async function discoverLean(config: LeanConfig = {}): Promise<Discovery> {
  const env = config.env ?? process.env;
  const replPath = config.repl ?? env.ENTAIL_LEAN_REPL;
  const projectRaw = config.project ?? env.ENTAIL_LEAN_PROJECT;
  const project = projectRaw ? resolve(projectRaw) : undefined;
  if (project !== undefined) {
    try {
      if (!statSync(project).isDirectory())
        return { kind: 'notInstalled', reason: `configured Lean project is not a directory: ${project}` };
    } catch {
      return { kind: 'notInstalled', reason: `configured Lean project not found: ${project}` };
    }
  }
  const withVersion = async (found: Omit<LeanInstall, 'leanVersion'>, viaLake: boolean): Promise<LeanInstall> => {
    if (config.skipVersion) return found as LeanInstall;
    const v = await leanVersion(found.cwd, env, viaLake);
    return v === undefined ? (found as LeanInstall) : { ...found, leanVersion: v };
  };

  if (replPath) {
    const abs = resolve(replPath);
    if (!isExecutable(abs)) return { kind: 'notInstalled', reason: `configured repl is not an executable file: ${abs}` };
    const lake = project ? which('lake', env) : undefined;
    if (project && lake)
      return withVersion({ kind: 'found', command: lake, args: ['env', abs], cwd: project, via: 'configured', env }, true);
    return withVersion({ kind: 'found', command: abs, args: [], ...(project ? { cwd: project } : {}), via: 'configured', env }, false);
  }
  if (project) {
    const lake = which('lake', env);
    if (!lake)
      return { kind: 'notInstalled', reason: `a Lean project is configured (${project}) but \`lake\` is not on PATH or in ~/.elan/bin` };
    return withVersion({ kind: 'found', command: lake, args: ['exe', 'repl'], cwd: project, via: 'lake', env }, true);
  }
  const onPath = which('repl', env);
  if (onPath) return withVersion({ kind: 'found', command: onPath, args: [], via: 'path', env }, false);
  const hasLake = which('lake', env) !== undefined;
  return {
    kind: 'notInstalled',
    reason: hasLake
      ? 'no `repl` on PATH; lake is installed: set ENTAIL_LEAN_PROJECT (or --project) to a Lean project that requires leanprover-community/repl'
      : 'no repl/lake on PATH or in ~/.elan/bin (set ENTAIL_LEAN_REPL or ENTAIL_LEAN_PROJECT)',
  };
}
