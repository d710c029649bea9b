/**
 * Run Prolog programs through tau-prolog with an inference-step budget, errors as
 * values, answers as substitutions and, for each answer, a proof tree recorded by a
 * meta-interpreter written in Prolog (so the tree is the derivation Prolog found,
 * not a reconstruction).
 *
 * Each answer comes from plain execution of the query; its proof tree then comes
 * from meta-interpreting the answer instance. The meta-interpreter treats `!` as
 * `true` and shows `\+ G` as a closed-world leaf, so for programs that rely on cut
 * the tree is a valid Horn derivation of the answer but not necessarily the branch
 * Prolog took.
 */
import pl from 'tau-prolog';
import type { TauAnswer, TauSession, TauTerm } from 'tau-prolog';
import type { Term } from '../logic/term.js';
import { mkApp, mkVar } from '../logic/term.js';

export interface PrologOptions {
  /** Total inference-step budget over all answers (default 100 000). */
  readonly maxSteps?: number;
  /** Stop after this many answers (default 50). */
  readonly maxAnswers?: number;
  /** Record a proof tree per answer (default true). */
  readonly proofs?: boolean;
  /** Calls to undefined predicates fail instead of raising an existence error (closed world; default false). */
  readonly unknownFails?: boolean;
}

export interface ProofTree {
  /** The proved goal instance (a Prolog term in logic-core form). */
  readonly goal: Term;
  /** 'clause': a program clause fired; 'builtin': a built-in call succeeded; 'naf': \+ goal succeeded (closed world). */
  readonly kind: 'clause' | 'builtin' | 'naf';
  /** For 'clause': which clause, as `name/arity#n` (1-based, in program order). */
  readonly clause?: string;
  readonly children: readonly ProofTree[];
}

export interface PrologAnswer {
  readonly bindings: Readonly<Record<string, Term>>;
  /** Bindings printed in Prolog syntax. */
  readonly text: Readonly<Record<string, string>>;
  readonly proof?: ProofTree;
}

export interface PrologError {
  readonly kind: 'syntax' | 'runtime';
  /** Where the error arose. */
  readonly in: 'program' | 'query';
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
}

export type PrologOutcome =
  /** Ran to completion: `exhausted` when the query has no further answers (false when maxAnswers stopped it). */
  | { readonly status: 'ok'; readonly answers: readonly PrologAnswer[]; readonly exhausted: boolean; readonly steps: number }
  | { readonly status: 'limit'; readonly answers: readonly PrologAnswer[]; readonly steps: number; readonly message: string }
  | { readonly status: 'error'; readonly answers: readonly PrologAnswer[]; readonly steps: number; readonly error: PrologError };

const TREE_VAR = 'EntailProofTree__';

// The meta-interpreter. '$entail_clause' numbers the clauses of a predicate so the
// tree says which one fired; it needs clause/2, hence every user predicate is made
// public (what `:- dynamic` does) after consulting.
const META = `
'$entail_prove'(true, []) :- !.
'$entail_prove'(!, []) :- !.
'$entail_prove'((A, B), Ts) :- !, '$entail_prove'(A, T1), '$entail_prove'(B, T2), '$entail_append'(T1, T2, Ts).
'$entail_prove'((C -> T ; E), Ts) :- !, ( '$entail_prove'(C, T1) -> '$entail_prove'(T, T2), '$entail_append'(T1, T2, Ts) ; '$entail_prove'(E, Ts) ).
'$entail_prove'((A ; B), Ts) :- !, ( '$entail_prove'(A, Ts) ; '$entail_prove'(B, Ts) ).
'$entail_prove'(\\+ G, [naf(G)]) :- !, \\+ call(G).
'$entail_prove'(G, [node(G, F/N, I, Sub)]) :- '$entail_user'(G, F, N), !, '$entail_clause'(G, F, N, I, Body), '$entail_prove'(Body, Sub).
'$entail_prove'(G, [builtin(G)]) :- call(G).
'$entail_user'(G, F, N) :- callable(G), functor(G, F, N), '$entail_user_pred'(F, N).
'$entail_clause'(G, F, N, I, Body) :- functor(H, F, N), findall(H-B, clause(H, B), Cs), '$entail_nth'(Cs, 1, I, G-Body).
'$entail_append'([], L, L).
'$entail_append'([X|L1], L2, [X|L3]) :- '$entail_append'(L1, L2, L3).
'$entail_nth'([X|_], I, I, X).
'$entail_nth'([_|T], I0, I, X) :- I1 is I0 + 1, '$entail_nth'(T, I1, I, X).
`;

function quoteAtom(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function isVar(t: TauTerm): boolean {
  return pl.type.is_variable(t);
}

/** tau-prolog term → logic-core term (numbers become constants named by their text). */
export function fromTau(t: TauTerm): Term {
  if (isVar(t)) return mkVar(t.id ?? '_');
  if (pl.type.is_number(t)) return mkApp(t.toString());
  return mkApp(t.id ?? '?', (t.args ?? []).map(fromTau));
}

function listItems(t: TauTerm): TauTerm[] {
  const out: TauTerm[] = [];
  while (t.id === '.' && t.args?.length === 2) {
    out.push(t.args[0]!);
    t = t.args[1]!;
  }
  return out;
}

function toTree(t: TauTerm): ProofTree {
  const a = t.args ?? [];
  if (t.id === 'node') {
    const ind = a[1]!;
    const clause = `${ind.args?.[0]?.id ?? '?'}/${ind.args?.[1]?.toString() ?? '?'}#${a[2]!.toString()}`;
    return { goal: fromTau(a[0]!), kind: 'clause', clause, children: listItems(a[3]!).map(toTree) };
  }
  return { goal: fromTau(a[0]!), kind: t.id === 'naf' ? 'naf' : 'builtin', children: [] };
}

/** Turn a tau-prolog error term (`error(Formal, Context)`, possibly wrapped in throw/1) into a value. */
function toError(e: TauTerm, where: 'program' | 'query'): PrologError {
  let t = e;
  if (t.id === 'throw' && t.args?.length === 1) t = t.args[0]!;
  if (t.id === 'error' && t.args?.length === 2) {
    const [formal, ctx] = t.args as [TauTerm, TauTerm];
    if (formal.id === 'syntax_error') {
      let line: number | undefined;
      let col: number | undefined;
      let found = '';
      for (const item of listItems(ctx)) {
        const v = item.args?.[0];
        if (item.id === 'line' && v?.value !== undefined) line = v.value;
        else if (item.id === 'column' && v?.value !== undefined)
          col = v.value + 1; // tau-prolog counts columns from 0
        else if (item.id === 'found' && v) found = ` (found ${v.toString({ quoted: true })})`;
      }
      const msg = formal.args?.[0]?.toString() ?? 'syntax error';
      return {
        kind: 'syntax',
        in: where,
        message: `syntax error: ${msg}${found}`,
        ...(line !== undefined ? { line } : {}),
        ...(col !== undefined ? { col } : {}),
      };
    }
    const ind = formal.args?.[1];
    if (formal.id === 'existence_error' && formal.args?.[0]?.id === 'procedure' && ind?.args?.length === 2)
      return {
        kind: 'runtime',
        in: where,
        message: `unknown procedure ${ind.args[0]!.toString({ quoted: true })}/${ind.args[1]!.toString()}`,
      };
    return { kind: 'runtime', in: where, message: formal.toString({ quoted: true }) };
  }
  return { kind: 'runtime', in: where, message: `uncaught exception: ${t.toString({ quoted: true })}` };
}

function consult(session: TauSession, text: string): Promise<TauTerm | undefined> {
  return new Promise((resolve) => session.consult(text, { text: true, success: () => resolve(undefined), error: (e) => resolve(e) }));
}
function query(session: TauSession, goal: string): Promise<TauTerm | undefined> {
  return new Promise((resolve) => session.query(goal, { success: () => resolve(undefined), error: (e) => resolve(e) }));
}
type Next = { kind: 'answer'; answer: TauAnswer } | { kind: 'fail' } | { kind: 'limit' } | { kind: 'error'; error: TauTerm };
function next(session: TauSession): Promise<Next> {
  return new Promise((resolve) =>
    session.answer({
      success: (answer) => resolve({ kind: 'answer', answer }),
      fail: () => resolve({ kind: 'fail' }),
      limit: () => resolve({ kind: 'limit' }),
      error: (error) => resolve({ kind: 'error', error }),
    }),
  );
}

/** Run `goal` (e.g. `anc(tom, X).`) against `program`. Never rejects: every outcome is a value. */
export async function runProlog(program: string, goal: string, opts: PrologOptions = {}): Promise<PrologOutcome> {
  const maxSteps = opts.maxSteps ?? 100_000;
  const maxAnswers = opts.maxAnswers ?? 50;
  const proofs = opts.proofs ?? true;
  const session = pl.create(maxSteps);
  const answers: PrologAnswer[] = [];
  let steps = 0;
  if (opts.unknownFails) await consult(session, ':- set_prolog_flag(unknown, fail).');
  const perr = await consult(session, program);
  if (perr) return { status: 'error', answers, steps, error: toError(perr, 'program') };
  // Check the user's goal on its own first, so syntax error columns refer to what they typed.
  const qerr = await query(session, goal);
  if (qerr) return { status: 'error', answers, steps, error: toError(qerr, 'query') };
  if (proofs) {
    // The user's predicates, listed as facts so the meta-interpreter tells them from built-ins by one indexed lookup.
    const userPreds: string[] = [];
    for (const ind of Object.keys(session.modules.user.rules)) {
      session.modules.user.public_predicates[ind] = true;
      const slash = ind.lastIndexOf('/');
      userPreds.push(`'$entail_user_pred'(${quoteAtom(ind.slice(0, slash))}, ${ind.slice(slash + 1)}).`);
    }
    const merr = await consult(session, META + userPreds.join('\n') + (userPreds.length === 0 ? "'$entail_user_pred'(_, _) :- fail." : ''));
    if (merr) throw new Error(`meta-interpreter failed to load: ${merr.toString()}`); // a bug in META, not user input
    const body = goal.trim().replace(/\.\s*$/, '');
    const q2 = await query(session, `(${body}), ('$entail_prove'((${body}), ${TREE_VAR}) -> true ; ${TREE_VAR} = []).`);
    if (q2) return { status: 'error', answers, steps, error: toError(q2, 'query') };
  }
  while (answers.length < maxAnswers) {
    // tau-prolog's limit counts steps per answer() call; give each call what is left of the total.
    const left = maxSteps - steps;
    if (left <= 0) return { status: 'limit', answers, steps, message: `step limit of ${maxSteps} exceeded` };
    session.limit = left;
    const r = await next(session);
    steps += r.kind === 'limit' ? left : left - session.thread.current_limit;
    if (r.kind === 'limit') return { status: 'limit', answers, steps: maxSteps, message: `step limit of ${maxSteps} exceeded` };
    if (r.kind === 'error') return { status: 'error', answers, steps, error: toError(r.error, 'query') };
    if (r.kind === 'fail') return { status: 'ok', answers, exhausted: true, steps };
    const bindings: Record<string, Term> = {};
    const text: Record<string, string> = {};
    let proof: ProofTree | undefined;
    for (const [name, value] of Object.entries(r.answer.links)) {
      if (name === TREE_VAR) {
        const items = listItems(value);
        if (items.length === 1) proof = toTree(items[0]!);
        else if (items.length > 1) proof = { goal: mkApp('true'), kind: 'builtin', children: items.map(toTree) };
        continue;
      }
      bindings[name] = fromTau(value);
      text[name] = value.toString({ quoted: true });
    }
    answers.push(proof ? { bindings, text, proof } : { bindings, text });
  }
  return { status: 'ok', answers, exhausted: false, steps };
}
