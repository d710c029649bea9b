// Minimal typing for the parts of tau-prolog 0.3 used by ./tau.ts (the package ships no types).
declare module 'tau-prolog' {
  /** A Prolog term as tau-prolog represents it: variables and atoms/compounds have `id`, numbers `value`. */
  export interface TauTerm {
    readonly id?: string;
    readonly args?: readonly TauTerm[];
    readonly value?: number;
    readonly is_float?: boolean;
    toString(opts?: { quoted?: boolean }): string;
  }
  export interface TauAnswer {
    readonly links: Readonly<Record<string, TauTerm>>;
  }
  export interface TauCallbacks<T> {
    success?: (x: T) => void;
    error?: (e: TauTerm) => void;
    fail?: () => void;
    limit?: () => void;
  }
  export interface TauSession {
    limit: number | null;
    readonly thread: { current_limit: number };
    readonly modules: { readonly user: { readonly rules: Record<string, unknown>; public_predicates: Record<string, boolean> } };
    consult(program: string, cb: TauCallbacks<void> & { text?: boolean }): void;
    query(goal: string, cb: TauCallbacks<unknown>): void;
    answer(cb: TauCallbacks<TauAnswer>): void;
  }
  export interface TauType {
    is_variable(t: TauTerm): boolean;
    is_number(t: TauTerm): boolean;
    is_term(t: TauTerm): boolean;
  }
  const pl: {
    create(limit?: number): TauSession;
    readonly type: TauType;
  };
  export default pl;
}
