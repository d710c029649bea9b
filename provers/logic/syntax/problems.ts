/**
 * Problem-level parsers for LADR (Prover9 input), the line formats of NLTK and FOLIO
 * (one formula per line, last = conjecture, or explicit Premises:/Conclusion:
 * sections as Logic-LM writes them) and Entail's own `role name: formula.` syntax.
 */
import type { Problem, Role, Statement } from '../problem.js';
import type { Formula } from '../formula.js';
import { freeVars, mkForall } from '../formula.js';
import type { Result } from '../source.js';
import { ok, err } from '../source.js';
import { isSzsStatus } from '../szs.js';
import type { SzsStatus } from '../szs.js';
import { SyntaxFailure, toParseError } from './lexer.js';
import type { DialectSpec } from './grammar.js';
import { ENTAIL, FOLIO, FormulaParser, LADR, LADR_PROLOG_VARS, NLTK, newLexer } from './grammar.js';
import { LineIndex, asRole, baseName } from './common.js';

export interface ProblemOptions {
  readonly file?: string;
  readonly name?: string;
}

function problemName(opts: ProblemOptions, fromText?: string): string {
  return opts.name ?? fromText ?? (opts.file !== undefined ? baseName(opts.file) : 'problem');
}

function closeFree(f: Formula): Formula {
  const fv = freeVars(f);
  return fv.length > 0 ? mkForall(fv, f) : f;
}

// ---------------------------------------------------------------------------
// LADR

export function parseLadrProblem(text: string, opts: ProblemOptions = {}): Result<Problem> {
  const file = opts.file;
  try {
    const lx = newLexer(text, LADR);
    let fp = new FormulaParser(lx, LADR);
    const lines = new LineIndex(text);
    const statements: Statement[] = [];
    const comments: string[] = [];
    while (lx.kind !== 'eof') {
      if (lx.kind !== 'id') lx.fail(lx.start, `expected 'formulas(…)', 'clauses(…)' or a directive but found ${lx.describe()}`);
      const kw = lx.value;
      const kwAt = lx.start;
      lx.next();
      if ((kw === 'formulas' || kw === 'clauses') && lx.is('(')) {
        lx.next();
        if (lx.kind !== 'id') lx.fail(lx.start, `expected a list name (assumptions, goals, sos, …) but found ${lx.describe()}`);
        const list = lx.value;
        lx.next();
        lx.expect(')', "')' after the list name");
        lx.expect('.', `'.' after '${kw}(${list})'`);
        const role: Role = list === 'goals' ? 'conjecture' : 'axiom';
        let k = 0;
        for (;;) {
          if (lx.isId('end_of_list')) {
            lx.next();
            lx.expect('.', "'.' after 'end_of_list'");
            break;
          }
          if (lx.atEnd()) lx.fail(lx.start, `expected 'end_of_list.' closing '${kw}(${list})' but found end of input`);
          const at = lx.start;
          const formula = fp.formula();
          let label: string | undefined;
          while (lx.is('#')) {
            lx.next();
            const attr = fp.term();
            if (attr.kind === 'app' && attr.fn === 'label' && attr.args.length === 1) {
              const a = attr.args[0]!;
              label = a.kind === 'var' ? a.name : a.fn;
            }
          }
          if (!lx.is('.')) lx.fail(lx.start, `expected '.' ending the formula (or a connective) but found ${lx.describe()}`);
          lx.next();
          k++;
          statements.push({
            name: label ?? `${list}_${k}`,
            role,
            // Prover9 reads free variables (u–z) of a formula as universally quantified.
            language: kw === 'clauses' ? 'cnf' : 'fof',
            formula: kw === 'clauses' ? formula : closeFree(formula),
            pos: lines.pos(at, file),
          });
        }
        continue;
      }
      // Directives (set, clear, assign, op, if, end_if, …) do not change the logic: skip with a note.
      let end = lx.prevEnd;
      if (lx.is('(')) {
        let depth = 0;
        for (;;) {
          if (lx.atEnd()) lx.fail(kwAt, `unterminated directive '${kw}(': expected ')'`);
          if (lx.is('(')) depth++;
          else if (lx.is(')') && --depth === 0) {
            lx.next();
            break;
          }
          lx.next();
        }
        end = lx.prevEnd;
      }
      lx.expect('.', `'.' after the directive '${kw}'`);
      const directive = text.slice(kwAt, end).replace(/\s+/g, '');
      // The one directive that changes how formulas read: which free names are variables.
      if (directive === 'set(prolog_style_variables)') fp = new FormulaParser(lx, LADR_PROLOG_VARS);
      else if (directive === 'clear(prolog_style_variables)') fp = new FormulaParser(lx, LADR);
      else comments.push(`ignored directive: ${text.slice(kwAt, end)}.`);
    }
    return ok({ name: problemName(opts), file, dialect: 'ladr', statements: mergeLadrGoals(statements, comments), comments });
  } catch (e) {
    if (e instanceof SyntaxFailure) return err(toParseError(text, e.offset, e.message, file));
    throw e;
  }
}

/**
 * Prover9 proves a goal list as a disjunction (a proof of any goal ends the search),
 * whereas several TPTP conjectures mean their conjunction. Merge LADR goals into one
 * disjunctive conjecture so every prover reads the file as Prover9 does.
 */
function mergeLadrGoals(statements: Statement[], comments: string[]): Statement[] {
  const goals = statements.filter((s) => s.role === 'conjecture');
  if (goals.length <= 1) return statements;
  comments.push(`goals ${goals.map((g) => g.name).join(', ')} read as one disjunction, as Prover9 does`);
  const merged: Statement = {
    name: goals.map((g) => g.name).join('_or_'),
    role: 'conjecture',
    language: 'fof',
    formula: { kind: 'or', args: goals.map((g) => (g.language === 'cnf' ? closeFree(g.formula) : g.formula)) },
    ...(goals[0]!.pos ? { pos: goals[0]!.pos } : {}),
  };
  const out: Statement[] = [];
  for (const s of statements) {
    if (s.role !== 'conjecture') out.push(s);
    else if (s === goals[0]) out.push(merged);
  }
  return out;
}

// ---------------------------------------------------------------------------
// NLTK and FOLIO line formats

const SECTION = /^\s*(Predicates|Premises|Conclusions?)\s*:\s*$/i;
const PREFIX = /^\s*(TEXT|FOL)\s*:\s*/;

/** Parse one formula spanning text[base, end) in place (so positions and columns refer to the whole text). */
function formulaAt(text: string, base: number, end: number, spec: DialectSpec): Formula {
  const lx = newLexer(text, spec, base, end);
  const f = new FormulaParser(lx, spec).formula();
  if (lx.kind !== 'eof') lx.fail(lx.start, `expected a connective or the end of the formula but found ${lx.describe()}`);
  return f;
}

export function parseLineProblem(text: string, dialect: 'nltk' | 'folio', opts: ProblemOptions = {}): Result<Problem> {
  const spec = dialect === 'nltk' ? NLTK : FOLIO;
  const file = opts.file;
  const lines = new LineIndex(text);
  try {
    let section: 'none' | 'predicates' | 'premises' | 'conclusion' = 'none';
    let explicit = false;
    let pendingText: string | undefined;
    const items: { formula: Formula; at: number; conclusion: boolean; note?: string }[] = [];
    const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
    for (let m = re.exec(text); m !== null && m[0].length > 0; m = re.exec(text)) {
      const lineStart = m.index;
      let line = m[0].replace(/[\r\n]+$/, '');
      const sec = SECTION.exec(line);
      if (sec) {
        const w = sec[1]!.toLowerCase();
        section = w === 'predicates' ? 'predicates' : w === 'premises' ? 'premises' : 'conclusion';
        explicit = true;
        continue;
      }
      if (line.trim().length === 0 || /^\s*[#%]/.test(line) || section === 'predicates') continue;
      let from = 0;
      const pre = PREFIX.exec(line);
      if (pre) {
        if (pre[1] === 'TEXT') {
          pendingText = line.slice(pre[0].length).trim();
          continue;
        }
        from = pre[0].length;
      }
      let note = pendingText;
      pendingText = undefined;
      const sep = line.indexOf(':::');
      if (sep >= 0) {
        note = line.slice(sep + 3).trim();
        line = line.slice(0, sep);
      }
      if (line.slice(from).trim().length === 0) continue;
      const formula = formulaAt(text, lineStart + from, lineStart + line.length, spec);
      items.push({ formula, at: lineStart + from, conclusion: section === 'conclusion', ...(note !== undefined ? { note } : {}) });
    }
    if (!explicit && items.length > 0) items[items.length - 1]!.conclusion = true;
    const nConj = items.filter((i) => i.conclusion).length;
    let p = 0;
    let c = 0;
    const statements: Statement[] = items.map((it) => ({
      name: it.conclusion ? (nConj === 1 ? 'goal' : `goal${++c}`) : `p${++p}`,
      role: it.conclusion ? 'conjecture' : 'axiom',
      language: 'fof',
      formula: it.formula,
      pos: lines.pos(it.at, file),
      ...(it.note !== undefined ? { annotation: it.note } : {}),
    }));
    return ok({ name: problemName(opts), file, dialect, statements });
  } catch (e) {
    if (e instanceof SyntaxFailure) return err(toParseError(text, e.offset, e.message, file));
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Entail

export function parseEntailProblem(text: string, opts: ProblemOptions = {}): Result<Problem> {
  const file = opts.file;
  try {
    const lx = newLexer(text, ENTAIL);
    const fp = new FormulaParser(lx, ENTAIL);
    const lines = new LineIndex(text);
    const statements: Statement[] = [];
    let auto = 0;
    while (lx.kind !== 'eof') {
      const role = lx.kind === 'id' ? asRole(lx.value) : undefined;
      if (role === undefined)
        return lx.fail(
          lx.start,
          `expected a statement such as 'axiom name: formula.' (axiom, hypothesis, conjecture, …) but found ${lx.describe()}`,
        );
      const at = lx.start;
      lx.next();
      let name: string;
      if (lx.is(':')) name = `${role}_${++auto}`;
      else {
        if (lx.kind !== 'id' && lx.kind !== 'sq') lx.fail(lx.start, `expected a statement name or ':' but found ${lx.describe()}`);
        name = lx.value;
        lx.next();
      }
      lx.expect(':', "':' after the statement name");
      const formula = fp.formula();
      if (!lx.is('.')) lx.fail(lx.start, `expected '.' ending the statement (or a connective) but found ${lx.describe()}`);
      lx.next();
      statements.push({ name, role, language: 'fof', formula, pos: lines.pos(at, file) });
    }
    const head = text.slice(0, 4096);
    const nameM = /^%\s*problem\s+(\S+)/m.exec(head);
    const statusM = /^%\s*status\s+(\w+)/m.exec(head);
    const expected: SzsStatus | undefined = statusM && isSzsStatus(statusM[1]!) ? statusM[1] : undefined;
    return ok({ name: problemName(opts, nameM?.[1]), file, dialect: 'entail', statements, ...(expected ? { expected } : {}) });
  } catch (e) {
    if (e instanceof SyntaxFailure) return err(toParseError(text, e.offset, e.message, file));
    throw e;
  }
}
