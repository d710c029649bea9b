/**
 * Inductive type declarations for the explorer (`*.ind` files). Format, one
 * declaration per line, `%` starts a comment:
 *
 *   inductive nat = zero | s(nat).
 *   explore plus, times.          % optional: functions to combine (default: all of the axioms')
 *   variables x, y, z.            % optional: conjecture variables (default x, y, z)
 *
 * Only ℕ-shaped types are supported: exactly one constant constructor and one
 * unary constructor taking the type itself. Errors are values with positions.
 */
import type { ParseError, Result } from '../logic/index.js';
import { caretExcerpt } from '../logic/index.js';

export interface InductiveType {
  readonly name: string;
  readonly zero: string;
  readonly succ: string;
}

export interface Declarations {
  readonly nat: InductiveType;
  readonly explore?: readonly string[];
  readonly variables?: readonly string[];
}

const IDENT = /^[a-z_][A-Za-z0-9_]*$|^0$/;

export function parseDeclarations(text: string, file?: string): Result<Declarations, ParseError> {
  const lines = text.split(/\r?\n/);
  let nat: InductiveType | undefined;
  let explore: string[] | undefined;
  let variables: string[] | undefined;
  const fail = (line: number, col: number, message: string): Result<Declarations, ParseError> => ({
    ok: false,
    error: { ...(file !== undefined ? { file } : {}), line, col, message, excerpt: caretExcerpt(text, line, col) },
  });
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const cut = raw.indexOf('%');
    const s = (cut < 0 ? raw : raw.slice(0, cut)).trim();
    if (s === '') continue;
    const col = raw.indexOf(s) + 1;
    if (!s.endsWith('.')) return fail(i + 1, col + s.length, "expected '.' at the end of the declaration");
    const body = s.slice(0, -1).trim();
    let m = /^inductive\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(body);
    if (m) {
      const tname = m[1]!;
      const ctors = m[2]!.split('|').map((c) => c.trim());
      let zero: string | undefined;
      let succ: string | undefined;
      for (const c of ctors) {
        const cm = /^([A-Za-z0-9_]+)(?:\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\))?$/.exec(c);
        if (!cm || !IDENT.test(cm[1]!)) return fail(i + 1, col + s.indexOf(c), `bad constructor '${c}'`);
        if (cm[2] === undefined) {
          if (zero !== undefined) return fail(i + 1, col + s.indexOf(c), 'only one constant constructor is supported');
          zero = cm[1]!;
        } else {
          if (cm[2] !== tname) return fail(i + 1, col + s.indexOf(c), `constructor argument must be '${tname}'`);
          if (succ !== undefined) return fail(i + 1, col + s.indexOf(c), 'only one unary constructor is supported');
          succ = cm[1]!;
        }
      }
      if (zero === undefined || succ === undefined) return fail(i + 1, col, 'an inductive type needs a constant and a unary constructor');
      if (nat !== undefined) return fail(i + 1, col, 'only one inductive type is supported');
      nat = { name: tname, zero, succ };
      continue;
    }
    m = /^(explore|variables)\s+(.+)$/.exec(body);
    if (m) {
      const names = m[2]!.split(',').map((x) => x.trim());
      const bad = names.find((x) => !IDENT.test(x));
      if (bad !== undefined) return fail(i + 1, col + s.indexOf(bad), `bad name '${bad}'`);
      if (m[1] === 'explore') explore = names;
      else variables = names;
      continue;
    }
    return fail(i + 1, col, "expected 'inductive', 'explore' or 'variables'");
  }
  if (!nat) return fail(1, 1, 'no inductive type declared');
  return { ok: true, value: { nat, ...(explore ? { explore } : {}), ...(variables ? { variables } : {}) } };
}
