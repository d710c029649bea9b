/**
 * The walls hold: for every layer in eslint/layers.js, an import it may not make is
 * planted (as a virtual file inside that layer's folder, linted through the project's
 * own ESLint config) and must be reported by `entail/layers`; allowed imports must not be.
 * Nothing is written to disk, so the test is safe beside a running build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from './corpora.js';

interface LayerEntry {
  readonly layer: string;
  readonly may: readonly string[];
  readonly types?: readonly string[];
  readonly node?: 'all' | readonly string[];
  readonly packages?: readonly string[];
  readonly dynamic?: boolean;
}

const { LAYERS } = (await import(pathToFileURL(join(PROJECT_ROOT, 'eslint', 'layers.js')).href)) as { LAYERS: readonly LayerEntry[] };
const eslint = new ESLint({ cwd: PROJECT_ROOT });

const isFile = (l: string): boolean => /\.[cm]?[jt]sx?$/.test(l);
/** Where a planted file of this layer lives. */
function plantPath(l: LayerEntry): string {
  return join(PROJECT_ROOT, isFile(l.layer) ? l.layer : join(l.layer, '__planted__.ts'));
}
/** An import specifier from `from` reaching a file inside layer `to`. */
function specTo(from: string, to: string): string {
  const target = join(PROJECT_ROOT, isFile(to) ? to.replace(/\.ts$/, '.js') : join(to, 'index.js'));
  const r = relative(dirname(from), target);
  return r.startsWith('.') ? r : `./${r}`;
}

async function wallErrors(file: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: file });
  return (res?.messages ?? []).filter((m) => m.ruleId === 'entail/layers').map((m) => m.message);
}

/** Code importing `spec` (as a CommonJS `require` in a .cjs layer, else an ES import). */
function importing(l: LayerEntry, spec: string): string {
  return l.layer.endsWith('.cjs')
    ? `const x = require('${spec}');\nmodule.exports = x;\n`
    : `import * as x from '${spec}';\nexport const y = x;\n`;
}

function sameOrInside(a: string, b: string): boolean {
  return a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}

for (const l of LAYERS) {
  test(`layers: ${l.layer} may not import a layer outside its list`, async () => {
    const file = plantPath(l);
    const allowed = new Set([...l.may, ...(l.types ?? [])]);
    const banned = LAYERS.filter((o) => !allowed.has(o.layer) && !sameOrInside(o.layer, l.layer) && !isFile(o.layer));
    assert.ok(banned.length > 0, `${l.layer} may import every layer: the table lost its walls`);
    for (const o of banned.slice(0, 4)) {
      const errs = await wallErrors(file, importing(l, specTo(file, o.layer)));
      assert.equal(errs.length, 1, `${l.layer} importing ${o.layer} was not reported`);
      assert.match(errs[0]!, new RegExp(`may not import ${o.layer.replace('/', '\\/')}`));
    }
  });

  if (l.node !== 'all') {
    test(`layers: ${l.layer} may not use Node modules outside its list`, async () => {
      const mod = ['fs', 'child_process', 'http'].find((m) => !(l.node ?? []).includes(m))!;
      for (const spec of [`node:${mod}`, mod]) {
        const errs = await wallErrors(plantPath(l), importing(l, spec));
        assert.equal(errs.length, 1, `${l.layer} using ${spec} was not reported`);
      }
    });
  }

  test(`layers: ${l.layer} may not use packages outside its list`, async () => {
    const pkg = ['electron', 'react', 'ws'].find((p) => !(l.packages ?? []).includes(p))!;
    const errs = await wallErrors(plantPath(l), importing(l, pkg));
    assert.equal(errs.length, 1, `${l.layer} using ${pkg} was not reported`);
  });

  if (!l.dynamic) {
    test(`layers: ${l.layer} may not import by a computed name`, async () => {
      const code = l.layer.endsWith('.cjs')
        ? `const name = 'x';\nmodule.exports = require(name);\n`
        : `const name = 'x';\nexport const m = await import(name);\n`;
      const errs = await wallErrors(plantPath(l), code);
      assert.equal(errs.length, 1);
    });
  }
}

test('layers: the same target is refused however the path is spelt', async () => {
  const cases: [string, string][] = [
    ['provers/logic/__planted__.ts', '../saturation/index.js'],
    ['provers/logic/syntax/__planted__.ts', '../../saturation'],
    ['provers/logic/syntax/__planted__.ts', '../../saturation/../saturation/bank.js'],
    ['provers/logic/__planted__.ts', 'node:fs'],
    ['service/__planted__.ts', '../cli/commands/explore.js'],
    ['cli/commands/__planted__.ts', '../../testing/corpora.js'],
    ['cli/commands/__planted__.ts', '../../renderer/src/App.js'],
    ['renderer/src/state/__planted__.ts', '../../../provers/saturation/index.js'],
    ['renderer/src/state/__planted__.ts', '../../../provers/run/index.js'],
  ];
  for (const [file, spec] of cases) {
    const errs = await wallErrors(join(PROJECT_ROOT, file), `import { x } from '${spec}';\nexport const y = x;\n`);
    assert.equal(errs.length, 1, `${file}: import '${spec}' was not reported`);
  }
});

test('layers: renderer may import logic as types only', async () => {
  const file = join(PROJECT_ROOT, 'renderer/src/state/__planted__.ts');
  assert.equal((await wallErrors(file, `import type { Term } from '../../../provers/logic/index.js';\nexport type T = Term;\n`)).length, 0);
  assert.equal((await wallErrors(file, `import { mkVar } from '../../../provers/logic/index.js';\nexport const v = mkVar;\n`)).length, 1);
});

test('layers: allowed imports are not reported', async () => {
  const cases: [string, string][] = [
    ['provers/saturation/__planted__.ts', `import { mkVar } from '../logic/index.js';\nexport const v = mkVar;\n`],
    ['provers/genlogic/__planted__.ts', `import { saturate } from '../saturation/index.js';\nexport const s = saturate;\n`],
    ['server/__planted__.ts', `import { createServer } from 'node:http';\nexport const c = createServer;\n`],
    ['cli/__planted__.ts', `export const m = await import(\`./commands/\${'prove'}.js\`);\n`],
  ];
  for (const [file, code] of cases) assert.deepEqual(await wallErrors(join(PROJECT_ROOT, file), code), [], file);
});

test('layers: the README and docs/architecture.md show the table as it is in eslint/layers.js', async () => {
  const { FILES, withTable } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'layer-table.mjs')).href)) as {
    FILES: readonly string[];
    withTable(text: string): string | undefined;
  };
  const { readFile } = await import('node:fs/promises');
  for (const f of FILES) {
    const text = await readFile(join(PROJECT_ROOT, f), 'utf8');
    const fresh = withTable(text);
    assert.ok(fresh !== undefined, `${f} has no generated layer table`);
    assert.equal(text, fresh, `${f}'s layer table is out of date: run node scripts/layer-table.mjs --write`);
  }
});
