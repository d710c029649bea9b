import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectProvers, groupAlive, runExternal, runLimited, tptpHasConjecture, which, problemToSmt2 } from './index.js';
import { E_SPEC, PROVER9_SPEC, Z3_SPEC, VAMPIRE_SPEC } from './provers.js';
import { extractProver9Proof, extractSzsOutput, parseSzsStatus } from './szs-output.js';
import { mkAtom, mkForall, mkImp, mkNot } from '../logic/formula.js';
import { mkConst, mkVar } from '../logic/term.js';
import type { Problem } from '../logic/problem.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'entail-ext-'));
const HAVE_E = which('eprover') !== undefined;
const HAVE_Z3 = which('z3') !== undefined;

/** Alive and not a zombie (killed orphans are reparented to PID 1, which may reap them late). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

test('process-group kill: a fake prover that forks a child and sleeps forever leaves no survivors', async () => {
  const dir = tmp();
  const script = join(dir, 'fake-prover.sh');
  const pids = join(dir, 'pids');
  writeFileSync(
    script,
    `#!/bin/sh\nsleep 1000 &\necho $! >> ${pids}\n( sleep 1000; echo never ) &\necho $! >> ${pids}\necho $$ >> ${pids}\nsleep 1000\n`,
  );
  chmodSync(script, 0o755);
  const o = await runLimited(script, [], { limits: { wallMs: 700 } });
  assert.equal(o.kind, 'exited');
  if (o.kind !== 'exited') return;
  assert.equal(o.timedOut, true);
  const ps = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
  assert.equal(ps.length, 3);
  // SIGKILL is asynchronous: give the kernel a moment to reap.
  await new Promise((r) => setTimeout(r, 200));
  for (const pid of ps) assert.equal(alive(pid), false, `process ${pid} survived`);
  assert.equal(groupAlive(ps[2]!), false);
});

test('a fake prover configured as E hits the limit: Timeout, group killed', async () => {
  const dir = tmp();
  const script = join(dir, 'eprover');
  const pids = join(dir, 'pids');
  writeFileSync(script, `#!/bin/sh\nsleep 1000 &\necho $! >> ${pids}\nwhile :; do :; done\n`);
  chmodSync(script, 0o755);
  writeFileSync(join(dir, 'p.p'), 'fof(a, conjecture, p).\n');
  const r = await runExternal('e', { kind: 'tptpFile', path: join(dir, 'p.p') }, { timeoutMs: 1000, config: { paths: { e: script } } });
  assert.equal(r.status, 'Timeout');
  await new Promise((res) => setTimeout(res, 200));
  for (const pid of readFileSync(pids, 'utf8').trim().split('\n').map(Number)) assert.equal(alive(pid), false);
});

test('a missing binary is NotInstalled, not a crash', async () => {
  const r = await runExternal(
    'e',
    { kind: 'tptpFile', path: '/nonexistent.p' },
    { timeoutMs: 1000, config: { paths: { e: '/nonexistent/bin/eprover' } } },
  );
  assert.equal(r.status, 'NotInstalled');
  assert.match(r.message ?? '', /not installed/);
  const r2 = await runExternal('vampire', { kind: 'tptpFile', path: '/nonexistent.p' }, { timeoutMs: 1000, config: { env: { PATH: '' } } });
  assert.equal(r2.status, 'NotInstalled');
  const d = await detectProvers({ env: { PATH: '' } });
  assert.deepEqual(
    d.map((x) => x.installed),
    [false, false, false, false],
  );
});

test('stderr is captured and exit codes map to statuses', async () => {
  const dir = tmp();
  const script = join(dir, 'eprover');
  writeFileSync(script, '#!/bin/sh\necho "eprover: syntax error somewhere" >&2\nexit 3\n');
  chmodSync(script, 0o755);
  const r = await runExternal('e', { kind: 'tptpFile', path: '/x.p' }, { timeoutMs: 2000, config: { paths: { e: script } } });
  assert.equal(r.status, 'InputError');
  assert.match(r.message ?? '', /syntax error somewhere/);
  assert.match(r.raw?.stderr ?? '', /syntax error/);
  assert.equal(r.raw?.exitCode, 3);
});

test('SZS lines and proof blocks are read from recorded transcripts', () => {
  const eOut =
    '# Proof found!\n# SZS status Theorem\n# SZS output start CNFRefutation\ncnf(c_0_1, negated_conjecture, ($false), inference(x,[],[])).\n# SZS output end CNFRefutation\n';
  assert.equal(parseSzsStatus(eOut), 'Theorem');
  assert.match(extractSzsOutput(eOut)?.text ?? '', /^cnf\(c_0_1/);
  const it = E_SPEC.interpret({ code: 0, signal: null, stdout: eOut, stderr: '', hasConjecture: true });
  assert.equal(it.status, 'Theorem');
  assert.equal(it.proofFormat, 'tstp');
  assert.equal(
    E_SPEC.interpret({ code: 1, signal: null, stdout: '# SZS status CounterSatisfiable\n', stderr: '', hasConjecture: true }).status,
    'CounterSatisfiable',
  );
  assert.equal(E_SPEC.interpret({ code: 7, signal: null, stdout: '', stderr: 'cpu limit', hasConjecture: true }).status, 'Timeout');
  // A success exit code without an SZS line is not trusted.
  assert.equal(E_SPEC.interpret({ code: 0, signal: null, stdout: 'garbage', stderr: '', hasConjecture: true }).status, 'Error');
  assert.equal(
    VAMPIRE_SPEC.interpret({ code: 0, signal: null, stdout: '% SZS status MemoryOut for x\n', stderr: '', hasConjecture: true }).status,
    'ResourceOut',
  );
  const p9 =
    '============================== PROOF =================================\n1 p # label(non_clause).  [assumption].\n2 $F.  [resolve(1,a,1,a)].\n============================== end of proof ==========================\n';
  assert.match(extractProver9Proof('preamble\n' + p9 + 'after') ?? '', /resolve/);
  assert.equal(PROVER9_SPEC.interpret({ code: 0, signal: null, stdout: p9, stderr: '', hasConjecture: true }).status, 'Theorem');
  assert.equal(
    PROVER9_SPEC.interpret({ code: 2, signal: null, stdout: 'SEARCH FAILED', stderr: '', hasConjecture: true }).status,
    'CounterSatisfiable',
  );
  assert.equal(
    PROVER9_SPEC.interpret({ code: 2, signal: null, stdout: 'SEARCH FAILED', stderr: '', hasConjecture: false }).status,
    'Satisfiable',
  );
  assert.equal(PROVER9_SPEC.interpret({ code: 4, signal: null, stdout: '', stderr: '', hasConjecture: true }).status, 'Timeout');
  assert.equal(PROVER9_SPEC.interpret({ code: 0, signal: null, stdout: 'no proof', stderr: '', hasConjecture: true }).status, 'Error');
  assert.equal(Z3_SPEC.interpret({ code: 0, signal: null, stdout: 'unsat\n', stderr: '', hasConjecture: true }).status, 'Theorem');
  assert.equal(Z3_SPEC.interpret({ code: 0, signal: null, stdout: 'sat\n', stderr: '', hasConjecture: false }).status, 'Satisfiable');
  assert.equal(Z3_SPEC.interpret({ code: 0, signal: null, stdout: 'unknown\n', stderr: '', hasConjecture: true }).status, 'GaveUp');
  assert.equal(tptpHasConjecture('fof(a,axiom,p).\nfof(g, conjecture, q).'), true);
  // E 2.6 with 0-second schedule slots has answered CounterSatisfiable on Theorems: not trusted.
  const zeroSlot = '# Trying AutoSched0 for 0 seconds\n# No success with AutoSched0\n# SZS status CounterSatisfiable\n';
  assert.equal(E_SPEC.interpret({ code: 1, signal: null, stdout: zeroSlot, stderr: '', hasConjecture: true }).status, 'GaveUp');
  const fine = '# Trying AutoSched0 for 4 seconds\n# SZS status CounterSatisfiable\n';
  assert.equal(E_SPEC.interpret({ code: 1, signal: null, stdout: fine, stderr: '', hasConjecture: true }).status, 'CounterSatisfiable');
  const proved = '# Trying AutoSched0 for 0 seconds\n# SZS status Theorem\n';
  assert.equal(E_SPEC.interpret({ code: 0, signal: null, stdout: proved, stderr: '', hasConjecture: true }).status, 'Theorem');
  assert.equal(tptpHasConjecture('cnf(a,axiom,p).'), false);
});

test('E on PATH proves a TPTP problem and returns its TSTP proof', { skip: !HAVE_E && 'eprover not installed' }, async () => {
  const dir = tmp();
  const f = join(dir, 'syl.p');
  writeFileSync(f, 'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n');
  const r = await runExternal('e', { kind: 'tptpFile', path: f }, { timeoutMs: 5000 });
  assert.equal(r.status, 'Theorem');
  assert.equal(r.prover, 'e');
  assert.match(r.proofText ?? '', /socrates/);
  const g = join(dir, 'sat.p');
  writeFileSync(g, 'fof(a1, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n');
  assert.equal((await runExternal('e', { kind: 'tptpFile', path: g }, { timeoutMs: 5000 })).status, 'CounterSatisfiable');
  const bad = join(dir, 'bad.p');
  writeFileSync(bad, 'fof(a1, axiom, (p & ).\n');
  assert.equal((await runExternal('e', { kind: 'tptpFile', path: bad }, { timeoutMs: 5000 })).status, 'InputError');
  assert.ok(existsSync(f));
});

test('z3 answers through the SMT-LIB translation', { skip: !HAVE_Z3 && 'z3 not installed' }, async () => {
  const X = mkVar('X');
  const s = mkConst('socrates');
  const base: Problem = {
    name: 'syl',
    statements: [
      { name: 'a1', role: 'axiom', language: 'fof', formula: mkForall(['X'], mkImp(mkAtom('man', [X]), mkAtom('mortal', [X]))) },
      { name: 'a2', role: 'axiom', language: 'fof', formula: mkAtom('man', [s]) },
      { name: 'g', role: 'conjecture', language: 'fof', formula: mkAtom('mortal', [s]) },
    ],
  };
  const smt = problemToSmt2(base);
  assert.match(smt.text, /\(assert \(not \(\|p\.mortal\.1\| \|f\.socrates\.0\|\)\)\)/);
  assert.equal((await runExternal('z3', { kind: 'problem', problem: base }, { timeoutMs: 5000 })).status, 'Theorem');
  const cs: Problem = { ...base, statements: [base.statements[0]!, base.statements[2]!] };
  assert.equal((await runExternal('z3', { kind: 'problem', problem: cs }, { timeoutMs: 5000 })).status, 'CounterSatisfiable');
  const unsat: Problem = {
    name: 'u',
    statements: [base.statements[1]!, { name: 'n', role: 'axiom', language: 'fof', formula: mkNot(mkAtom('man', [s])) }],
  };
  assert.equal((await runExternal('z3', { kind: 'problem', problem: unsat }, { timeoutMs: 5000 })).status, 'Unsatisfiable');
});

test('the memory limit (prlimit --as) applies to the prover process', { skip: !which('python3') && 'python3 not installed' }, async () => {
  const code = 'b = bytearray(1024 * 1024 * 1024)\nprint("allocated")';
  const free = await runLimited('python3', ['-c', code], { limits: { wallMs: 20_000 } });
  const capped = await runLimited('python3', ['-c', code], { limits: { wallMs: 20_000, memMb: 256 } });
  assert.ok(free.kind === 'exited' && capped.kind === 'exited');
  if (free.kind !== 'exited' || capped.kind !== 'exited') return;
  assert.match(free.stdout, /allocated/);
  assert.notEqual(capped.code, 0);
  assert.match(capped.stderr, /MemoryError/);
});
