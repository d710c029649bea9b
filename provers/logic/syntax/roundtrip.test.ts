// Property tests: for every dialect, printing a random formula and parsing it back gives
// the same tree (formulaEquals). Names are drawn from pools valid for each dialect,
// including ones that need quoting; seeds are fixed so a failure is reproducible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Dialect } from '../problem.js';
import type { Formula } from '../formula.js';
import { formulaEquals, freeVars } from '../formula.js';
import type { Term } from '../term.js';
import { parseFormula, printFormula } from './index.js';

interface Pools {
  readonly vars: readonly string[];
  readonly consts: readonly string[];
  readonly fns: readonly string[];
  readonly preds: readonly string[];
  /** The dialect writes xor natively (NLTK and LADR print it as not-iff). */
  readonly xor: boolean;
  /** One variable per quantifier (FOLIO `∀x ∀y`, LADR `all x all y` parse as nested quantifiers). */
  readonly singleVarQuant: boolean;
}

const POOLS: Readonly<Record<Dialect, Pools>> = {
  tptp: {
    vars: ['X', 'Y', 'Z1', 'Var_2'],
    consts: ['a', 'b1', "'Cap'", 'two words', '"distinct"', '42', '-3/4', "it's"],
    fns: ['f', 'g', 'Fn', '$sum'],
    preds: ['p', 'q', 'R', 'is a'],
    xor: true,
    singleVarQuant: false,
  },
  ladr: {
    vars: ['x', 'y', 'z1', 'v_2'],
    consts: ['a', 'b1', 'Cap', '2003', 'vincent', 'two words', 'all'],
    fns: ['f', 'g', 'H2'],
    preds: ['p', 'q', 'Rel', 'u', 'has space'],
    xor: false,
    singleVarQuant: true,
  },
  nltk: {
    vars: ['x', 'y', 'z1', 'w'],
    consts: ['a', 'Rose', '8pm', '2003', '42.3billion', '"The Legend"', "People'sRepublic"],
    fns: ['f', 'Mother'],
    preds: ['P', 'Dog', 'LoveToSleep', 'r'],
    xor: false,
    singleVarQuant: false,
  },
  folio: {
    vars: ['x', 'y', 'z', 'w1'],
    consts: ['rock', 'kO', 'y42.3billion', 'dani_Shapiro', 'jane', 'l-2021'],
    fns: ['f', 'motherOf'],
    preds: ['P', 'Companies’Stocks', 'Mammal', 'Love'],
    xor: true,
    singleVarQuant: true,
  },
  entail: {
    vars: ['x', 'y', 'z1', 'α'],
    consts: ['a', 'Bob', '"str"', 'two words', 'forall', 'é'],
    fns: ['f', 'g'],
    preds: ['P', 'Q', 'Likes', 'exists'],
    xor: true,
    singleVarQuant: false,
  },
};

function arbTerm(pl: Pools, depth: number): fc.Arbitrary<Term> {
  const leaf = fc.oneof(
    fc.constantFrom(...pl.consts).map((c): Term => ({ kind: 'app', fn: c.startsWith("'") ? c.slice(1, -1) : c, args: [] })),
    fc.constantFrom(...pl.vars).map((v): Term => ({ kind: 'var', name: v })),
  );
  if (depth <= 0) return leaf;
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...pl.fns), fc.array(arbTerm(pl, depth - 1), { minLength: 1, maxLength: 3 }))
        .map(([fn, args]): Term => ({ kind: 'app', fn, args })),
    },
  );
}

function arbFormula(pl: Pools): fc.Arbitrary<Formula> {
  const term = arbTerm(pl, 2);
  const { formula } = fc.letrec<{ formula: Formula }>((tie) => {
    const sub = tie('formula') as fc.Arbitrary<Formula>;
    const atom = fc.oneof(
      fc
        .tuple(fc.constantFrom(...pl.preds), fc.array(term, { maxLength: 3 }))
        .map(([pred, args]): Formula => ({ kind: 'atom', pred, args })),
      fc.tuple(term, term).map(([left, right]): Formula => ({ kind: 'eq', left, right })),
      fc.constantFrom<Formula>({ kind: 'true' }, { kind: 'false' }),
    );
    const bins: ('imp' | 'iff' | 'xor')[] = pl.xor ? ['imp', 'iff', 'xor'] : ['imp', 'iff'];
    return {
      formula: fc.oneof(
        { depthSize: 'medium', withCrossShrink: true },
        { weight: 4, arbitrary: atom },
        { weight: 1, arbitrary: sub.map((arg): Formula => ({ kind: 'not', arg })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(sub, { minLength: 2, maxLength: 4 }))
            .map(([kind, args]): Formula => ({ kind, args })),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(...bins), sub, sub).map(([kind, left, right]): Formula => ({ kind, left, right })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom<'forall' | 'exists'>('forall', 'exists'),
              fc.uniqueArray(fc.constantFrom(...pl.vars), { minLength: 1, maxLength: pl.singleVarQuant ? 1 : 3 }),
              sub,
            )
            .map(([kind, vars, body]): Formula => ({ kind, vars, body })),
        },
      ),
    };
  });
  // Close the formula: in NLTK, FOLIO and Entail a free name would read back as a constant.
  return formula.map((f) => {
    let g = f;
    for (const v of freeVars(f).reverse()) g = { kind: 'forall', vars: [v], body: g };
    return g;
  });
}

for (const d of ['tptp', 'ladr', 'nltk', 'folio', 'entail'] as const) {
  test(`print→parse is the identity for ${d}`, () => {
    fc.assert(
      fc.property(arbFormula(POOLS[d]), (f) => {
        const text = printFormula(f, d);
        const back = parseFormula(text, d);
        if (!back.ok) throw new Error(`${text}\n${back.error.message}\n${back.error.excerpt}`);
        assert.ok(formulaEquals(back.value, f), text);
        // Printing is stable too.
        assert.equal(printFormula(back.value, d), text);
      }),
      { seed: 20261126, numRuns: 800 },
    );
  });
}
