/**
 * Every finite model `entail model` finds on SYN-SAT within a small budget is printed
 * as a TPTP finite interpretation, read back by `check-model` and must check as a
 * model; the same model in Mace4's format likewise. A model with one predicate entry
 * flipped must be refused for at least one problem, so the check can fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT, SHARED_CORPORA } from '../testing/corpora.js';
import { memoryIo } from './testing.js';
import { CommandRunner } from './testing-worker.js';
import { command as checkModel } from './commands/check-model.js';
import { modelToMace4, modelToTptp, readModel } from '../provers/models/interpretation.js';
import type { FiniteModel } from '../provers/logic/proof.js';

const DIR = join(SHARED_CORPORA, 'tptp', 'SYN-SAT');
/** The model finder's own budget (`entail model -t`), and a hard limit on the whole command (clausification included). */
const SEARCH_S = '0.5';
const HARD_MS = 3000;
/** Below this many models the round trip would say little: the finder solves ~170 of the 202 at this budget. */
const MIN_MODELS = 100;

const tmp = mkdtempSync(join(tmpdir(), 'entail-corpus-models-'));

function labelOf(path: string): string | undefined {
  return /^%\s*Status\s*:\s*(\w+)/m.exec(readFileSync(path, 'utf8').slice(0, 20000))?.[1];
}

function outputBlock(text: string): string | undefined {
  const m = /^% SZS output start FiniteModel[^\n]*\n([\s\S]*?)\n% SZS output end FiniteModel/m.exec(text);
  return m?.[1];
}

type CheckJson = { szs?: string; model: boolean; checks: { name: string; value: boolean | null }[] };

async function check(problem: string, modelText: string, file: string): Promise<{ code: number; json: CheckJson }> {
  const path = join(tmp, file);
  writeFileSync(path, modelText);
  const io = memoryIo(tmp);
  const code = await checkModel.run([problem, path, '--json'], io);
  return { code, json: JSON.parse(io.outText()) as CheckJson };
}

/** The first predicate entry flipped; undefined when the model has no predicate. */
function flipped(m: FiniteModel): FiniteModel | undefined {
  const first = Object.entries(m.predicates).sort(([a], [b]) => a.localeCompare(b))[0];
  if (!first) return undefined;
  const [p, { arity, table }] = first;
  return { ...m, predicates: { ...m.predicates, [p]: { arity, table: table.map((v, i) => (i === 0 ? !v : v)) } } };
}

test(
  `SYN-SAT: every model found (search ${SEARCH_S} s, hard ${HARD_MS / 1000} s per problem) reads back through check-model as TPTP and Mace4`,
  { skip: !existsSync(DIR) && 'SYN-SAT corpus not present', timeout: 180_000 },
  async () => {
    const runner = new CommandRunner();
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.p'))
      .sort();
    let models = 0;
    let refused = 0;
    const none: string[] = [];
    try {
      for (const f of files) {
        const problem = join(DIR, f);
        const label = labelOf(problem);
        const r = await runner.run('model', [problem, '--format', 'tptp', '-t', SEARCH_S], tmp, HARD_MS);
        if (r === 'killed' || r.code !== 0) {
          none.push(f);
          continue;
        }
        const szs = /^% SZS status (\w+)/m.exec(r.out)?.[1];
        assert.ok(szs === 'Satisfiable' || szs === 'CounterSatisfiable', `${f}: model found with status ${szs}`);
        if (label === 'Satisfiable' || label === 'CounterSatisfiable') assert.equal(szs, label, `${f}: labelled ${label}`);
        assert.doesNotMatch(r.out, /MISMATCH/, `${f}: the model command's own check`);
        const tptp = outputBlock(r.out);
        assert.ok(tptp, `${f}: no FiniteModel output block`);

        const viaTptp = await check(problem, tptp, `${f}.model.p`);
        assert.equal(viaTptp.code, 0, `${f}: check-model refused the TPTP model: ${JSON.stringify(viaTptp.json)}`);
        assert.equal(viaTptp.json.model, true);
        assert.equal(viaTptp.json.szs, szs, `${f}: check-model's status`);

        const read = readModel(tptp, f);
        assert.ok(read.ok, `${f}: ${read.ok ? '' : read.error}`);
        const mace4 = modelToMace4(read.value);
        const viaMace4 = await check(problem, mace4, `${f}.mace4`);
        assert.equal(viaMace4.code, 0, `${f}: check-model refused the Mace4 model`);
        assert.equal(viaMace4.json.szs, szs);
        const back = readModel(mace4, f);
        assert.ok(back.ok);
        assert.deepEqual(back.value, read.value, `${f}: Mace4 round trip changed the model`);

        const bad = flipped(read.value);
        if (bad) {
          const c = await check(problem, modelToTptp(bad, f), `${f}.flipped.p`);
          if (c.code !== 0) {
            assert.equal(c.json.model, false);
            assert.equal(c.json.szs, undefined);
            assert.ok(
              c.json.checks.some((x) => x.value === false),
              `${f}: a refused model names the statement it falsifies`,
            );
            refused++;
          }
        }
        models++;
      }
    } finally {
      await runner.close();
    }
    console.log(
      `SYN-SAT: ${models} models of ${files.length} problems round-tripped; ${refused} flipped models refused; none within budget: ${none.length}`,
    );
    assert.ok(models >= MIN_MODELS, `only ${models} models found (none for ${none.join(' ')})`);
    assert.ok(refused >= 1, 'no corrupted model was refused');
  },
);

test(
  'SYN-SAT: the CLI prints a few models as Mace4 and TPTP that `entail check-model` accepts',
  { skip: !existsSync(DIR) && 'SYN-SAT corpus not present' },
  () => {
    const bin = join(PROJECT_ROOT, 'bin', 'entail.js');
    const few = ['SYN036-2.p', 'SYN056-1.p', 'SYN059-1.p'].filter((f) => existsSync(join(DIR, f)));
    for (const f of few)
      for (const format of ['mace4', 'tptp']) {
        const problem = join(DIR, f);
        const run = (args: string[]) =>
          spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
        const m = run(['model', problem, '--format', format, '-t', '2']);
        assert.equal(m.status, 0, `${f}: ${m.stderr}`);
        const block = outputBlock(m.stdout);
        assert.ok(block, `${f}: no output block`);
        const path = join(tmp, `${f}.cli.${format}`);
        writeFileSync(path, block);
        const c = run(['check-model', problem, path]);
        assert.equal(c.status, 0, `${f} (${format}): ${c.stdout}${c.stderr}`);
        assert.match(c.stdout, /^% SZS status (Satisfiable|CounterSatisfiable) for /m);
      }
  },
);
