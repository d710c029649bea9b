/**
 * The --json outputs against their schemas (cli/json-output.ts): the committed
 * docs/cli-json.schema.json is what the schemas generate, and every command's real output,
 * successes and failures, on small inputs parses under its command's schema and the part
 * it should be. A wrong document is rejected, so these checks can fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { main } from './main.js';
import { memoryIo } from './testing.js';
import { runVerify } from './commands/verify.js';
import { CLI_JSON, CLI_JSON_PARTS, cliJsonSchema } from './json-output.js';
import type { CliJsonCommand } from './json-output.js';
import { PROJECT_ROOT } from '../testing/corpora.js';
import { FAKE_REPL, TRANSCRIPTS } from '../provers/lean/fixtures/fakes.js';
import type { FiniteModel } from '../provers/logic/proof.js';
import { modelToTptp } from '../provers/models/index.js';

const dir = mkdtempSync(join(tmpdir(), 'entail-json-output-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const SOCRATES = write(
  'socrates.p',
  'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n',
);
const ZEUS = write(
  'zeus.p',
  'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(zeus)).\n',
);
const SKOLEM = write('skolem.p', 'fof(a1, axiom, ![X]: ?[Y]: loves(X, Y)).\nfof(c, conjecture, ?[Z]: loves(a, Z)).\n');
const BAD = write('bad.p', 'fof(a1, axiom, (p & ).\n');
const MISSING = join(dir, 'missing.p');

/** One clause of 40 000 literals: clausification is quadratic in it, far past a fraction of a second. */
const WIDE = write('wide.p', `fof(a, axiom, ${Array.from({ length: 40_000 }, (_, i) => `p${i}`).join(' | ')}).\nfof(c, conjecture, q).\n`);

/** Runs `entail ARGV` in-process; returns the exit code and the parsed stdout. */
async function run(argv: readonly string[]): Promise<{ code: number; json: unknown; err: string }> {
  const io = memoryIo(dir);
  const code = await main(argv, io);
  const out = io.outText();
  let json: unknown;
  try {
    json = JSON.parse(out);
  } catch (e) {
    assert.fail(
      `entail ${argv.join(' ')}: stdout is not one JSON document (${(e as Error).message}):\n${out.slice(0, 500)}\n${io.errText()}`,
    );
  }
  return { code, json, err: io.errText() };
}

function conforms(schema: z.ZodType, value: unknown, what: string): void {
  const r = schema.safeParse(value);
  assert.ok(r.success, `${what}: ${r.success ? '' : JSON.stringify(r.error.issues, null, 1).slice(0, 2000)}`);
}

/** The output parses under its command's schema and under the named part it should be. */
async function expectJson(
  cmd: CliJsonCommand,
  argv: readonly string[],
  part: keyof typeof CLI_JSON_PARTS | undefined,
  code: number,
): Promise<Record<string, unknown>> {
  const r = await run(argv);
  const what = `entail ${argv.join(' ')}`;
  assert.equal(r.code, code, `${what}: exit ${r.code}\n${r.err}`);
  conforms(CLI_JSON[cmd], r.json, what);
  if (part) conforms(CLI_JSON_PARTS[part], r.json, `${what} (${part})`);
  return r.json as Record<string, unknown>;
}

test('docs/cli-json.schema.json is what `npm run schema:cli` generates now', () => {
  const committed: unknown = JSON.parse(readFileSync(join(PROJECT_ROOT, 'docs', 'cli-json.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(cliJsonSchema())), 'run `npm run schema:cli` and commit the result');
  const defs = (committed as { $defs: Record<string, unknown> }).$defs;
  for (const c of Object.keys(CLI_JSON)) assert.ok(c in defs, `$defs has ${c}`);
});

test('the help of every command in the schema points at it', async () => {
  for (const c of Object.keys(CLI_JSON)) {
    const io = memoryIo(dir);
    assert.equal(await main([c, '--help'], io), 0);
    assert.match(io.outText(), /docs\/cli-json\.schema\.json/, `entail ${c} --help`);
  }
});

test('parse --json: counts, positioned syntax errors, a missing file, dataset records', async () => {
  const ok = await expectJson('parse', ['parse', SOCRATES, '--json'], undefined, 0);
  assert.equal(ok.formulas, 3);
  const bad = await expectJson('parse', ['parse', BAD, MISSING, '--json'], undefined, 1);
  assert.equal((bad.errors as unknown[]).length, 2);
  // The sample keeps one malformed FOLIO conclusion: its error names the record.
  const ds = await expectJson(
    'parse',
    ['parse', join(PROJECT_ROOT, 'corpora', 'folio', 'validation-sample.jsonl'), '--json'],
    undefined,
    1,
  );
  assert.ok((ds.records as number) > 0);
  assert.ok((ds.errors as { record?: string }[]).every((e) => e.record !== undefined));
});

test('cnf --json: clauses with Skolem functions; syntax error, missing file and timeout as SZS failures', { timeout: 60_000 }, async () => {
  const ok = await expectJson('cnf', ['cnf', SKOLEM, '--json'], 'cnf-result', 0);
  assert.ok((ok.skolems as string[]).length > 0);
  assert.equal((await expectJson('cnf', ['cnf', BAD, '--json'], 'load-failure', 1)).szs, 'SyntaxError');
  assert.equal((await expectJson('cnf', ['cnf', MISSING, '--json'], 'load-failure', 1)).szs, 'OSError');
  assert.equal((await expectJson('cnf', ['cnf', WIDE, '-t', '0.3', '--json'], 'clausify-failure', 1)).szs, 'Timeout');
});

test(
  'model --json and check-model --json: a countermodel, none found, a model file that is and is not one',
  { timeout: 60_000 },
  async () => {
    const found = await expectJson('model', ['model', ZEUS, '--json'], 'model-result', 0);
    assert.equal(found.szs, 'CounterSatisfiable');
    const none = await expectJson('model', ['model', SOCRATES, '-n', '2', '--json'], 'model-result', 1);
    assert.equal(none.status, 'none');
    assert.equal((await expectJson('model', ['model', BAD, '--json'], 'load-failure', 1)).szs, 'SyntaxError');
    assert.equal((await expectJson('model', ['model', WIDE, '-t', '0.3', '--json'], 'clausify-failure', 1)).szs, 'Timeout');

    const modelFile = write('zeus-model.p', modelToTptp(found.model as FiniteModel, 'zeus'));
    const is = await expectJson('check-model', ['check-model', ZEUS, modelFile, '--json'], 'check-model-result', 0);
    assert.deepEqual([is.model, is.szs], [true, 'CounterSatisfiable']);
    // The same model against a problem whose premise it breaks: not a model, and no status.
    const other = write('other.p', 'fof(a1, axiom, mortal(zeus)).\n');
    const isNot = await expectJson('check-model', ['check-model', other, modelFile, '--json'], 'check-model-result', 1);
    assert.deepEqual([isNot.model, 'szs' in isNot], [false, false]);
    const garbled = write('garbled-model.p', 'fof(m, fi_domain, ![X]: (X = ).\n');
    assert.equal((await expectJson('check-model', ['check-model', ZEUS, garbled, '--json'], 'model-file-failure', 1)).szs, 'SyntaxError');
    assert.equal((await expectJson('check-model', ['check-model', ZEUS, MISSING, '--json'], 'model-file-failure', 1)).szs, 'OSError');
    assert.equal((await expectJson('check-model', ['check-model', BAD, modelFile, '--json'], 'load-failure', 1)).szs, 'SyntaxError');
  },
);

test('prove --json: a checked proof, a countermodel, a timeout, a syntax error', { timeout: 60_000 }, async () => {
  const thm = await expectJson('prove', ['prove', SOCRATES, '--check', '--json'], 'prove-result', 0);
  assert.equal(thm.status, 'Theorem');
  assert.ok(thm.proof && thm.check, 'the proof and the checker report are in the output');
  const csa = await expectJson('prove', ['prove', ZEUS, '--json'], 'prove-result', 0);
  assert.deepEqual([csa.status, 'model' in csa], ['CounterSatisfiable', true]);
  assert.equal((await expectJson('prove', ['prove', WIDE, '-t', '0.3', '--json'], 'prove-result', 0)).status, 'Timeout');
  assert.equal((await expectJson('prove', ['prove', BAD, '--json'], 'load-failure', 1)).szs, 'SyntaxError');
});

test('prolog --json: answers with proof steps, the step limit, a syntax error', async () => {
  const pl = write(
    'anc.pl',
    'parent(tom, bob).\nparent(bob, ann).\nanc(X, Y) :- parent(X, Y).\nanc(X, Y) :- parent(X, Z), anc(Z, Y).\nloop :- loop.\n',
  );
  const ok = await expectJson('prolog', ['prolog', pl, '--query', 'anc(tom, X).', '--json'], undefined, 0);
  assert.equal(ok.status, 'ok');
  assert.ok((ok.answers as { steps?: unknown[] }[]).every((a) => (a.steps ?? []).length > 0));
  assert.equal(
    (await expectJson('prolog', ['prolog', pl, '--query', 'loop.', '--max-steps', '500', '--json'], undefined, 1)).status,
    'limit',
  );
  const bad = write('bad.pl', 'p(a).\nq(X :- p(X).\n');
  assert.equal((await expectJson('prolog', ['prolog', bad, '--query', 'p(X).', '--json'], undefined, 1)).status, 'error');
});

test('explore --json: the derivation of a small Peano run', { timeout: 120_000 }, async () => {
  const d = await expectJson(
    'explore',
    ['explore', join(PROJECT_ROOT, 'corpora', 'peano'), '--only', 'plus', '--max-term-size', '4', '--json'],
    undefined,
    0,
  );
  assert.ok((d.theorems as unknown[]).length > 0);
});

test('lean --json with the fake REPL: check, goals, info; Lean missing; a request past its deadline', async () => {
  process.env.FAKE_REPL_TRANSCRIPT = join(TRANSCRIPTS, 'basic');
  try {
    const sample = join(PROJECT_ROOT, 'provers', 'lean', 'fixtures', 'sample.lean');
    assert.equal((await expectJson('lean', ['lean', 'check', sample, '--json', '--repl', FAKE_REPL], 'lean-check', 1)).errors, 1);
    await expectJson('lean', ['lean', 'goals', sample, '--json', '--repl', FAKE_REPL], 'lean-goals', 1);
    assert.equal((await expectJson('lean', ['lean', 'info', '--json', '--repl', FAKE_REPL], 'lean-info', 0)).kind, 'found');
  } finally {
    delete process.env.FAKE_REPL_TRANSCRIPT;
  }
  const absent = ['--json', '--repl', '/nonexistent/entail/repl'];
  await expectJson('lean', ['lean', 'check', 'x.lean', ...absent], 'lean-not-installed', 1);
  assert.equal((await expectJson('lean', ['lean', 'info', ...absent], 'lean-info', 1)).kind, 'notInstalled');
  // Standard input goes to the REPL as a command; the fake REPL never answers `#stall`.
  const r = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'entail.js'), 'lean', 'check', '-', '--json', '--repl', FAKE_REPL, '--timeout', '300'],
    {
      input: '#stall',
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  assert.equal(r.status, 1, r.stderr);
  const timeout: unknown = JSON.parse(r.stdout);
  conforms(CLI_JSON.lean, timeout, 'lean check - (stalled)');
  conforms(CLI_JSON_PARTS['lean-failure'], timeout, 'lean check - (stalled)');
  assert.equal((timeout as { status: string }).status, 'timeout');
});

test('eval --json FILE: controlled English on ProofWriter, gold FOL on FOLIO', { timeout: 120_000 }, async () => {
  for (const [data, extra] of [
    ['proofwriter/dev-sample.json', ['--provider', 'cnl']],
    ['folio/validation-sample.jsonl', ['--gold-fol']],
  ] as const) {
    const out = join(dir, `eval-${extra[0]}.json`);
    const io = memoryIo(dir);
    const argv = ['eval', join(PROJECT_ROOT, 'corpora', data), ...extra, '--limit', '3', '--samples', '1', '--no-cache', '--json', out];
    assert.equal(await main(argv, io), 0, io.errText());
    const report: unknown = JSON.parse(readFileSync(out, 'utf8'));
    conforms(CLI_JSON.eval, report, `entail ${argv.join(' ')}`);
    assert.equal((report as { problems: unknown[] }).problems.length, 3);
  }
});

test('verify --json FILE: a theorem, a syntax error, and an external prover that is not installed', { timeout: 120_000 }, async () => {
  const probs = join(dir, 'verify');
  mkdirSync(probs);
  writeFileSync(join(probs, 'thm.p'), `% Status : Theorem\n${readFileSync(SOCRATES, 'utf8')}`);
  writeFileSync(join(probs, 'bad.p'), readFileSync(BAD, 'utf8'));
  const hooks = { handleSigint: false, stderrIsTty: false } as const;
  const r1 = join(dir, 'verify-1.json');
  assert.equal(await runVerify([probs, '--timeout', '5', '--quiet', '--json', r1], memoryIo(dir), hooks), 1);
  const rep1: unknown = JSON.parse(readFileSync(r1, 'utf8'));
  conforms(CLI_JSON.verify, rep1, 'verify (theorem, syntax error)');
  assert.deepEqual((rep1 as { by_status: unknown }).by_status, { InputError: 1, Theorem: 1 });
  const r2 = join(dir, 'verify-2.json');
  await runVerify([probs, '--prover', 'e', '--e-path', '/nonexistent/eprover', '--quiet', '--json', r2], memoryIo(dir), hooks);
  const rep2: unknown = JSON.parse(readFileSync(r2, 'utf8'));
  conforms(CLI_JSON.verify, rep2, 'verify --prover e (not installed)');
  assert.ok((rep2 as { problems: { status: string }[] }).problems.some((p) => p.status === 'NotInstalled'));
});

test('a document that is not the output is rejected: missing, unknown and mistyped fields', async () => {
  const good = (await run(['prove', SOCRATES, '--json'])).json as Record<string, unknown>;
  conforms(CLI_JSON.prove, good, 'prove');
  const { status: _status, ...noStatus } = good;
  for (const [what, doc] of [
    ['a missing required field', noStatus],
    ['an unknown field', { ...good, verdict: 'yes' }],
    ['a status outside the SZS list', { ...good, status: 'Proved' }],
    ['a mistyped stats counter', { ...good, stats: { timeMs: 'fast' } }],
  ] as const)
    assert.equal(CLI_JSON.prove.safeParse(doc).success, false, `${what} is rejected`);
  const schema = cliJsonSchema() as { $defs: Record<string, { required?: string[]; additionalProperties?: unknown }> };
  assert.ok(schema.$defs['prove-result']!.required!.includes('status'));
  assert.equal(schema.$defs['prove-result']!.additionalProperties, false);
});
