/**
 * Strategy-tuning benchmark: ONE saturation strategy, in-process (no portfolio, no process per problem),
 * over a TPTP set, split across child processes. NOT part of the tests. This is what the strategy
 * comparisons in docs/prover.md were measured with; `npm run bench:prover` is the reference comparison with E.
 *
 *   npx tsx bench/strategy.ts [--set SET] [--timeout 2] [--strategy default | '{"selection":"maxneg"}'] [--jobs 2] [--every 1] [--list]
 *
 * --strategy takes a portfolio name or a JSON object merged over the default strategy.
 * --list prints one line per problem (name, status, ms) after the summary.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { loadProblem } from '../provers/load/index.js';
import { clausify, clausifyErrorStatus } from '../provers/logic/cnf.js';
import { saturate, strategyByName } from '../provers/saturation/index.js';
import type { Strategy } from '../provers/saturation/index.js';
import { contradicts, isDisprovedStatus, isProvedStatus, isSzsStatus } from '../provers/logic/szs.js';

interface Row {
  problem: string;
  status: string;
  expected: string;
  ms: number;
}

function strategyOf(spec: string): Partial<Strategy> {
  const named = strategyByName(spec);
  if (named) return named;
  return JSON.parse(spec) as Partial<Strategy>;
}

/** Child mode: prove the given files one after another, print one JSON row per line. */
async function child(files: string[], timeoutMs: number, spec: string): Promise<void> {
  const strategy = strategyOf(spec);
  for (const file of files) {
    const expected = /% Status\s*:\s*(\w+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? '?';
    const t0 = Date.now();
    const p = await loadProblem(file);
    let status = 'InputError';
    const cl = p.ok ? clausify(p.value, { deadline: Date.now() + timeoutMs }) : undefined;
    if (cl?.ok) status = saturate(cl.value, { deadline: Date.now() + timeoutMs, strategy }).status;
    else if (cl) status = clausifyErrorStatus(cl.error);
    const row: Row = { problem: file.split('/').pop()!, status, expected, ms: Date.now() - t0 };
    process.stdout.write(JSON.stringify(row) + '\n');
  }
}

function runChild(files: string[], timeoutMs: number, spec: string): Promise<Row[]> {
  return new Promise((resolve) => {
    const self = fileURLToPath(import.meta.url);
    const ch = spawn(process.execPath, [...process.execArgv, self, '--child', String(timeoutMs), spec, ...files], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    ch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    ch.on('close', () =>
      resolve(
        out
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Row),
      ),
    );
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv.slice(3), Number(argv[1]), argv[2]!);
  let set = 'SET';
  let timeout = 2;
  let spec = 'default';
  let jobs = 2;
  let every = 1;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--set') set = argv[++i]!;
    else if (a === '--timeout') timeout = Number(argv[++i]);
    else if (a === '--strategy') spec = argv[++i]!;
    else if (a === '--jobs') jobs = Number(argv[++i]);
    else if (a === '--every') every = Number(argv[++i]);
    else if (a === '--list') list = true;
    else throw new Error(`unknown option ${a}`);
  }
  strategyOf(spec); // fail early on a bad spec
  const dir = join(SHARED_CORPORA, 'tptp', set);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.p'))
    .sort()
    .filter((_, i) => i % every === 0)
    .map((f) => join(dir, f));
  const t0 = Date.now();
  const parts: string[][] = Array.from({ length: jobs }, () => []);
  files.forEach((f, i) => parts[i % jobs]!.push(f));
  const rows = (await Promise.all(parts.map((p) => runChild(p, timeout * 1000, spec)))).flat();
  rows.sort((a, b) => a.problem.localeCompare(b.problem));
  const solved = rows.filter((r) => isSzsStatus(r.status) && (isProvedStatus(r.status) || isDisprovedStatus(r.status)));
  const wrong = rows.filter((r) => isSzsStatus(r.expected) && isSzsStatus(r.status) && contradicts(r.expected, r.status));
  console.log(
    `${set}: strategy ${spec}, ${timeout} s each, ${rows.length} problems: ${solved.length} solved, ${wrong.length} wrong, ${((Date.now() - t0) / 1000).toFixed(0)} s wall`,
  );
  for (const r of wrong) console.log(`  WRONG: ${r.problem} expected ${r.expected}, got ${r.status}`);
  if (list) for (const r of rows) console.log(`${r.problem} ${r.status} ${r.ms}`);
}

void main();
