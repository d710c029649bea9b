/**
 * Says a formula back in plain, explicit English, with the words the sentence used
 * ("For every X: if X is a cat then X is a mammal."), so the user sees how the
 * sentence was read: which words became nouns, adjectives and verbs, which
 * quantifier and scope was chosen, what 'it' refers to.
 */
import type { Formula, Term } from '../../provers/logic/index.js';
import type { LexEntry } from './grammar.js';
import { thirdSingular } from './morphology.js';

export interface ParaphraseContext {
  readonly lexicon: ReadonlyMap<string, LexEntry>;
  readonly names: ReadonlyMap<string, string>;
}

function term(t: Term, c: ParaphraseContext): string {
  if (t.kind === 'var') return t.name.toUpperCase();
  if (t.args.length > 0) return `${t.fn}(${t.args.map((a) => term(a, c)).join(', ')})`;
  return c.names.get(t.fn) ?? t.fn.replace(/_/g, ' ');
}

function article(w: string): string {
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

function atom(pred: string, args: readonly Term[], positive: boolean, c: ParaphraseContext): string {
  const e = c.lexicon.get(pred);
  const s = args[0] ? term(args[0], c) : '';
  const o = args[1] ? ` ${term(args[1], c)}` : '';
  const is = positive ? 'is' : 'is not';
  if (!e) return `${positive ? '' : 'not '}${pred}(${args.map((a) => term(a, c)).join(', ')})`;
  const prep = e.prep ? ` ${e.prep}` : '';
  switch (e.pos) {
    case 'noun':
      return `${s} ${is} ${article(e.word)} ${e.word}${prep}${o}`;
    case 'adj':
      return `${s} ${is} ${[e.word, e.prep].filter((x) => x).join(' ')}${o}`;
    case 'verb':
      return positive ? `${s} ${thirdSingular(e.word)}${prep}${o}` : `${s} does not ${e.word}${prep}${o}`;
  }
}

function vars(vs: readonly string[]): string {
  const up = vs.map((v) => v.toUpperCase());
  return up.length === 1 ? up[0]! : `${up.slice(0, -1).join(', ')} and ${up[up.length - 1]}`;
}

/** `nested`: inside a connective, where a compound needs its own bracket words. */
function say(f: Formula, c: ParaphraseContext, nested: boolean): string {
  switch (f.kind) {
    case 'atom':
      return atom(f.pred, f.args, true, c);
    case 'eq':
      return `${term(f.left, c)} is the same as ${term(f.right, c)}`;
    case 'true':
      return 'true';
    case 'false':
      return 'false';
    case 'not':
      if (f.arg.kind === 'atom') return atom(f.arg.pred, f.arg.args, false, c);
      if (f.arg.kind === 'eq') return `${term(f.arg.left, c)} is not the same as ${term(f.arg.right, c)}`;
      if (f.arg.kind === 'exists') return `there is no ${vars(f.arg.vars)} such that ${say(f.arg.body, c, true)}`;
      return `it is false that ${say(f.arg, c, true)}`;
    case 'and': {
      const parts = f.args.map((a) => say(a, c, true));
      return nested && f.args.length > 1 ? `both ${parts.join(' and ')}` : parts.join(' and ');
    }
    case 'or': {
      const parts = f.args.map((a) => say(a, c, true));
      return `either ${parts.join(' or ')}`;
    }
    case 'imp':
      return `if ${say(f.left, c, true)} then ${say(f.right, c, true)}`;
    case 'iff':
      return `${say(f.left, c, true)} if and only if ${say(f.right, c, true)}`;
    case 'xor':
      return `exactly one of: ${say(f.left, c, true)}; ${say(f.right, c, true)}`;
    case 'forall':
      return `for every ${vars(f.vars)}: ${say(f.body, c, false)}`;
    case 'exists':
      return `there ${f.vars.length > 1 ? 'are some' : /^[AEFHILMNORSX]/.test(f.vars[0]!.toUpperCase()) ? 'is an' : 'is a'} ${vars(f.vars)} such that ${say(f.body, c, true)}`;
  }
}

export function paraphrase(f: Formula, c: ParaphraseContext): string {
  const s = say(f, c, false);
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}
