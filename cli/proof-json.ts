/**
 * Shape check for proof JSON read from a file ({"steps": [...], "root": "..."}):
 * a malformed file gets a message naming the step and field, never a stack trace
 * from deep inside the graph builder.
 */
const MAX_DEPTH = 2000;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function termError(t: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return 'term nested too deeply';
  if (!isObj(t)) return 'a term must be an object';
  if (t.kind === 'var') return typeof t.name === 'string' ? undefined : 'a variable needs a string "name"';
  if (t.kind !== 'app') return `a term's "kind" must be "var" or "app"`;
  if (typeof t.fn !== 'string' || !Array.isArray(t.args)) return 'an application needs "fn" (string) and "args" (list)';
  for (const a of t.args) {
    const e = termError(a, depth + 1);
    if (e) return e;
  }
  return undefined;
}

function termsError(args: unknown): string | undefined {
  if (!Array.isArray(args)) return '"args" must be a list';
  for (const a of args) {
    const e = termError(a, 0);
    if (e) return e;
  }
  return undefined;
}

function formulaError(f: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return 'formula nested too deeply';
  if (!isObj(f)) return 'a formula must be an object';
  switch (f.kind) {
    case 'true':
    case 'false':
      return undefined;
    case 'atom':
      return typeof f.pred === 'string' ? termsError(f.args) : 'an atom needs a string "pred"';
    case 'eq':
      return termError(f.left, 0) ?? termError(f.right, 0);
    case 'not':
      return formulaError(f.arg, depth + 1);
    case 'and':
    case 'or':
      if (!Array.isArray(f.args)) return `"${f.kind}" needs "args" (list)`;
      for (const a of f.args) {
        const e = formulaError(a, depth + 1);
        if (e) return e;
      }
      return undefined;
    case 'imp':
    case 'iff':
    case 'xor':
      return formulaError(f.left, depth + 1) ?? formulaError(f.right, depth + 1);
    case 'forall':
    case 'exists':
      if (!Array.isArray(f.vars) || !f.vars.every((v) => typeof v === 'string')) return 'a quantifier needs "vars" (list of strings)';
      return formulaError(f.body, depth + 1);
    default:
      return `unknown formula kind ${JSON.stringify(f.kind)}`;
  }
}

function conclusionError(c: unknown): string | undefined {
  if (!isObj(c)) return 'missing "conclusion" object';
  if (c.kind === 'formula') return formulaError(c.formula, 0);
  if (c.kind !== 'clause') return '"conclusion.kind" must be "clause" or "formula"';
  if (!isObj(c.clause) || !Array.isArray(c.clause.literals)) return 'a clause needs "literals" (list)';
  for (const l of c.clause.literals) {
    if (!isObj(l) || typeof l.positive !== 'boolean' || typeof l.pred !== 'string')
      return 'a literal needs "positive" (boolean) and "pred" (string)';
    const e = termsError(l.args);
    if (e) return e;
  }
  return undefined;
}

/** Undefined when `json` has the shape of an Entail Proof; else what is wrong and where. */
export function proofShapeError(json: unknown): string | undefined {
  if (!isObj(json) || !Array.isArray(json.steps) || typeof json.root !== 'string') return 'expected {"steps": [...], "root": "..."}';
  const ids = new Set<string>();
  for (let i = 0; i < json.steps.length; i++) {
    const s: unknown = json.steps[i];
    const at = `step ${i + 1}`;
    if (!isObj(s)) return `${at}: not an object`;
    if (typeof s.id !== 'string') return `${at}: "id" must be a string`;
    if (typeof s.rule !== 'string') return `${at} (${s.id}): "rule" must be a string`;
    if (!Array.isArray(s.parents) || !s.parents.every((p) => isObj(p) && typeof p.id === 'string'))
      return `${at} (${s.id}): "parents" must be a list of {"id": string}`;
    const e = conclusionError(s.conclusion);
    if (e) return `${at} (${s.id}): ${e}`;
    ids.add(s.id);
  }
  if (!ids.has(json.root)) return `root "${json.root}" is not the id of a step`;
  return undefined;
}
