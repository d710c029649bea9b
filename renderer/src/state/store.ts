/**
 * The workbench state: serializable data only, changed only by actions from a
 * closed union through one pure reducer (so the reducer is testable headless and
 * a session can be saved by serialising a slice of it). Side effects (API calls)
 * live in effects.ts and dispatch actions with what they got back.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { DEFAULT_SETTINGS, SESSION_VERSION } from '../../../api/contract.js';
import { EXPLORE_DEFAULTS } from '../../../provers/genlogic/defaults.js';
import type { LineRange } from '../../../provers/graph/link.js';
import type {
  BatchInfo,
  BatchRow,
  BatchSummaryView,
  QueueWorkerInfo,
  Diagnostic,
  ExploreProgressView,
  ExploreResult,
  JobState,
  LeanView,
  Language,
  NlOutcome,
  ParseOutcome,
  ProverId,
  ProverInfo,
  RunResult,
  Session,
  SessionEntry,
  Settings,
  SymbolInfo,
} from '../../../api/contract.js';

export interface ProblemDoc {
  readonly id: string;
  readonly title: string;
  readonly language: Language;
  readonly text: string;
}

export type Tab = 'result' | 'graph' | 'nl' | 'sessions' | 'settings' | 'batch' | 'lean' | 'explore';
export const TABS: readonly Tab[] = ['result', 'graph', 'nl', 'sessions', 'settings', 'batch', 'lean', 'explore'];

export interface RunState {
  readonly jobId?: string;
  /** The document the run proves (results are recorded against it, whichever tab is active when it ends). */
  readonly problemId?: string;
  /** Hash of the text being proved (a result whose hash differs from the document's is stale). */
  readonly textHash?: string;
  readonly phase: 'idle' | 'starting' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly elapsedMs: number;
  readonly message: string;
}

export interface RunRecord {
  readonly problemId: string;
  readonly at: string;
  readonly prover: string;
  readonly status: string;
  readonly timeMs: number;
  readonly textHash?: string;
  readonly result?: RunResult;
}

export interface Notice {
  readonly id: number;
  readonly level: 'info' | 'warn' | 'error';
  readonly text: string;
}

export interface State {
  readonly problems: readonly ProblemDoc[];
  readonly activeId: string;
  readonly parse: { readonly forText: string; readonly outcome?: ParseOutcome; readonly failure?: string };
  readonly provers: readonly ProverInfo[];
  readonly prover: ProverId;
  readonly settings: Settings;
  readonly run: RunState;
  readonly result?: RunResult;
  readonly runs: readonly RunRecord[];
  readonly graph: { readonly selected?: string; readonly collapsePreprocessing: boolean; readonly search: string };
  readonly nl: {
    readonly premises: string;
    readonly conclusion: string;
    readonly busy: boolean;
    /** The judgement in flight (cancel uses it). */
    readonly requestId?: string;
    /** Recorded problem id for the replay provider. */
    readonly problemId: string;
    readonly outcome?: NlOutcome;
    /** The inputs `outcome` was judged from: an outcome is shown only while they are still the inputs. */
    readonly outcomeFor?: NlInputs;
    /** The inputs of the judgement in flight. */
    readonly pendingFor?: NlInputs;
    readonly failure?: string;
    readonly providers: readonly { readonly id: string; readonly available: boolean; readonly detail: string }[];
  };
  readonly session: {
    /** Identity and revision of the session file (see api/contract.ts sessionSchema). */
    readonly id: string;
    readonly rev: number;
    readonly name: string;
    readonly path?: string;
    readonly dirty: boolean;
    readonly recent: readonly SessionEntry[];
  };
  readonly connection: 'connected' | 'disconnected' | 'reconnecting';
  readonly tab: Tab;
  /** Workbench layout (issue 19): editor share of the workspace width, help overlay. */
  readonly layout: { readonly split: number; readonly help: boolean };
  /** Documents closed in this session, newest last (reopenable: closing a tab never loses its text). */
  readonly closed: readonly ProblemDoc[];
  readonly notices: readonly Notice[];
  readonly noticeSeq: number;
  readonly panels: Readonly<Partial<Record<'batch' | 'lean' | 'explore', string>>>;
  readonly explore: {
    /** The shipped Peano theory, or the editor's buffer as TPTP axioms plus `declarations`. */
    readonly source: 'corpus' | 'editor';
    readonly declarations: string;
    /** Comma-separated function names (empty: all). */
    readonly only: string;
    readonly maxTermSize: number;
    readonly timeoutS: number;
    readonly phase: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
    readonly jobId?: string;
    readonly progress?: ExploreProgressView;
    readonly result?: ExploreResult;
    readonly failure?: string;
    /** Index of the theorem whose derivation is shown. */
    readonly open?: number;
  };
  readonly lean: {
    readonly code: string;
    readonly busy: boolean;
    /** Last info/check answer. */
    readonly view?: LeanView;
    /** Last tactic step. */
    readonly step?: LeanView;
    /** Lean text of the current problem (export). */
    readonly exported?: string;
    readonly failure?: string;
  };
  readonly batch: {
    readonly paths: string;
    /** Problems proved at once (1..info.cores); what the engine's machine allows arrives in `info`. */
    readonly jobs: number;
    readonly info?: BatchInfo;
    /** Where problems are proved: this engine's machine, or `entail worker`s on a Redis queue (the engine coordinates). */
    readonly target: 'local' | 'queue';
    /** redis://[:password@]host:port/db — typed by the user; never saved in sessions. */
    readonly queueUrl: string;
    readonly queueName: string;
    /** Workers the queue's heartbeats list (`batchWorkers`), or why they could not be listed. */
    readonly workers?: readonly QueueWorkerInfo[];
    readonly workersError?: string;
    readonly jobId?: string;
    readonly phase: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
    readonly done: number;
    readonly total: number;
    readonly rows: readonly BatchRow[];
    readonly summary?: BatchSummaryView;
    readonly failure?: string;
  };
  /**
   * Proof graph ⇄ editor linking (issue 20): the lines a clicked step asks the editor to
   * select (`seq` tells two requests for the same lines apart), and the editor's cursor line
   * (the graph highlights the steps the statement under it feeds). Not saved in sessions.
   */
  readonly link: { readonly reveal?: { readonly seq: number; readonly ranges: readonly LineRange[] }; readonly cursorLine?: number };
}

export type Action =
  | { type: 'problem/edit'; text: string }
  | { type: 'problem/new'; language: Language; text?: string; title?: string }
  | { type: 'problem/select'; id: string }
  | { type: 'problem/close'; id: string }
  | { type: 'problem/setLanguage'; language: Language }
  | { type: 'parse/done'; forText: string; outcome: ParseOutcome }
  | { type: 'parse/failed'; forText: string; failure: string }
  | { type: 'provers/loaded'; provers: readonly ProverInfo[] }
  | { type: 'run/choose'; prover: ProverId }
  | { type: 'run/limits'; timeoutMs: number }
  | { type: 'run/starting'; problemId?: string }
  | { type: 'run/started'; jobId: string }
  | { type: 'run/progress'; jobId: string; elapsedMs: number; message: string }
  | { type: 'run/finished'; jobId: string; state: JobState }
  | { type: 'run/rejected'; message: string }
  /** A run answered synchronously (Prolog queries: no job). */
  | { type: 'run/result'; result: RunResult }
  | { type: 'graph/select'; id?: string }
  | { type: 'graph/collapse'; collapse: boolean }
  | { type: 'graph/search'; text: string }
  | { type: 'nl/edit'; premises?: string; conclusion?: string }
  | { type: 'nl/providers'; providers: State['nl']['providers'] }
  | { type: 'nl/judging'; requestId?: string; inputs?: NlInputs }
  | { type: 'nl/problemId'; problemId: string }
  | { type: 'nl/judged'; outcome: NlOutcome }
  | { type: 'nl/failed'; failure: string }
  | { type: 'session/recent'; recent: readonly SessionEntry[] }
  | { type: 'session/saved'; entry: SessionEntry; path: string; key: string }
  | { type: 'session/opened'; session: Session; path: string }
  | { type: 'session/rename'; name: string }
  | { type: 'settings/loaded'; settings: Settings }
  | { type: 'connection'; state: State['connection'] }
  | { type: 'tab'; tab: Tab }
  | { type: 'panel/status'; panel: 'batch' | 'lean' | 'explore'; text: string }
  | { type: 'batch/paths'; paths: string }
  | { type: 'batch/jobs'; jobs: number }
  | { type: 'batch/info'; info: BatchInfo }
  | { type: 'batch/target'; target: 'local' | 'queue' }
  | { type: 'batch/queue'; url?: string; name?: string }
  | { type: 'batch/workers'; workers: readonly QueueWorkerInfo[] }
  | { type: 'batch/workersFailed'; message: string }
  | { type: 'batch/started'; jobId: string }
  | { type: 'batch/row'; jobId: string; row: BatchRow; done: number; total: number }
  | { type: 'batch/finished'; jobId: string; state: JobState }
  | { type: 'batch/rejected'; message: string }
  | {
      type: 'explore/options';
      options: Partial<Pick<State['explore'], 'source' | 'declarations' | 'only' | 'maxTermSize' | 'timeoutS'>>;
    }
  | { type: 'explore/started'; jobId: string }
  | { type: 'explore/progress'; jobId: string; progress: ExploreProgressView }
  | { type: 'explore/finished'; jobId: string; state: JobState }
  | { type: 'explore/rejected'; message: string }
  | { type: 'explore/open'; index?: number }
  | { type: 'lean/edit'; code: string }
  | { type: 'lean/busy' }
  | { type: 'lean/answer'; view: LeanView }
  | { type: 'lean/exported'; code: string }
  | { type: 'lean/failed'; failure: string }
  // Layout and tab lifecycle (issue 19).
  | { type: 'layout/split'; split: number }
  | { type: 'layout/help'; open: boolean }
  | { type: 'problem/reopen' }
  /** Proof graph ⇄ editor linking: select these lines in the editor; the editor's cursor moved to a line. */
  | { type: 'link/reveal'; ranges: readonly LineRange[] }
  | { type: 'link/cursor'; line?: number }
  | { type: 'notice'; level: Notice['level']; text: string }
  | { type: 'notice/dismiss'; id: number };

/** What an NL judgement was asked about (provider, recorded problem id for replay, the typed text). */
export interface NlInputs {
  readonly provider: string;
  readonly problemId: string;
  readonly premises: readonly string[];
  readonly conclusion: string;
}

/** Editor share of the workspace width (the session schema's `ui.split` bounds). */
export const SPLIT_MIN = 0.2;
export const SPLIT_MAX = 0.8;
export const SPLIT_DEFAULT = 0.5;
export function clampSplit(x: number): number {
  return Number.isFinite(x) ? Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, x)) : SPLIT_DEFAULT;
}
const MAX_CLOSED = 50;

export const SAMPLE_PROBLEM = `% Entail workbench: write a problem, press Ctrl+Enter to prove it.
fof(socrates_is_a_man, axiom, man(socrates)).
fof(men_are_mortal, axiom, ![X]: (man(X) => mortal(X))).
fof(socrates_is_mortal, conjecture, mortal(socrates)).
`;

export function initialState(): State {
  return {
    problems: [{ id: 'p1', title: 'untitled.p', language: 'tptp', text: SAMPLE_PROBLEM }],
    activeId: 'p1',
    parse: { forText: '' },
    provers: [],
    prover: DEFAULT_SETTINGS.defaultProver,
    settings: DEFAULT_SETTINGS,
    run: { phase: 'idle', elapsedMs: 0, message: '' },
    runs: [],
    graph: { collapsePreprocessing: false, search: '' },
    nl: {
      premises: 'All dogs are animals.\nRex is a dog.',
      conclusion: 'Rex is an animal.',
      busy: false,
      problemId: '',
      providers: [],
    },
    session: { id: newSessionId(), rev: 0, name: 'untitled session', dirty: false, recent: [] },
    connection: 'connected',
    tab: 'result',
    layout: { split: SPLIT_DEFAULT, help: false },
    closed: [],
    notices: [],
    noticeSeq: 0,
    panels: {},
    batch: {
      paths: '',
      jobs: 2,
      target: 'local',
      queueUrl: 'redis://127.0.0.1:6379/0',
      queueName: 'default',
      phase: 'idle',
      done: 0,
      total: 0,
      rows: [],
    },
    explore: {
      source: 'corpus',
      declarations: 'inductive nat = zero | s(nat).\n',
      // The engine's bounds, no filter: what finds the laws the README lists (both distributivities, × associative).
      only: '',
      maxTermSize: EXPLORE_DEFAULTS.maxTermSize,
      timeoutS: EXPLORE_DEFAULTS.timeoutS,
      phase: 'idle',
    },
    lean: { code: LEAN_SAMPLE, busy: false },
    link: {},
  };
}

export const LEAN_SAMPLE = `theorem and_swap (p q : Prop) (hp : p) (hq : q) : q ∧ p := by
  sorry
`;

const MAX_RUNS = 200;
const MAX_NOTICES = 5;

export function activeProblem(s: State): ProblemDoc {
  return s.problems.find((p) => p.id === s.activeId) ?? s.problems[0]!;
}

function mapActive(s: State, f: (p: ProblemDoc) => ProblemDoc): State {
  return { ...s, problems: s.problems.map((p) => (p.id === s.activeId ? f(p) : p)), session: { ...s.session, dirty: true } };
}

function nextProblemId(s: State): string {
  let n = s.problems.length + 1;
  while (s.problems.some((p) => p.id === `p${n}`)) n++;
  return `p${n}`;
}

const EXT: Record<Language, string> = { tptp: 'p', ladr: 'in', nltk: 'nltk', folio: 'folio', entail: 'ent', prolog: 'pl', lean: 'lean' };

function notice(s: State, level: Notice['level'], text: string): State {
  const id = s.noticeSeq + 1;
  return { ...s, noticeSeq: id, notices: [...s.notices, { id, level, text }].slice(-MAX_NOTICES) };
}

export function reduce(s: State, a: Action): State {
  switch (a.type) {
    case 'problem/edit':
      return mapActive(s, (p) => ({ ...p, text: a.text }));
    case 'problem/new': {
      const id = nextProblemId(s);
      const doc: ProblemDoc = { id, title: a.title ?? `untitled-${id}.${EXT[a.language]}`, language: a.language, text: a.text ?? '' };
      return withDocResult({
        ...s,
        problems: [...s.problems, doc],
        activeId: id,
        parse: { forText: '' },
        session: { ...s.session, dirty: true },
      });
    }
    case 'problem/select':
      return s.problems.some((p) => p.id === a.id) ? withDocResult({ ...s, activeId: a.id, parse: { forText: '' } }) : s;
    case 'problem/close': {
      if (s.problems.length <= 1) return s;
      const problems = s.problems.filter((p) => p.id !== a.id);
      const gone = s.problems.find((p) => p.id === a.id);
      if (!gone) return s;
      return withDocResult({
        ...s,
        problems,
        closed: [...s.closed.filter((p) => p.id !== a.id), gone].slice(-MAX_CLOSED),
        activeId: s.activeId === a.id ? problems[0]!.id : s.activeId,
        session: { ...s.session, dirty: true },
      });
    }
    case 'problem/setLanguage':
      return { ...mapActive(s, (p) => ({ ...p, language: a.language })), parse: { forText: '' } };
    case 'parse/done':
      return { ...s, parse: { forText: a.forText, outcome: a.outcome } };
    case 'parse/failed':
      return { ...s, parse: { forText: a.forText, failure: a.failure } };
    case 'provers/loaded':
      return { ...s, provers: a.provers };
    case 'run/choose':
      return { ...s, prover: a.prover };
    case 'run/limits':
      return { ...s, settings: { ...s.settings, limits: { ...s.settings.limits, timeoutMs: a.timeoutMs } } };
    case 'run/starting': {
      const problemId = a.problemId ?? s.activeId;
      const doc = s.problems.find((p) => p.id === problemId);
      return {
        ...s,
        run: { phase: 'starting', elapsedMs: 0, message: 'starting…', problemId, ...(doc ? { textHash: textHash(doc.text) } : {}) },
      };
    }
    case 'run/started':
      return {
        ...s,
        run: { ...s.run, jobId: a.jobId, phase: 'running', elapsedMs: 0, message: 'running', problemId: s.run.problemId ?? s.activeId },
      };
    case 'run/progress':
      if (s.run.jobId !== a.jobId || s.run.phase !== 'running') return s;
      return { ...s, run: { ...s.run, elapsedMs: a.elapsedMs, message: a.message } };
    case 'run/finished': {
      if (s.run.jobId !== a.jobId) return s;
      const st = a.state;
      if (st.state === 'done') {
        const r = st.result;
        const problemId = s.run.problemId ?? s.activeId;
        const record: RunRecord = {
          problemId,
          ...(s.run.textHash ? { textHash: s.run.textHash } : {}),
          at: new Date().toISOString(),
          prover: r.prover,
          status: r.status,
          timeMs: r.timeMs,
          result: r,
        };
        return {
          ...s,
          run: { jobId: a.jobId, phase: 'done', elapsedMs: r.timeMs, message: r.status, problemId },
          result: problemId === s.activeId ? r : s.result,
          runs: [...s.runs, record].slice(-MAX_RUNS),
          graph: { ...s.graph, selected: undefined },
          session: { ...s.session, dirty: true },
          tab: tabForResult(s, problemId, r),
        };
      }
      if (st.state === 'cancelled') return { ...s, run: { ...s.run, phase: 'cancelled', message: 'cancelled' } };
      if (st.state === 'failed') return notice({ ...s, run: { ...s.run, phase: 'failed', message: st.failure } }, 'error', st.failure);
      return s;
    }
    case 'run/result': {
      const r = a.result;
      const problemId = s.run.problemId ?? s.activeId;
      const record: RunRecord = {
        problemId,
        ...(s.run.textHash ? { textHash: s.run.textHash } : {}),
        at: new Date().toISOString(),
        prover: r.prover,
        status: r.status,
        timeMs: r.timeMs,
        result: r,
      };
      return {
        ...s,
        run: { phase: 'done', elapsedMs: r.timeMs, message: r.status, problemId },
        result: problemId === s.activeId ? r : s.result,
        runs: [...s.runs, record].slice(-MAX_RUNS),
        graph: { ...s.graph, selected: undefined },
        session: { ...s.session, dirty: true },
        tab: tabForResult(s, problemId, r),
      };
    }
    case 'run/rejected':
      return notice({ ...s, run: { phase: 'failed', elapsedMs: 0, message: a.message } }, 'error', a.message);
    case 'graph/select':
      return { ...s, graph: { ...s.graph, selected: a.id } };
    case 'graph/collapse':
      return { ...s, graph: { ...s.graph, collapsePreprocessing: a.collapse } };
    case 'graph/search':
      return { ...s, graph: { ...s.graph, search: a.text } };
    case 'nl/edit':
      return {
        ...s,
        nl: {
          ...s.nl,
          ...(a.premises !== undefined ? { premises: a.premises } : {}),
          ...(a.conclusion !== undefined ? { conclusion: a.conclusion } : {}),
        },
        session: { ...s.session, dirty: true },
      };
    case 'nl/providers':
      return { ...s, nl: { ...s.nl, providers: a.providers } };
    case 'nl/judging':
      return {
        ...s,
        nl: { ...s.nl, busy: true, requestId: a.requestId, failure: undefined, ...(a.inputs ? { pendingFor: a.inputs } : {}) },
      };
    case 'nl/problemId':
      return { ...s, nl: { ...s.nl, problemId: a.problemId } };
    case 'nl/judged':
      return {
        ...s,
        nl: { ...s.nl, busy: false, requestId: undefined, outcome: a.outcome, outcomeFor: s.nl.pendingFor, failure: undefined },
      };
    case 'nl/failed':
      return { ...s, nl: { ...s.nl, busy: false, requestId: undefined, failure: a.failure } };
    case 'session/recent':
      return { ...s, session: { ...s.session, recent: a.recent } };
    case 'session/saved':
      return {
        ...s,
        session: {
          ...s.session,
          // A save under a free name (clash) or a fork renames the session; otherwise keep what the user typed meanwhile.
          ...(a.entry.id && a.entry.id !== s.session.id ? { id: a.entry.id, name: a.entry.name } : {}),
          ...(a.entry.name !== s.session.name && a.entry.id === s.session.id && a.path !== s.session.path ? { name: a.entry.name } : {}),
          rev: a.entry.rev ?? s.session.rev,
          path: a.path,
          // Edits made while the save was in flight are still unsaved.
          dirty: s.session.dirty && toSessionKey(s) !== a.key,
        },
      };
    case 'session/opened': {
      const ss = a.session;
      const problems: ProblemDoc[] =
        ss.problems.length > 0 ? ss.problems.map((p) => ({ ...p })) : initialState().problems.map((p) => ({ ...p }));
      const activeId = ss.activeProblem && problems.some((p) => p.id === ss.activeProblem) ? ss.activeProblem : problems[0]!.id;
      const runs: RunRecord[] = ss.runs.map((r) => ({ ...r, ...(isRunResult(r.result) ? { result: r.result } : { result: undefined }) }));
      return withDocResult({
        ...s,
        problems,
        activeId,
        runs,
        tab: isTab(ss.ui?.tab) ? ss.ui.tab : s.tab,
        layout: { ...s.layout, split: clampSplit(ss.ui?.split ?? s.layout.split) },
        closed: (ss.closed ?? []).map((p) => ({ ...p })).slice(-MAX_CLOSED),
        parse: { forText: '' },
        run: { phase: 'idle', elapsedMs: 0, message: '' },
        nl: {
          ...s.nl,
          premises: ss.nl?.premises.join('\n') ?? s.nl.premises,
          conclusion: ss.nl?.conclusion ?? s.nl.conclusion,
          outcome: undefined,
          outcomeFor: undefined,
        },
        session: { ...s.session, id: ss.id, rev: ss.rev, name: ss.name, path: a.path, dirty: false },
        graph: { ...s.graph, selected: undefined },
      });
    }
    case 'session/rename':
      return { ...s, session: { ...s.session, name: a.name, dirty: true } };
    case 'settings/loaded':
      return { ...s, settings: a.settings, prover: a.settings.defaultProver };
    case 'connection':
      if (s.connection === a.state) return s;
      return notice(
        { ...s, connection: a.state },
        a.state === 'connected' ? 'info' : 'warn',
        a.state === 'connected' ? 'Reconnected to the Entail engine.' : 'Lost the connection to the Entail engine — reconnecting…',
      );
    case 'tab':
      return { ...s, tab: a.tab };
    case 'panel/status':
      return { ...s, panels: { ...s.panels, [a.panel]: a.text } };
    case 'batch/paths':
      return { ...s, batch: { ...s.batch, paths: a.paths } };
    case 'batch/started':
      return {
        ...s,
        batch: { ...batchSettings(s.batch), jobId: a.jobId, phase: 'running', done: 0, total: 0, rows: [] },
      };
    case 'batch/jobs':
      return { ...s, batch: { ...s.batch, jobs: clampJobs(a.jobs, s.batch.info) } };
    case 'batch/info': {
      // The first answer replaces the placeholder default with the machine's; later ones only re-clamp.
      const jobs = s.batch.info ? clampJobs(s.batch.jobs, a.info) : a.info.defaultJobs;
      return { ...s, batch: { ...s.batch, info: a.info, jobs } };
    }
    case 'batch/target':
      return { ...s, batch: { ...s.batch, target: a.target } };
    case 'batch/queue': {
      const { workers: _w, workersError: _e, ...rest } = s.batch;
      return {
        ...s,
        batch: { ...rest, ...(a.url !== undefined ? { queueUrl: a.url } : {}), ...(a.name !== undefined ? { queueName: a.name } : {}) },
      };
    }
    case 'batch/workers': {
      const { workersError: _e, ...rest } = s.batch;
      return { ...s, batch: { ...rest, workers: a.workers } };
    }
    case 'batch/workersFailed': {
      const { workers: _w, ...rest } = s.batch;
      return { ...s, batch: { ...rest, workersError: a.message } };
    }
    case 'batch/row':
      if (s.batch.jobId !== a.jobId) return s;
      return { ...s, batch: { ...s.batch, done: a.done, total: a.total, rows: [...s.batch.rows, a.row] } };
    case 'batch/finished': {
      if (s.batch.jobId !== a.jobId) return s;
      const st = a.state;
      if (st.state === 'batchDone')
        return {
          ...s,
          batch: { ...s.batch, phase: 'done', rows: st.rows, summary: st.summary, done: st.rows.length, total: st.summary.total },
        };
      if (st.state === 'cancelled') return { ...s, batch: { ...s.batch, phase: 'cancelled' } };
      if (st.state === 'failed') return { ...s, batch: { ...s.batch, phase: 'failed', failure: st.failure } };
      return s;
    }
    case 'batch/rejected':
      return { ...s, batch: { ...s.batch, phase: 'failed', failure: a.message } };
    case 'explore/options':
      return { ...s, explore: { ...s.explore, ...a.options } };
    case 'explore/started':
      return {
        ...s,
        explore: {
          ...s.explore,
          phase: 'running',
          jobId: a.jobId,
          progress: undefined,
          result: undefined,
          failure: undefined,
          open: undefined,
        },
      };
    case 'explore/progress':
      if (s.explore.jobId !== a.jobId || s.explore.phase !== 'running') return s;
      return { ...s, explore: { ...s.explore, progress: a.progress } };
    case 'explore/finished': {
      if (s.explore.jobId !== a.jobId) return s;
      const st = a.state;
      if (st.state === 'exploreDone') return { ...s, explore: { ...s.explore, phase: 'done', result: st.result } };
      if (st.state === 'cancelled') return { ...s, explore: { ...s.explore, phase: 'cancelled' } };
      if (st.state === 'failed') return { ...s, explore: { ...s.explore, phase: 'failed', failure: st.failure } };
      return s;
    }
    case 'explore/rejected':
      return { ...s, explore: { ...s.explore, phase: 'failed', failure: a.message } };
    case 'explore/open':
      return { ...s, explore: { ...s.explore, open: a.index }, graph: { ...s.graph, selected: undefined } };
    case 'lean/edit':
      return { ...s, lean: { ...s.lean, code: a.code } };
    case 'lean/busy':
      return { ...s, lean: { ...s.lean, busy: true, failure: undefined } };
    case 'lean/answer':
      return a.view.op === 'tactic'
        ? { ...s, lean: { ...s.lean, busy: false, step: a.view } }
        : { ...s, lean: { ...s.lean, busy: false, view: a.view, step: a.view.op === 'check' ? undefined : s.lean.step } };
    case 'lean/exported':
      return { ...s, lean: { ...s.lean, busy: false, exported: a.code } };
    case 'lean/failed':
      return { ...s, lean: { ...s.lean, busy: false, failure: a.failure } };
    case 'layout/split': {
      const split = clampSplit(a.split);
      return split === s.layout.split ? s : { ...s, layout: { ...s.layout, split }, session: { ...s.session, dirty: true } };
    }
    case 'layout/help':
      return { ...s, layout: { ...s.layout, help: a.open } };
    case 'problem/reopen': {
      const doc = s.closed[s.closed.length - 1];
      if (!doc) return s;
      // A reopened document keeps its text; a clash with a live id (a new tab took it) gets a fresh id.
      const id = s.problems.some((p) => p.id === doc.id) ? nextProblemId(s) : doc.id;
      return withDocResult({
        ...s,
        problems: [...s.problems, { ...doc, id }],
        closed: s.closed.slice(0, -1),
        activeId: id,
        parse: { forText: '' },
        session: { ...s.session, dirty: true },
      });
    }
    // Proof graph ⇄ editor linking.
    case 'link/reveal':
      return { ...s, link: { ...s.link, reveal: { seq: (s.link.reveal?.seq ?? 0) + 1, ranges: a.ranges } } };
    case 'link/cursor':
      return s.link.cursorLine === a.line ? s : { ...s, link: { ...s.link, cursorLine: a.line } };
    case 'notice':
      return notice(s, a.level, a.text);
    case 'notice/dismiss':
      return { ...s, notices: s.notices.filter((n) => n.id !== a.id) };
  }
}

function isRunResult(x: unknown): x is RunResult {
  return typeof x === 'object' && x !== null && typeof (x as RunResult).status === 'string' && typeof (x as RunResult).prover === 'string';
}

/** The session file for the current state (what save and autosave write). */
export function toSession(s: State): Session {
  return {
    version: SESSION_VERSION,
    id: s.session.id,
    rev: s.session.rev,
    name: s.session.name.trim() === '' ? 'untitled session' : s.session.name,
    savedAt: new Date().toISOString(),
    problems: s.problems.map((p) => ({ ...p })),
    activeProblem: s.activeId,
    nl: { premises: splitLines(s.nl.premises), conclusion: s.nl.conclusion },
    // Keep the proof objects of the last few runs only: sessions stay small enough to autosave.
    runs: s.runs.map((r, i) => ({ ...r, result: i >= s.runs.length - 10 ? r.result : undefined })),
    ...(s.closed.length > 0 ? { closed: s.closed.map((p) => ({ ...p })) } : {}),
    ui: { tab: s.tab, split: clampSplit(s.layout.split) },
  };
}

/**
 * What a save would write, minus the clock: equal keys mean nothing changed. Cheap enough per save:
 * references are compared first by the caller's subscription.
 */
export function toSessionKey(s: State): string {
  const { savedAt: _t, rev: _r, ...rest } = toSession(s);
  void _t;
  void _r;
  return JSON.stringify(rest);
}

/** The active document's latest result (the result panel and the graph read `result`). */
function withDocResult(s: State): State {
  const last = [...s.runs].reverse().find((r) => r.problemId === s.activeId && r.result);
  return last?.result === s.result ? s : { ...s, result: last?.result, graph: { ...s.graph, selected: undefined } };
}

/**
 * The panel to show when a run of `problemId` ends: a result without a proof graph (a countermodel, Unknown)
 * moves the proof-graph tab to the result tab, which shows the countermodel; other tabs are left alone.
 */
function tabForResult(s: State, problemId: string, r: RunResult): Tab {
  return problemId === s.activeId && s.tab === 'graph' && !r.graph ? 'result' : s.tab;
}

/**
 * Whether the NL outcome on screen was judged from the inputs now in the panel (provider, recorded problem id for
 * replay, premises and conclusion as typed): an outcome for other input is never shown next to these sentences.
 */
export function nlOutcomeIsCurrent(s: State): boolean {
  const f = s.nl.outcomeFor;
  if (!s.nl.outcome || !f) return false;
  const provider = s.settings.nlProvider;
  const problemId = provider === 'replay' ? s.nl.problemId.trim() : '';
  const premises = splitLines(s.nl.premises);
  return (
    f.provider === provider &&
    f.problemId === problemId &&
    f.conclusion === s.nl.conclusion.trim() &&
    f.premises.length === premises.length &&
    f.premises.every((p, i) => p === premises[i])
  );
}

/** The title of a document by id, including closed ones (run history names files, not ids). */
export function docTitle(s: Pick<State, 'problems' | 'closed'>, id: string): string {
  return s.problems.find((p) => p.id === id)?.title ?? s.closed.find((p) => p.id === id)?.title ?? id;
}

function isTab(t: string | undefined): t is Tab {
  return t !== undefined && (TABS as readonly string[]).includes(t);
}

/** A fresh session identity (matches the contract's SESSION_ID). */
export function newSessionId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function splitLines(t: string): string[] {
  return t
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Diagnostics that belong to the current text (stale results from an older keystroke are dropped). */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
export function currentDiagnostics(s: State): readonly Diagnostic[] {
  const p = activeProblem(s);
  // A constant empty array: selectors must return stable references or React re-renders forever.
  return s.parse.forText === p.text ? (s.parse.outcome?.diagnostics ?? NO_DIAGNOSTICS) : NO_DIAGNOSTICS;
}

export function symbolAt(s: State, name: string): SymbolInfo[] {
  return (s.parse.outcome?.symbols ?? []).filter((x) => x.name === name);
}

function deepFreeze<T>(x: T): T {
  if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return x;
  Object.freeze(x);
  for (const v of Object.values(x as object)) deepFreeze(v);
  return x;
}

export interface WorkbenchStore extends StoreApi<State> {
  dispatch(a: Action): void;
}

/** The batch panel's inputs, kept across runs. */
function batchSettings(
  b: State['batch'],
): Pick<State['batch'], 'paths' | 'jobs' | 'info' | 'target' | 'queueUrl' | 'queueName' | 'workers' | 'workersError'> {
  return {
    paths: b.paths,
    jobs: b.jobs,
    target: b.target,
    queueUrl: b.queueUrl,
    queueName: b.queueName,
    ...(b.info ? { info: b.info } : {}),
    ...(b.workers ? { workers: b.workers } : {}),
    ...(b.workersError ? { workersError: b.workersError } : {}),
  };
}

/** A jobs count the engine accepts: a whole number in 1..cores (cores unknown yet: left to the service to bound). */
export function clampJobs(n: number, info: BatchInfo | undefined): number {
  const whole = Number.isFinite(n) ? Math.round(n) : 1;
  return Math.max(1, info ? Math.min(info.cores, whole) : whole);
}

/** `freeze`: deep-freeze every state (development and tests) so accidental mutation throws. */
export function createWorkbenchStore(opts: { freeze: boolean; initial?: State }): WorkbenchStore {
  const start = opts.initial ?? initialState();
  const store = createStore<State>()(() => (opts.freeze ? deepFreeze(start) : start));
  return Object.assign(store, {
    dispatch(a: Action): void {
      const next = reduce(store.getState(), a);
      if (next !== store.getState()) store.setState(opts.freeze ? deepFreeze(next) : next, true);
    },
  });
}

/** FNV-1a (32 bit) of a document text, hex: identifies the text a result was computed from. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(16)}`;
}

/** The run record behind the active document's shown result. */
export function activeRun(s: State): RunRecord | undefined {
  for (let i = s.runs.length - 1; i >= 0; i--) if (s.runs[i]!.problemId === s.activeId && s.runs[i]!.result) return s.runs[i];
  return undefined;
}
