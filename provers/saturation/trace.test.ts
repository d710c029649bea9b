/**
 * The prover's search, pinned: on a fixed list of SYN-FOF and SET problems, each under three strategies that
 * together reach every selection function, queue kind, ordering and option, a run bounded by a clause count
 * (never by time, so it is deterministic) must give the same SZS status, the same statistics and the same
 * sequence of given clauses (hashed: id, rule, parents, priority and the clause itself) as recorded in
 * testdata/trace-golden.json. Any change to which inference is made, in what order, or how a conclusion is
 * simplified shows up here; a change meant to alter the search re-records the file with
 * `ENTAIL_RECORD_TRACE=1 node --test dist/provers/saturation/trace.test.js` and says why in its commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saturate, DEFAULT_STRATEGY } from './index.js';
import type { Strategy } from './index.js';
import { PORTFOLIO } from './portfolio.js';
import { proofToTptp } from './tstp.js';
import { clausify } from '../logic/cnf.js';
import { parseProblem } from '../logic/syntax/index.js';
import { SHARED_CORPORA, PROJECT_ROOT } from '../../testing/corpora.js';

const GOLDEN = process.env.ENTAIL_TRACE_GOLDEN ?? join(PROJECT_ROOT, 'provers', 'saturation', 'testdata', 'trace-golden.json');
const MAX_CLAUSES = 800;
const PER_SET = 12;

/** Options the portfolio does not use, so that they are pinned too. */
const EXTRA: readonly Strategy[] = [
  {
    ...DEFAULT_STRATEGY,
    name: 'x-queues',
    selection: 'complex',
    queues: [
      { key: 'rel', n: 3 },
      { key: 'horn', n: 1 },
      { key: 'weight', n: 1 },
      { key: 'sos', n: 1 },
    ],
    preferInitial: true,
    simplifyNew: true,
    litPenalty: 2,
    posMult: 1.5,
  },
  { ...DEFAULT_STRATEGY, name: 'x-lpo', selection: 'maxlcomplex', ordering: 'lpo', unfoldDefinitions: true },
  { ...DEFAULT_STRATEGY, name: 'x-pdepth2', selection: 'pdepth2', precedence: 'arity', simplifyNew: true },
  { ...DEFAULT_STRATEGY, name: 'x-rrhorn', selection: 'complex-rrhorn', unfoldDefinitions: true, relWeight: false },
  { ...DEFAULT_STRATEGY, name: 'x-nonunit', selection: 'maxneg-nonunit', goalFactor: 1, funWeights: 'invfreqrank' },
  { ...DEFAULT_STRATEGY, name: 'x-none', selection: 'none', sine: 1 },
];
const STRATEGIES: readonly Strategy[] = [...PORTFOLIO, ...EXTRA];

/** FNV-1a over the trace lines: enough to tell two searches apart without storing them. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return Math.imul(h ^ 10, 0x01000193) >>> 0;
}

interface Row {
  readonly problem: string;
  readonly strategy: string;
  readonly status: string;
  readonly processed: number;
  readonly generated: number;
  readonly kept: number;
  readonly rewrites: number;
  readonly given: number;
  readonly trace: string;
  /** Hash of the proof in TPTP form: every step, its parents and its substitution-instantiated clause. */
  readonly proof: string;
}

function problems(): string[] {
  const out: string[] = [];
  for (const set of ['SYN-FOF', 'SET']) {
    const dir = join(SHARED_CORPORA, 'tptp', set);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.p'))
      .sort();
    const step = Math.max(1, Math.floor(files.length / PER_SET));
    for (let i = 0; i < files.length && out.length < (set === 'SET' ? 2 : 1) * PER_SET; i += step) out.push(join(set, files[i]!));
  }
  return out;
}

function runAll(): Row[] {
  const rows: Row[] = [];
  const list = problems();
  list.forEach((rel, i) => {
    const text = readFileSync(join(SHARED_CORPORA, 'tptp', rel), 'utf8');
    const p = parseProblem(text, { dialect: 'tptp', file: rel });
    if (!p.ok) throw new Error(`${rel}: ${p.error.message}`);
    const clausified = clausify(p.value);
    if (!clausified.ok) throw new Error(`${rel}: ${clausified.error.message}`);
    const input = clausified.value;
    for (const k of [0, 6, 11]) {
      const strategy = STRATEGIES[(i + k) % STRATEGIES.length]!;
      let h = 0x811c9dc5;
      let given = 0;
      const r = saturate(input, {
        maxClauses: MAX_CLAUSES,
        strategy,
        trace: (line) => {
          given++;
          h = fnv(h, line);
        },
      });
      rows.push({
        problem: rel,
        strategy: strategy.name,
        status: r.status,
        processed: r.stats.processed ?? 0,
        generated: r.stats.generated ?? 0,
        kept: r.stats.kept ?? 0,
        rewrites: r.stats.rewrites ?? 0,
        given,
        trace: h.toString(16),
        proof: r.proof ? fnv(0x811c9dc5, proofToTptp(r.proof)).toString(16) : '',
      });
    }
  });
  return rows;
}

const available = existsSync(join(SHARED_CORPORA, 'tptp', 'SET')) && existsSync(join(SHARED_CORPORA, 'tptp', 'SYN-FOF'));

test('the search on 24 SYN-FOF/SET problems under 19 strategies matches the recorded trace', { skip: !available }, () => {
  const rows = runAll();
  if (process.env.ENTAIL_RECORD_TRACE === '1') {
    writeFileSync(GOLDEN, JSON.stringify(rows, null, 1) + '\n');
    return;
  }
  assert.ok(existsSync(GOLDEN), `no recorded trace at ${GOLDEN}`);
  const want = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Row[];
  assert.equal(rows.length, want.length);
  // The recording is not trivial: it holds proofs, saturations and clause-limit stops alike.
  const statuses = new Set(want.map((w) => w.status));
  assert.ok(statuses.size >= 3, [...statuses].join(','));
  for (let i = 0; i < rows.length; i++) assert.deepEqual(rows[i], want[i], `${want[i]!.problem} under ${want[i]!.strategy}`);
});
