// Golden files: each input under fixtures/golden is parsed and printed in every dialect;
// the output must match <input>.golden exactly. Regenerate (after reviewing the diff)
// with UPDATE_GOLDEN=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../testing/corpora.js';
import { DIALECTS, parseProblem, printProblem } from './index.js';
import { formulaEquals } from '../formula.js';

const DIR = join(PROJECT_ROOT, 'provers', 'logic', 'syntax', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

for (const name of readdirSync(DIR)
  .filter((n) => !n.endsWith('.golden'))
  .sort()) {
  test(`golden: ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const res = parseProblem(text, { file: name });
    if (!res.ok) assert.fail(`${res.error.message}\n${res.error.excerpt}`);
    const sections: string[] = [];
    for (const d of DIALECTS) {
      const printed = printProblem(res.value, d);
      sections.push(`=== ${d} ===\n${printed}`);
      // Whatever we print must parse again, with the same formulas when the dialect keeps them as they are.
      const back = parseProblem(printed, { dialect: d });
      if (!back.ok) assert.fail(`${d} output does not parse: ${back.error.message}\n${back.error.excerpt}`);
      assert.equal(back.value.statements.length, res.value.statements.length, d);
      if (d === res.value.dialect) {
        res.value.statements.forEach((s, i) => assert.ok(formulaEquals(back.value.statements[i]!.formula, s.formula), `${d}: ${s.name}`));
      }
    }
    const out = sections.join('\n');
    const goldenPath = join(DIR, `${name}.golden`);
    if (UPDATE || !existsSync(goldenPath)) {
      if (!UPDATE) assert.fail(`missing ${goldenPath}; run with UPDATE_GOLDEN=1 to create it`);
      writeFileSync(goldenPath, out);
      return;
    }
    assert.equal(out, readFileSync(goldenPath, 'utf8'));
  });
}
