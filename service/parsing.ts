/**
 * Parsing for the service: one pure function (parse text → outcome + problem)
 * and a runner that executes it in a worker thread when the service runs from
 * the compiled build, or in-process otherwise (tsx development, where worker
 * threads cannot load .ts files on Node 20).
 */
import { Worker } from 'node:worker_threads';
import type { Dialect, Problem } from '../provers/logic/index.js';
import type { Diagnostic, ParseOutcome } from '../api/contract.js';
import type { EngineModules } from './engine.js';

type SyntaxModule = EngineModules['syntax'];
import type { EngineLoader } from './engine.js';
import { problemSymbols } from './views.js';

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly dialect: Dialect | 'auto';
  readonly name: string;
  /** Send the parsed Problem back too (prove needs it; the editor's parse does not). */
  readonly withProblem: boolean;
}

export type ParseReply =
  | { readonly id: number; readonly ok: true; readonly outcome: ParseOutcome; readonly problem?: Problem; readonly error?: string }
  | { readonly id: number; readonly ok: false; readonly reason: string };

/** Statements listed back to the editor (the outline); the rest are counted only. */
const MAX_STATEMENTS = 5000;

export function parseOutcome(m: SyntaxModule, req: Omit<ParseRequest, 'id'>): { outcome: ParseOutcome; problem?: Problem; error?: string } {
  const dialect = req.dialect === 'auto' ? m.detectDialect(req.text) : req.dialect;
  const r = m.parseProblem(req.text, { dialect, file: req.name, name: req.name });
  if (!r.ok) {
    const e = r.error;
    const diag: Diagnostic = { severity: 'error', line: e.line, col: e.col, message: e.message, ...(e.file ? { file: e.file } : {}) };
    return { outcome: { dialect, diagnostics: [diag], symbols: [], statements: [] }, error: `${e.line}:${e.col}: ${e.message}` };
  }
  const p = r.value;
  const diagnostics: Diagnostic[] = p.statements.length === 0 ? [{ severity: 'info', line: 1, col: 1, message: 'no statements' }] : [];
  const outcome: ParseOutcome = {
    dialect,
    diagnostics,
    symbols: problemSymbols(p),
    statements: p.statements.slice(0, MAX_STATEMENTS).map((s) => ({ name: s.name, role: s.role, ...(s.pos ? { line: s.pos.line } : {}) })),
  };
  return req.withProblem ? { outcome, problem: p } : { outcome };
}

export interface Parser {
  parse(req: Omit<ParseRequest, 'id'>): Promise<ParseReply>;
  dispose(): void;
}

/** Texts shorter than this are parsed in-process: a worker round trip costs more than the parse. */
const IN_PROCESS_BELOW = 64 * 1024;

export function createParser(load: EngineLoader, opts: { useWorker?: boolean } = {}): Parser {
  const compiled = import.meta.url.endsWith('.js');
  const useWorker = opts.useWorker ?? compiled;
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, (r: ParseReply) => void>();

  const inProcess = async (req: Omit<ParseRequest, 'id'>): Promise<ParseReply> => {
    const syn = await load('syntax');
    if (!syn.ok) return { id: 0, ok: false, reason: syn.reason };
    return { id: 0, ok: true, ...parseOutcome(syn.mod, req) };
  };

  const failAll = (reason: string): void => {
    for (const [id, res] of pending) res({ id, ok: false, reason });
    pending.clear();
    worker = undefined;
  };

  const getWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./parse-worker.js', import.meta.url));
    w.on('message', (r: ParseReply) => {
      const res = pending.get(r.id);
      pending.delete(r.id);
      res?.(r);
    });
    w.on('error', (e) => failAll(`parser worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (pending.size > 0) failAll(`parser worker exited (${code})`);
      worker = undefined;
    });
    // An idle parser worker must not keep the process alive.
    w.unref();
    worker = w;
    return w;
  };

  return {
    parse(req) {
      if (!useWorker || req.text.length < IN_PROCESS_BELOW) return inProcess(req);
      const id = ++seq;
      return new Promise((res) => {
        pending.set(id, res);
        getWorker().postMessage({ ...req, id } satisfies ParseRequest);
      });
    },
    dispose() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
