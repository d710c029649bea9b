/**
 * Benchmark: the full Generative-Logic exploration of corpora/peano (+ and ×),
 * as `entail explore corpora/peano` runs it. Prints the stats, the wall time and
 * whether each must-have law was proved with checked proofs.
 * Run: npx tsx bench/genlogic-peano.ts [timeoutSeconds]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_CORPORA } from '../testing/corpora.js';
import { parseProblem } from '../provers/logic/syntax/index.js';
import { mkApp, mkConst, mkVar } from '../provers/logic/index.js';
import type { Term } from '../provers/logic/index.js';
import { equationKey, explore, parseDeclarations } from '../provers/genlogic/index.js';

const dir = join(PROJECT_CORPORA, 'peano');
const p = parseProblem(readFileSync(join(dir, 'peano.p'), 'utf8'), { dialect: 'tptp', file: 'peano.p' });
const d = parseDeclarations(readFileSync(join(dir, 'nat.ind'), 'utf8'));
if (!p.ok || !d.ok) throw new Error('cannot read corpora/peano');
const timeout = Number(process.argv[2] ?? 120);
const t0 = Date.now();
const r = explore({ name: 'peano', axioms: p.value.statements, nat: d.value.nat }, { deadline: Date.now() + timeout * 1000 });
const wall = Date.now() - t0;
const [x, y, z, zero] = [mkVar('x'), mkVar('y'), mkVar('z'), mkConst('zero')];
const P = (a: Term, b: Term): Term => mkApp('plus', [a, b]);
const T = (a: Term, b: Term): Term => mkApp('times', [a, b]);
const laws: [string, Term, Term][] = [
  ['x+0=x', P(x, zero), x],
  ['0+x=x', P(zero, x), x],
  ['s(x)+y=s(x+y)', P(mkApp('s', [x]), y), mkApp('s', [P(x, y)])],
  ['+ commutative', P(x, y), P(y, x)],
  ['+ associative', P(P(x, y), z), P(x, P(y, z))],
  ['× commutative', T(x, y), T(y, x)],
  ['× associative', T(T(x, y), z), T(x, T(y, z))],
  ['left distributive', T(x, P(y, z)), P(T(x, y), T(x, z))],
  ['right distributive', T(P(x, y), z), P(T(x, z), T(y, z))],
];
const byKey = new Map(r.theorems.map((t) => [t.key, t]));
console.log(JSON.stringify(r.stats));
console.log(`stopped=${r.stopped} wall=${(wall / 1000).toFixed(1)}s`);
for (const [name, l, rr] of laws) {
  const t = byKey.get(equationKey(l, rr));
  console.log(
    `${name.padEnd(20)} ${t ? `T${t.order} ${t.method}${t.variable ? ` on ${t.variable}` : ''}, checked: ${t.cases.every((c) => c.check.ok)}` : 'NOT PROVED'}`,
  );
}
