import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './io.js';
import { neutralise } from './io.js';
import { main } from './main.js';
import { cnfToTptp } from './commands/cnf.js';
import { szsStatusLines } from './szs.js';
import { parseProblem } from '../provers/logic/syntax/index.js';
import { clausify } from '../provers/logic/cnf.js';
import { printClause } from '../provers/logic/syntax/index.js';

function run(argv: readonly string[], cwd: string, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    isTty: false,
    cwd,
    ...(stdin !== undefined ? { readStdin: () => Promise.resolve(stdin) } : {}),
  };
  return main(argv, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const SOCRATES = 'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n';
const PLATO = 'fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(plato)).\n';

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'entail-cli-golden-'));
  writeFileSync(join(d, 'socrates.p'), SOCRATES);
  writeFileSync(join(d, 'plato.p'), PLATO);
  writeFileSync(join(d, 'bad.p'), 'fof(a, axiom, (p & )).\n');
  return d;
}

test('options parse the GNU way: --opt=value, -t value, and - for standard input', async () => {
  const d = dir();
  try {
    for (const argv of [
      ['prove', '--timeout=5', 'socrates.p'],
      ['prove', '-t', '5', 'socrates.p'],
      ['prove', '-t5', 'socrates.p'],
      ['prove', '--timeout', '5', '--', 'socrates.p'],
    ]) {
      const r = await run(argv, d);
      assert.equal(r.code, 0, argv.join(' '));
      assert.equal(r.out.split('\n')[0], '% SZS status Theorem for socrates');
    }
    const s = await run(['prove', '-'], d, SOCRATES);
    assert.equal(s.code, 0);
    assert.equal(s.out.split('\n')[0], '% SZS status Theorem for stdin');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('misuse prints usage to stderr with exit 2; --help prints it to stdout with exit 0', async () => {
  const d = dir();
  try {
    for (const argv of [
      ['prove'],
      ['prove', '--bogus', 'x.p'],
      ['prove', '-t', 'abc', 'x.p'],
      ['model', '--format', 'xml', 'x.p'],
      ['cnf', 'a.p', 'b.p'],
      ['check-model', 'a.p'],
    ]) {
      const r = await run(argv, d);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, new RegExp(`entail ${argv[0]}: [\\s\\S]*usage: entail ${argv[0]} `));
    }
    for (const c of ['prove', 'model', 'cnf', 'parse', 'convert', 'check-model']) {
      const h = await run([c, '--help'], d);
      assert.equal(h.code, 0);
      assert.match(h.out, new RegExp(`^usage: entail ${c} `));
      assert.equal(h.err, '');
    }
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const v = await run(['--version'], d);
    assert.deepEqual([v.code, v.out], [0, `entail ${pkg.version}`]);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('Entail-only outcomes are a comment under an SZS ontology status', () => {
  assert.deepEqual(szsStatusLines('NotInstalled', 'p'), ['% SZS status Unknown for p', '% Entail outcome: NotInstalled']);
  assert.deepEqual(szsStatusLines('Theorem', 'p'), ['% SZS status Theorem for p']);
});

test('input problems get an SZS status line: SyntaxError, OSError', async () => {
  const d = dir();
  try {
    for (const c of ['prove', 'model', 'cnf']) {
      const bad = await run([c, 'bad.p'], d);
      assert.equal(bad.code, 1);
      assert.equal(bad.out, '% SZS status SyntaxError for bad');
      assert.match(bad.err, /^bad\.p:1:20: /);
      const missing = await run([c, 'missing.p'], d);
      assert.equal(missing.code, 1);
      assert.equal(missing.out, '% SZS status OSError for missing');
    }
    const j = await run(['prove', '--json', 'bad.p'], d);
    assert.deepEqual((JSON.parse(j.out) as { szs: string }).szs, 'SyntaxError');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('entail model prints a TPTP finite interpretation in SZS output markers, and check-model reads it back', async () => {
  const d = dir();
  try {
    const m = await run(['model', 'plato.p'], d);
    assert.equal(m.code, 0);
    const lines = m.out.split('\n');
    assert.equal(lines[0], '% SZS status CounterSatisfiable for plato');
    const start = lines.indexOf('% SZS output start FiniteModel for plato');
    const end = lines.indexOf('% SZS output end FiniteModel for plato');
    assert.ok(start > 0 && end > start);
    const model = lines.slice(start + 1, end).join('\n');
    assert.match(model, /fof\(plato_domain, fi_domain,\n {4}! \[X\] : \(X = e0 \| X = e1\)\)\./);
    assert.match(model, /fi_functors/);
    assert.match(model, /fi_predicates/);
    writeFileSync(join(d, 'model.p'), model);
    const c = await run(['check-model', 'plato.p', 'model.p'], d);
    assert.equal(c.code, 0);
    assert.equal(c.out.split('\n')[0], '% SZS status CounterSatisfiable for plato');
    // The same model does not satisfy a problem whose axiom it falsifies.
    writeFileSync(join(d, 'other.p'), 'fof(a, axiom, mortal(plato)).\n');
    const o = await run(['check-model', 'other.p', 'model.p'], d);
    assert.equal(o.code, 1);
    assert.match(o.out, /not a model of other[\s\S]*a \(axiom\): FALSE/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('Mace4 format is printed on request and read back', async () => {
  const d = dir();
  try {
    const m = await run(['model', '--format', 'mace4', 'plato.p'], d);
    assert.equal(m.code, 0);
    const block = m.out.split('\n').filter((l) => !l.startsWith('%'));
    assert.match(block[0]!, /^interpretation\( 2, \[number=1, seconds=0\], \[$/);
    assert.ok(block.includes('    relation(man(_), [1,0]),') || block.includes('    relation(man(_), [0,1]),'));
    writeFileSync(join(d, 'model.mace4'), block.join('\n'));
    const c = await run(['check-model', 'plato.p', 'model.mace4'], d);
    assert.equal(c.code, 0);
    assert.match(c.out, /^% SZS status CounterSatisfiable for plato/);
    const t = await run(['model', '--format', 'table', 'plato.p'], d);
    assert.match(t.out, /domain: \{e0, e1\} \(size 2\)/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('entail cnf prints cnf lines with inference sources that parse back to the same clauses', async () => {
  const d = dir();
  try {
    writeFileSync(
      join(d, 'sk.p'),
      'fof(a1, axiom, ![X]: (man(X) => ?[Y]: mother(Y,X))).\nfof(c, conjecture, ?[Z]: mother(Z, socrates)).\n',
    );
    const r = await run(['cnf', 'sk.p'], d);
    assert.equal(r.code, 0);
    const lines = r.out.split('\n');
    const body = lines.slice(lines.indexOf('% SZS output start ListOfCNF for sk') + 1, lines.indexOf('% SZS output end ListOfCNF for sk'));
    assert.equal(body.length, 2);
    assert.match(body[0]!, /^cnf\(\w+, axiom, ~man\(X1\) \| mother\(sk1\(X1\),X1\), inference\(clausify, \[status\(esa\)\], \[a1\]\)\)\.$/);
    assert.match(body[1]!, /^cnf\(\w+, negated_conjecture, ~mother\(X1,socrates\), inference\(clausify, \[status\(esa\)\], \[c\]\)\)\.$/);
    const again = parseProblem(body.join('\n'), { dialect: 'tptp' });
    assert.ok(again.ok);
    if (!again.ok) return;
    const clausified = clausify(again.value);
    assert.ok(clausified.ok);
    const cnf2 = clausified.value;
    assert.deepEqual(
      cnf2.clauses.map((c) => printClause(c.clause, 'tptp')),
      body.map((l) => /, (?:axiom|negated_conjecture), (.*), inference\(/.exec(l)![1]),
    );
    // The reparsed clause set prints the same clause text again (a fixpoint).
    assert.deepEqual(
      cnfToTptp(cnf2)
        .split('\n')
        .map((l) => /, (?:axiom|negated_conjecture), (.*), inference\(/.exec(l)![1]),
      cnf2.clauses.map((c) => printClause(c.clause, 'tptp')),
    );
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('entail parse reads FOLIO JSONL and names the record of a bad formula', async () => {
  const d = dir();
  try {
    const rec = (id: string, p: string[], c: string): string =>
      JSON.stringify({ id, premises: p, 'premises-FOL': p, conclusion: c, 'conclusion-FOL': c, label: 'True' });
    writeFileSync(join(d, 'f.jsonl'), [rec('r1', ['∀x (P(x) → Q(x))', 'P(a)'], 'Q(a)'), rec('r2', ['P(a) ∧'], 'Q(a)')].join('\n') + '\n');
    const r = await run(['parse', '--json', 'f.jsonl'], d);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as {
      files: number;
      records: number;
      formulas: number;
      errors: { record: string; formula: string; line: number }[];
    };
    assert.deepEqual([j.files, j.records, j.formulas, j.errors.length], [1, 2, 5, 1]);
    assert.deepEqual([j.errors[0]!.record, j.errors[0]!.formula], ['r2', 'premise 1']);
    const t = await run(['parse', 'f.jsonl'], d);
    assert.match(t.err, /^f\.jsonl: record r2, premise 1, 1:\d+: /);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('entail export: malformed proof JSON is a clear error with exit 1, not a stack trace', async () => {
  const d = dir();
  try {
    writeFileSync(join(d, 'p.json'), JSON.stringify({ steps: [{ id: 's1', rule: 'input', parents: [] }], root: 's1' }));
    const r = await run(['export', 'p.json', '--html', join(d, 'o.html')], d);
    assert.equal(r.code, 1);
    assert.equal(r.err, 'entail export: p.json: malformed proof JSON: step 1 (s1): missing "conclusion" object');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('control characters in file names and messages are neutralised before printing', async () => {
  assert.equal(neutralise('a\u001b[31mred\u0007\nnext\tcol\u202e'), 'a\\u001b[31mred\\u0007\nnext\tcol\\u202e');
  assert.equal(JSON.parse(neutralise(JSON.stringify('x\u0085y'))), 'x\u0085y');
  const d = dir();
  try {
    const r = await run(['prove', 'evil\u001b]0;owned\u0007.p'], d);
    assert.equal(r.code, 1);
    assert.ok(!(r.out + r.err).includes('\u001b') && !(r.out + r.err).includes('\u0007'));
    assert.match(r.err, /evil\\u001b\]0;owned\\u0007\.p/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
