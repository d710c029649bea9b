/**
 * E reads `entail cnf` output and agrees with itself on the original: on all of
 * SYN-FOF (K = 1; a larger K samples every K-th problem), each problem E solves from
 * the original within a short CPU limit is clausified by Entail and given to E again;
 * E must parse it and answer consistently. Giving up on the cnf is counted and
 * reported, never a contradiction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { CommandRunner } from './testing-worker.js';

const DIR = join(SHARED_CORPORA, 'tptp', 'SYN-FOF');
/** Every K-th problem of the sorted set; the whole set (K = 1) takes about 150 s on a quiet 2-core machine. */
const K = 1;
const E_CPU_S = 2;
const E_HARD_MS = 6000;
const CNF_HARD_MS = 10_000;

const haveE = spawnSync('eprover', ['--version'], { encoding: 'utf8', timeout: 5000 }).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'entail-cnf-e-'));

type ERun = { status: string | undefined; stderr: string; code: number | null; killed: boolean };

function eprover(file: string): Promise<ERun> {
  return new Promise((resolve) => {
    const p = spawn('eprover', [`--cpu-limit=${E_CPU_S}`, '--auto', '-s', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, E_HARD_MS);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: /^# SZS status (\w+)/m.exec(out)?.[1] ?? /SZS status (\w+)/.exec(out)?.[1], stderr: err, code, killed });
    });
  });
}

/** What the clause set (conjecture negated) must be, from E's answer on the original. */
function expectedOnCnf(status: string | undefined): 'Unsatisfiable' | 'Satisfiable' | undefined {
  if (status === 'Theorem' || status === 'Unsatisfiable' || status === 'ContradictoryAxioms') return 'Unsatisfiable';
  if (status === 'CounterSatisfiable' || status === 'Satisfiable') return 'Satisfiable';
  return undefined;
}

test(
  `SYN-FOF (${K === 1 ? 'every problem' : `every ${K}th problem`}): E ${E_CPU_S} s reads entail cnf output and answers as on the original`,
  { skip: (!existsSync(DIR) && 'SYN-FOF corpus not present') || (!haveE && 'eprover not on PATH'), timeout: 900_000 },
  async () => {
    const runner = new CommandRunner();
    const sample = readdirSync(DIR)
      .filter((f) => f.endsWith('.p'))
      .sort()
      .filter((_, i) => i % K === 0);
    let solved = 0;
    let agreed = 0;
    const gaveUp: string[] = [];
    try {
      for (const f of sample) {
        const problem = join(DIR, f);
        const expected = expectedOnCnf((await eprover(problem)).status);
        if (!expected) continue;
        solved++;
        const r = await runner.run('cnf', [problem], tmp, CNF_HARD_MS);
        if (r === 'killed') {
          gaveUp.push(`${f} (entail cnf over ${CNF_HARD_MS / 1000} s)`);
          continue;
        }
        assert.equal(r.code, 0, `${f}: entail cnf failed: ${r.out}${r.err}`);
        const block = /^% SZS output start ListOfCNF[^\n]*\n([\s\S]*?)\n% SZS output end ListOfCNF/m.exec(r.out)?.[1];
        assert.ok(block, `${f}: no ListOfCNF block`);
        const path = join(tmp, f.replace(/\.p$/, '.cnf.p'));
        writeFileSync(path, block + '\n');
        const e = await eprover(path);
        assert.doesNotMatch(e.stderr, /error/i, `${f}: E rejects the cnf: ${e.stderr}`);
        assert.notEqual(e.status, 'SyntaxError', f);
        assert.notEqual(e.status, 'InputError', f);
        if (e.status === expected) agreed++;
        else {
          assert.ok(
            e.killed || e.status === undefined || ['GaveUp', 'ResourceOut', 'Timeout', 'Unknown'].includes(e.status),
            `${f}: E says ${e.status} on the cnf, ${expected} expected`,
          );
          gaveUp.push(`${f} (E: ${e.status ?? (e.killed ? 'killed' : 'no status')})`);
        }
      }
    } finally {
      await runner.close();
    }
    console.log(
      `SYN-FOF sample of ${sample.length}: E solved ${solved} originals; agreed on ${agreed} cnfs; undecided ${gaveUp.length}: ${gaveUp.join(', ')}`,
    );
    assert.ok(solved > 0, 'E solved no problem of the sample');
    assert.equal(agreed + gaveUp.length, solved);
    assert.ok(agreed > 0, 'E agreed on no cnf');
  },
);
