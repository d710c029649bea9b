// The parsers against the real data in ../shared/corpora, plus a seeded fuzz run over
// mutated and truncated corpus text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, SHARED_CORPORA, sharedAvailable } from '../../../testing/corpora.js';
import type { Dialect } from '../problem.js';
import type { Result } from '../source.js';
import { DIALECTS, parseFormula, parseProblem, printFormula, printProblem } from './index.js';
import { formulaEquals, universalClosure } from '../formula.js';
import { seededRandom as rng } from '../../../testing/random.js';

const skip = sharedAvailable() ? false : 'needs ../shared/corpora';
const FIXTURES = join(PROJECT_ROOT, 'provers', 'logic', 'syntax', 'fixtures');

interface FolioRecord {
  readonly 'premises-FOL': readonly string[];
  readonly 'conclusion-FOL': string;
}
interface Malformed {
  readonly record: number;
  readonly field: string;
  readonly index: number;
  readonly col: number;
  readonly message: string;
  readonly reason: string;
}

function folioRecords(): FolioRecord[] {
  return readFileSync(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as FolioRecord);
}

test('every FOLIO validation formula parses, except exactly the malformed ones listed in the fixture', { skip }, () => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'folio-malformed.json'), 'utf8')) as Malformed[];
  const failed: Malformed[] = [];
  let total = 0;
  folioRecords().forEach((r, i) => {
    const items: [string, number, string][] = [
      ...r['premises-FOL'].map((f, j): [string, number, string] => ['premises-FOL', j, f]),
      ['conclusion-FOL', -1, r['conclusion-FOL']],
    ];
    for (const [field, index, text] of items) {
      total++;
      const where = `folio-validation.jsonl#${i}/${field}${index >= 0 ? `[${index}]` : ''}`;
      const res = parseFormula(text, 'folio', where);
      if (res.ok) continue;
      // The error names the record and the position in the formula.
      assert.equal(res.error.file, where);
      assert.equal(res.error.line, 1);
      const known = expected.find((e) => e.record === i && e.field === field && e.index === index);
      failed.push({ record: i, field, index, col: res.error.col, message: res.error.message, reason: known?.reason ?? '(not in fixture)' });
    }
  });
  assert.equal(total, 1288);
  assert.deepEqual(
    failed,
    expected.map(({ record, field, index, col, message, reason }) => ({ record, field, index, col, message, reason })),
  );
});

test('FOLIO train premises: the general leniency rules leave only genuinely malformed formulas', { skip }, () => {
  const recs = readFileSync(join(SHARED_CORPORA, 'folio', 'folio-train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as { 'premises-FOL': string[] });
  let total = 0;
  let errors = 0;
  for (const r of recs)
    for (const text of r['premises-FOL']) {
      total++;
      const res = parseFormula(text, 'folio');
      if (!res.ok) errors++;
      insideInput(text, res);
    }
  assert.equal(total, 5239);
  // Measured: 73 malformed (`U.S` inside a name, `c++`, spaces inside names, a missing connective,
  // `^`, unbalanced parentheses, empty strings, scope slips); see docs/syntax.md.
  assert.equal(errors, 73);
});

test('every TPTP problem in ../shared/corpora/tptp parses, with its header status', { skip }, () => {
  const root = join(SHARED_CORPORA, 'tptp');
  let files = 0;
  let statements = 0;
  for (const dir of readdirSync(root).sort()) {
    if (dir.includes('.')) continue;
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (!name.endsWith('.p')) continue;
      const file = join(root, dir, name);
      const res = parseProblem(readFileSync(file, 'utf8'), { file });
      if (!res.ok) assert.fail(`${file}:${res.error.line}:${res.error.col}: ${res.error.message}\n${res.error.excerpt}`);
      files++;
      statements += res.value.statements.length;
      assert.equal(res.value.name, name.slice(0, -2));
      assert.ok(res.value.expected !== undefined, `${file}: no % Status`);
    }
  }
  assert.equal(files, 1262);
  assert.ok(statements > 70000);
});

test('SYN-FOF (355 real problems): TPTP print→parse keeps every statement; every dialect reads its conversion back', { skip }, () => {
  const dir = join(SHARED_CORPORA, 'tptp', 'SYN-FOF');
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    const res = parseProblem(readFileSync(join(dir, name), 'utf8'), { file: name });
    if (!res.ok) assert.fail(res.error.message);
    const back = parseProblem(printProblem(res.value, 'tptp'), { dialect: 'tptp' });
    if (!back.ok) assert.fail(`${name}: ${back.error.message}\n${back.error.excerpt}`);
    assert.equal(back.value.name, res.value.name);
    assert.equal(back.value.expected, res.value.expected);
    assert.deepEqual(
      back.value.statements.map((s) => [s.name, s.role, s.language]),
      res.value.statements.map((s) => [s.name, s.role, s.language]),
    );
    res.value.statements.forEach((s, i) => assert.ok(formulaEquals(back.value.statements[i]!.formula, s.formula), `${name}: ${s.name}`));
    // Converted to the other dialects, the problem reads back; Entail keeps every formula exactly.
    for (const d of ['ladr', 'nltk', 'folio', 'entail'] as const) {
      const conv = parseProblem(printProblem(res.value, d), { dialect: d });
      if (!conv.ok) assert.fail(`${name} as ${d}: ${conv.error.message}\n${conv.error.excerpt}`);
      assert.equal(conv.value.statements.length, res.value.statements.length);
      if (d === 'entail')
        res.value.statements.forEach((s, i) =>
          assert.ok(formulaEquals(conv.value.statements[i]!.formula, universalClosure(s.formula)), `${name}: ${s.name}`),
        );
    }
    n++;
  }
  assert.equal(n, 355);
});

function lincLines(): string[] {
  const dir = join(SHARED_CORPORA, 'linc-replay');
  const name = readdirSync(dir).find((n) => n.endsWith('generations_raw.json'))!;
  const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as string[][];
  const out: string[] = [];
  for (const problem of raw)
    for (const gen of problem) for (const line of gen.split('\n')) if (line.startsWith('FOL:')) out.push(line.slice(4));
  return out;
}

function insideInput(text: string, r: Result<unknown>): void {
  if (r.ok) return;
  const lines = text.split(/\r\n|\n|\r/);
  const { line, col } = r.error;
  assert.ok(line >= 1 && line <= lines.length, `line ${line} outside 1..${lines.length}: ${r.error.message}`);
  assert.ok(
    col >= 1 && col <= lines[line - 1]!.length + 1,
    `col ${col} outside line ${line} (${lines[line - 1]!.length} chars): ${r.error.message}`,
  );
  assert.ok(r.error.message.length > 0 && r.error.excerpt.includes('^'));
}

test('every FOL line of the LINC replay parses or gives a positioned error', { skip }, () => {
  const lines = lincLines();
  let errors = 0;
  for (const l of lines) {
    const r = parseFormula(l, 'nltk');
    insideInput(l, r);
    if (!r.ok) errors++;
  }
  assert.equal(lines.length, 11430);
  // Measured: 125 of 11,430 lines are malformed NLTK (see docs/syntax.md for the reasons).
  assert.equal(errors, 125);
});

test('every Logic-LM replay program parses as a FOLIO problem or gives a positioned error', { skip }, () => {
  const data = JSON.parse(readFileSync(join(SHARED_CORPORA, 'logiclm-replay', 'FOLIO_dev_gpt-3.5-turbo.json'), 'utf8')) as {
    raw_logic_programs: string[];
  }[];
  let ok = 0;
  for (const d of data) {
    const text = d.raw_logic_programs[0] ?? '';
    const r = parseProblem(text, { dialect: 'folio' });
    insideInput(text, r);
    if (r.ok) {
      ok++;
      assert.ok(r.value.statements.some((s) => s.role === 'conjecture'));
    }
  }
  assert.equal(data.length, 204);
  // Measured: 190 parse; the 14 others are malformed (docs/syntax.md lists why).
  assert.equal(ok, 190);
});

const NOISE = [
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  ':',
  '&',
  '|',
  '~',
  '!',
  '?',
  '=',
  '-',
  '>',
  '<',
  "'",
  '"',
  '/*',
  '*/',
  '%',
  '//',
  '\n',
  '\r',
  '\t',
  ' ',
  '∀',
  '∃',
  '¬',
  '→',
  '⊕',
  '$',
  'X',
  'x',
  'all',
  'fof(',
  'include(',
  '\u0000',
  '\uFFFD',
  '😀',
  '#',
  'end_of_list.',
  ':::',
];

function mutate(text: string, next: () => number): string {
  const pick = (n: number): number => Math.floor(next() * n);
  let s = text;
  const ops = 1 + pick(4);
  for (let k = 0; k < ops; k++) {
    const i = pick(s.length + 1);
    switch (pick(5)) {
      case 0:
        s = s.slice(0, i); // truncate
        break;
      case 1:
        s = s.slice(0, i) + s.slice(i + 1 + pick(8)); // delete a span
        break;
      case 2:
        s = s.slice(0, i) + NOISE[pick(NOISE.length)]! + s.slice(i); // insert syntax noise
        break;
      case 3: {
        const j = pick(s.length + 1);
        s = s.slice(0, i) + s.slice(Math.min(i, j), Math.max(i, j)) + s.slice(i); // duplicate a span
        break;
      }
      default:
        s = s.slice(0, i) + String.fromCharCode(32 + pick(95)) + s.slice(i + 1); // replace a character
    }
  }
  return s;
}

test('fuzz: mutated corpus text never throws, errors point inside the input, results print', { skip }, () => {
  const next = rng(0xe17a11);
  const tptpDir = join(SHARED_CORPORA, 'tptp', 'SYN-FOF');
  const small = readdirSync(tptpDir)
    .sort()
    .map((n) => readFileSync(join(tptpDir, n), 'utf8'))
    .filter((t) => t.length < 4000)
    .slice(0, 60);
  const folio = folioRecords().flatMap((r) => [...r['premises-FOL'], r['conclusion-FOL']]);
  const linc = lincLines();
  const golden = readdirSync(join(FIXTURES, 'golden'))
    .filter((n) => !n.endsWith('.golden'))
    .map((n) => readFileSync(join(FIXTURES, 'golden', n), 'utf8'));
  const seeds: { text: string; problem: boolean }[] = [
    ...small.map((text) => ({ text, problem: true })),
    ...golden.map((text) => ({ text, problem: true })),
    ...folio.map((text) => ({ text, problem: false })),
    ...linc.slice(0, 2000).map((text) => ({ text, problem: false })),
  ];
  let cases = 0;
  for (let n = 0; n < 3000; n++) {
    const seed = seeds[Math.floor(next() * seeds.length)]!;
    const text = mutate(seed.text, next);
    const dialect: Dialect = DIALECTS[Math.floor(next() * DIALECTS.length)]!;
    for (const r of seed.problem
      ? [parseProblem(text, { dialect }), parseProblem(text)]
      : [parseFormula(text, dialect), parseFormula(text, 'folio')]) {
      insideInput(text, r);
      cases++;
      // Whatever parses also prints, in every dialect.
      if (r.ok)
        for (const d of DIALECTS)
          assert.equal(typeof ('statements' in r.value ? printProblem(r.value, d) : printFormula(r.value, d)), 'string');
    }
  }
  assert.equal(cases, 6000);
});
