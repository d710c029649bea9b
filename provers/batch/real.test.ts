/**
 * The batch engine with the real modules: parser/loader, the embedded prover
 * (provers/run, skipped until it exists) and E (skipped where not installed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from './engine.js';
import { makeDefaultDeps } from './default-deps.js';
import type { BatchReport, ProblemResult, ProverName } from './types.js';
import { which } from '../external/index.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const HAVE_RUN = existsSync(fileURLToPath(new URL(`../run/index${EXT}`, import.meta.url)));
const HAVE_E = which('eprover') !== undefined;

/**
 * Satisfiable, but only by infinite models (irreflexive + transitive + serial), so
 * saturation never ends: r(X, f(X)), r(X, f(f(X))), ... E gives up only at its limit.
 */
const RUNAWAY = `% Status : CounterSatisfiable
fof(irreflexive, axiom, ![X]: ~r(X, X)).
fof(transitive, axiom, ![X, Y, Z]: ((r(X, Y) & r(Y, Z)) => r(X, Z))).
fof(serial, axiom, ![X]: ?[Y]: r(X, Y)).
fof(goal, conjecture, ?[X]: r(X, X)).
`;

function badFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entail-real-'));
  const d = join(dir, 'probs');
  mkdirSync(join(d, 'loop'), { recursive: true });
  writeFileSync(
    join(d, 'good.p'),
    '% Status : Theorem\nfof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n',
  );
  writeFileSync(join(d, 'malformed.p'), 'fof(a1, axiom, (p & )).\n');
  writeFileSync(join(d, 'binary.p'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  writeFileSync(join(d, 'empty.p'), '');
  writeFileSync(join(d, 'runaway.p'), RUNAWAY);
  symlinkSync('..', join(d, 'loop', 'again'));
  return dir;
}

function get(r: BatchReport, suffix: string): ProblemResult {
  const p = r.problems.find((x) => x.path.endsWith(suffix));
  assert.ok(p, suffix);
  return p;
}

async function checkBadFolder(prover: ProverName): Promise<void> {
  const dir = badFolder();
  const rep = await runBatch({ paths: ['probs'], cwd: dir, provers: [prover], jobs: 2, timeoutMs: 1500, deps: makeDefaultDeps() });
  assert.equal(rep.total, 6);
  assert.equal(get(rep, 'good.p').status, 'Theorem');
  assert.equal(get(rep, 'malformed.p').status, 'InputError');
  assert.ok((get(rep, 'malformed.p').error ?? '').length > 0);
  assert.match(get(rep, 'binary.p').error ?? '', /binary/);
  assert.match(get(rep, 'empty.p').error ?? '', /empty/);
  const run = get(rep, 'runaway.p');
  // E stops at its limit with Timeout/ResourceOut; the embedded portfolio may end with GaveUp (an incomplete
  // strategy saturated after the complete one ran out of time). Either way: unsolved, with a reason.
  assert.ok(['Timeout', 'ResourceOut', 'GaveUp'].includes(run.status), `runaway: ${run.status} ${run.error}`);
  assert.ok((run.error ?? '').length > 0);
  assert.equal(run.wrong, false);
  assert.match(get(rep, 'loop/again').error ?? '', /symlink loop/);
  assert.equal(rep.wrong, 0);
}

test('bad inputs with E: each reported with its reason', { skip: !HAVE_E && 'eprover not installed' }, () => checkBadFolder('e'));

test('bad inputs with the embedded prover: each reported with its reason', { skip: !HAVE_RUN && 'provers/run not present yet' }, () =>
  checkBadFolder('entail'),
);

test('TPTP includes are expanded by our loader and printed for E', { skip: !HAVE_E && 'eprover not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-inc-'));
  mkdirSync(join(dir, 'Axioms'));
  writeFileSync(join(dir, 'Axioms', 'MEN001+0.ax'), 'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\n');
  writeFileSync(join(dir, 'inc.p'), "% Status : Theorem\ninclude('Axioms/MEN001+0.ax').\nfof(g, conjecture, mortal(socrates)).\n");
  const rep = await runBatch({ paths: ['.'], cwd: dir, provers: ['e'], timeoutMs: 5000, deps: makeDefaultDeps() });
  assert.equal(rep.total, 1, 'the .ax file is not a problem of its own');
  assert.equal(rep.problems[0]!.status, 'Theorem', rep.problems[0]!.error);
});

test('.lean files go to the Lean bridge, or are skipped with the reason when Lean is not installed', async () => {
  const { discoverLean } = await import('../lean/discover.js');
  const found = (await discoverLean({ skipVersion: true })).kind === 'found';
  const dir = mkdtempSync(join(tmpdir(), 'entail-lean-'));
  writeFileSync(join(dir, 'a.lean'), 'theorem t : 1 + 1 = 2 := rfl\n');
  const rep = await runBatch({ paths: ['.'], cwd: dir, timeoutMs: 60_000, deps: makeDefaultDeps() });
  assert.equal(rep.total, 1);
  if (found) assert.equal(rep.problems[0]!.status, 'Theorem', rep.problems[0]!.error);
  else {
    assert.equal(rep.problems[0]!.status, 'Skipped');
    assert.match(rep.problems[0]!.error ?? '', /Lean not installed/);
  }
});

test(
  'proof files: E proofs as TSTP text plus a graph HTML page, embedded proofs as HTML',
  { skip: !HAVE_E && 'eprover not installed' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entail-art-'));
    writeFileSync(
      join(dir, 'syl.p'),
      'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n',
    );
    const art = join(dir, 'r-proofs');
    for (const prover of (HAVE_RUN ? ['e', 'entail'] : ['e']) as ProverName[]) {
      const rep = await runBatch({
        paths: ['syl.p'],
        cwd: dir,
        provers: [prover],
        timeoutMs: 5000,
        artifactsDir: art,
        deps: makeDefaultDeps(),
      });
      const p = rep.problems[0]!;
      assert.equal(p.status, 'Theorem');
      assert.ok(p.proof_file?.endsWith('.html'), `${prover}: ${p.proof_file}`);
      const html = readFileSync(join(dir, p.proof_file!), 'utf8');
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /mortal/);
      if (prover === 'e') {
        assert.ok(p.proof_text_file?.endsWith('.tstp'));
        assert.match(readFileSync(join(dir, p.proof_text_file!), 'utf8'), /cnf\(|fof\(/);
      }
    }
  },
);
