/**
 * Side effects: call the API, dispatch what came back. Components call these;
 * nothing here touches the DOM (it runs headless in tests; downloads live in download.ts).
 */
import { describeFailure } from '../../../api/contract.js';
import type { BatchReportFormat, BatchRow, EntailApi, GraphData, Language, LeanHandle } from '../../../api/contract.js';
import { activeProblem, splitLines, toSession, toSessionKey } from './store.js';

const AUTOSAVE_IDLE_MS = 300;
const AUTOSAVE_MAX_MS = 800;
import type { WorkbenchStore } from './store.js';

export interface Effects {
  parse(): Promise<void>;
  prove(): Promise<void>;
  cancel(): Promise<void>;
  refreshProvers(): Promise<void>;
  refreshRecent(): Promise<void>;
  /** 'explicit' (Save): a clash is reported. 'auto' (continuous autosave): a clash keeps both. */
  saveSession(mode?: 'explicit' | 'auto'): Promise<void>;
  /** Reopen the most recently saved session (start-up, reload, after a server restart). */
  restoreLast(): Promise<void>;
  /** Write any pending change now (page hide). */
  flush(): void;
  /** True while a change is not yet on disk. */
  unsaved(): boolean;
  openSession(path: string, quiet?: boolean): Promise<void>;
  judgeNl(edited?: { index: number; formulas: string[] }[]): Promise<void>;
  cancelNl(): Promise<void>;
  exportHtml(graph: GraphData): Promise<string | undefined>;
  saveSettings(): Promise<string>;
  runBatch(): Promise<void>;
  cancelBatch(): Promise<void>;
  /** The engine machine's cores and opened folders, for the jobs setting and the folder picker. */
  loadBatchInfo(): Promise<void>;
  /** The last finished batch's report as a file to offer for download (the caller downloads: no DOM here). */
  batchReport(format: BatchReportFormat): Promise<{ name: string; type: string; text: string } | undefined>;
  /** Open a batch row's problem file as a new document. */
  openBatchRow(row: BatchRow, withProof?: boolean): Promise<void>;
  /** List the workers of the batch panel's queue (their heartbeats). */
  loadBatchWorkers(): Promise<void>;
  runExplore(): Promise<void>;
  cancelExplore(): Promise<void>;
  /** Every theorem of the last exploration in one HTML file. */
  exploreHtml(): Promise<string | undefined>;
  leanInfo(): Promise<void>;
  leanCheck(): Promise<void>;
  leanTactic(proofState: LeanHandle, tactic: string): Promise<void>;
  /** The current problem as a Lean theorem (no Lean needed). */
  leanExport(): Promise<void>;
  openText(name: string, text: string): void;
  /**
   * Save the OpenAI-compatible endpoint (base URL, model, optional new key) from the NL panel's form. The caller has
   * already had the user confirm a change of origin (the key is bound to the origin it was entered for).
   */
  saveEndpoint(form: { baseUrl: string; model: string; apiKey: string }): Promise<string>;
  /** One short judgement through the saved live endpoint: reachable, key accepted, model answering. */
  testEndpoint(): Promise<{ ok: boolean; text: string }>;
  dispose(): void;
}

const PROBLEM_LANGS: Record<string, Language> = {
  p: 'tptp',
  ax: 'tptp',
  tptp: 'tptp',
  in: 'ladr',
  ladr: 'ladr',
  pl: 'prolog',
  lean: 'lean',
  ent: 'entail',
  nltk: 'nltk',
  folio: 'folio',
};

/**
 * A Prolog buffer's query is its last `?- goal.` line (the usual notation in
 * Prolog files); the program is everything else.
 */
export function splitPrologQuery(text: string): { program: string; query: string } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*\?-\s*(.+?)\s*\.?\s*$/.exec(lines[i]!);
    if (m && m[1]) return { program: lines.filter((_, j) => j !== i).join('\n'), query: m[1] };
  }
  return undefined;
}

/** A file that is mostly control bytes is not a problem file; say so instead of loading garbage into Monaco. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return n > 0 && bad / n > 0.05;
}

export function createEffects(api: EntailApi, store: WorkbenchStore): Effects {
  const { dispatch, getState } = store;
  const unsubscribe = api.onEvent((e) => {
    if (e.type === 'progress') dispatch({ type: 'run/progress', jobId: e.jobId, elapsedMs: e.elapsedMs, message: e.message });
    else if (e.type === 'exploreProgress') dispatch({ type: 'explore/progress', jobId: e.jobId, progress: e.progress });
    else if (e.type === 'finished') {
      if (e.jobId === getState().batch.jobId) dispatch({ type: 'batch/finished', jobId: e.jobId, state: e.state });
      else if (e.jobId === getState().explore.jobId) dispatch({ type: 'explore/finished', jobId: e.jobId, state: e.state });
      else dispatch({ type: 'run/finished', jobId: e.jobId, state: e.state });
    } else if (e.type === 'batchRow') dispatch({ type: 'batch/row', jobId: e.jobId, row: e.row, done: e.done, total: e.total });
    else if (e.type === 'menu') {
      if (e.command === 'new') dispatch({ type: 'problem/new', language: activeProblem(getState()).language });
      else if (e.command === 'save') void effects.saveSession();
      else if (e.command === 'prove') void effects.prove();
      else if (e.command === 'cancel') void effects.cancel();
      else if (e.command === 'flush') effects.flush();
      else if (e.command === 'openText') effects.openText(e.name, e.text);
      else if (e.command === 'openSession') void effects.openSession(e.path);
    } else if (e.type === 'connection') {
      if (e.state === 'reconnecting' && getState().connection === 'disconnected') return;
      dispatch({ type: 'connection', state: e.state === 'reconnecting' ? 'disconnected' : e.state });
      if (e.state === 'connected') void pollRunningJob();
    }
  });

  // After a reconnect the 'finished' event may have been missed: ask for the job.
  async function pollRunningJob(): Promise<void> {
    const { run } = getState();
    if (!run.jobId || run.phase !== 'running') return;
    const r = await api.job({ jobId: run.jobId });
    if (r.kind === 'ok' && r.value.state !== 'running') dispatch({ type: 'run/finished', jobId: run.jobId, state: r.value });
    else if (r.kind !== 'ok')
      dispatch({ type: 'run/finished', jobId: run.jobId, state: { state: 'failed', failure: 'the server restarted; the run was lost' } });
  }

  let nlSeq = 0;
  // Continuous autosave: AUTOSAVE_IDLE_MS after the last change, and at least every AUTOSAVE_MAX_MS while typing,
  // so a crash loses at most about a second of work.
  let saving = false;
  let pending = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChange: number | undefined;
  const fire = (): void => {
    idleTimer = undefined;
    firstChange = undefined;
    const s = getState();
    if (s.settings.autosave && s.session.dirty && s.connection === 'connected') void effects.saveSession('auto');
  };
  const unwatch = store.subscribe((s, prev) => {
    if (
      !s.session.dirty ||
      (s.problems === prev.problems && s.runs === prev.runs && s.nl === prev.nl && s.session === prev.session && s.tab === prev.tab)
    )
      return;
    const now = Date.now();
    firstChange ??= now;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(fire, Math.max(0, Math.min(AUTOSAVE_IDLE_MS, firstChange + AUTOSAVE_MAX_MS - now)));
  });

  const effects: Effects = {
    async parse() {
      const p = activeProblem(getState());
      const text = p.text;
      const r = await api.parse({ text, language: p.language });
      if (r.kind === 'ok') dispatch({ type: 'parse/done', forText: text, outcome: r.value });
      else dispatch({ type: 'parse/failed', forText: text, failure: describeFailure(r) });
    },
    async prove() {
      const s = getState();
      if (s.run.phase === 'running' || s.run.phase === 'starting') return;
      const p = activeProblem(s);
      if (p.language === 'lean') {
        dispatch({ type: 'lean/edit', code: p.text });
        dispatch({ type: 'tab', tab: 'lean' });
        await effects.leanCheck();
        return;
      }
      if (p.language === 'prolog') {
        const q = splitPrologQuery(p.text);
        if (!q) {
          dispatch({ type: 'run/rejected', message: 'add a query line such as `?- ancestor(X, bob).` to run this Prolog buffer' });
          return;
        }
        dispatch({ type: 'run/starting', problemId: p.id });
        const r = await api.prolog({ program: q.program, query: q.query, maxSteps: 1_000_000 });
        if (r.kind === 'ok') dispatch({ type: 'run/result', result: r.value });
        else dispatch({ type: 'run/rejected', message: `cannot run: ${describeFailure(r)}` });
        return;
      }
      dispatch({ type: 'run/starting', problemId: p.id });
      const r = await api.prove({ text: p.text, dialect: p.language, prover: s.prover, limits: s.settings.limits, name: p.title });
      if (r.kind === 'ok') dispatch({ type: 'run/started', jobId: r.value.jobId });
      else dispatch({ type: 'run/rejected', message: `cannot prove: ${describeFailure(r)}` });
    },
    async cancel() {
      const { run } = getState();
      if (!run.jobId) return;
      const r = await api.cancel({ jobId: run.jobId });
      if (r.kind !== 'ok') dispatch({ type: 'notice', level: 'error', text: `cancel failed: ${describeFailure(r)}` });
    },
    async refreshProvers() {
      const [p, st, nl] = await Promise.all([api.provers({}), api.settingsGet({}), api.nlProviders({})]);
      if (p.kind === 'ok') dispatch({ type: 'provers/loaded', provers: p.value });
      if (st.kind === 'ok') dispatch({ type: 'settings/loaded', settings: st.value });
      if (nl.kind === 'ok') dispatch({ type: 'nl/providers', providers: nl.value });
      else
        dispatch({
          type: 'nl/providers',
          providers: [{ id: getState().settings.nlProvider, available: false, detail: describeFailure(nl) }],
        });
    },
    async refreshRecent() {
      const r = await api.sessionList({});
      if (r.kind === 'ok') dispatch({ type: 'session/recent', recent: r.value });
    },
    async saveSession(mode = 'explicit') {
      // One save in flight at a time: each carries the revision the previous one returned.
      if (saving) {
        pending = true;
        return;
      }
      saving = true;
      try {
        const s = getState();
        const key = toSessionKey(s);
        const r = await api.sessionSave({
          session: toSession(s),
          ...(s.session.path ? { previousPath: s.session.path } : {}),
          // An autosave never asks: on a clash it keeps both (a free name, or a fork of a session changed elsewhere).
          onClash: mode === 'auto' ? 'newName' : 'report',
        });
        if (r.kind !== 'ok') {
          dispatch({ type: 'notice', level: 'error', text: `save failed: ${describeFailure(r)}` });
          return;
        }
        const out = r.value;
        if (out.outcome === 'clash') {
          dispatch({
            type: 'notice',
            level: 'warn',
            text:
              out.reason === 'other'
                ? `Not saved: “${out.existing.name}” is another session (${out.existing.documents ?? '?'} documents). Rename this session; autosave keeps it under a free name.`
                : `Not saved: this session was changed in another window. Autosave keeps your edits as a separate session.`,
          });
          return;
        }
        const forked = out.entry.id !== s.session.id || out.entry.name !== s.session.name;
        dispatch({ type: 'session/saved', entry: out.entry, path: out.path, key });
        if (forked && mode === 'auto')
          dispatch({
            type: 'notice',
            level: 'info',
            text: `Saved as “${out.entry.name}” (the name was taken or the session changed elsewhere).`,
          });
        if (mode === 'explicit' || s.session.path !== out.path) await effects.refreshRecent();
      } finally {
        saving = false;
        if (pending) {
          pending = false;
          void effects.saveSession('auto');
        }
      }
    },
    async restoreLast() {
      const r = await api.sessionList({});
      if (r.kind !== 'ok') return;
      dispatch({ type: 'session/recent', recent: r.value });
      const last = r.value.find((e) => e.problem === undefined);
      // Only into an untouched fresh workbench: never replace what the user already typed.
      if (last && !getState().session.dirty && !getState().session.path) await effects.openSession(last.path, true);
    },
    async openSession(path, quiet) {
      const r = await api.sessionOpen({ path });
      if (r.kind === 'ok') {
        dispatch({ type: 'session/opened', session: r.value, path });
        if (!quiet) dispatch({ type: 'notice', level: 'info', text: `Opened session “${r.value.name}”.` });
      } else dispatch({ type: 'notice', level: 'error', text: `cannot open session: ${describeFailure(r)}` });
    },
    async judgeNl(edited) {
      const s = getState();
      const premises = splitLines(s.nl.premises);
      if (premises.length === 0 || s.nl.conclusion.trim() === '') {
        dispatch({ type: 'nl/failed', failure: 'write at least one premise and a conclusion' });
        return;
      }
      const requestId = `job-nl-${Date.now().toString(36)}-${++nlSeq}`;
      const provider = s.settings.nlProvider;
      // Only replay reads a recorded problem: cnl and live LLMs always translate the sentences typed here.
      const problemId = provider === 'replay' ? s.nl.problemId.trim() : '';
      const conclusion = s.nl.conclusion.trim();
      dispatch({ type: 'nl/judging', requestId, inputs: { provider, problemId, premises, conclusion } });
      const r = await api.nlJudge({
        premises,
        conclusion,
        provider,
        k: s.settings.nlSamples,
        requestId,
        ...(problemId ? { problemId } : {}),
        ...(edited ? { edited } : {}),
      });
      if (getState().nl.requestId !== requestId) return; // cancelled meanwhile
      if (r.kind === 'ok') dispatch({ type: 'nl/judged', outcome: r.value });
      else dispatch({ type: 'nl/failed', failure: describeFailure(r) });
    },
    async cancelNl() {
      const id = getState().nl.requestId;
      if (!id) return;
      dispatch({ type: 'nl/failed', failure: 'cancelled' });
      await api.cancel({ jobId: id });
    },
    async exportHtml(graph) {
      const r = await api.exportHtml({ graph });
      if (r.kind === 'ok') return r.value.html;
      dispatch({ type: 'notice', level: 'error', text: `HTML export: ${describeFailure(r)}` });
      return undefined;
    },
    async runBatch() {
      const s = getState();
      if (s.batch.phase === 'running') return;
      const paths = splitLines(s.batch.paths);
      if (paths.length === 0) {
        dispatch({ type: 'batch/rejected', message: 'list at least one problem file or folder (paths on the machine running the engine)' });
        return;
      }
      const r = await api.batch({
        paths,
        prover: s.prover === 'tau-prolog' ? 'embedded' : s.prover,
        timeoutMs: s.settings.limits.timeoutMs,
        jobs: s.batch.jobs,
        ...(s.batch.target === 'queue' ? { queue: { url: s.batch.queueUrl.trim(), name: s.batch.queueName.trim() } } : {}),
      });
      if (r.kind === 'ok') dispatch({ type: 'batch/started', jobId: r.value.jobId });
      else dispatch({ type: 'batch/rejected', message: describeFailure(r) });
    },
    async cancelBatch() {
      const { batch } = getState();
      if (batch.jobId && batch.phase === 'running') await api.cancel({ jobId: batch.jobId });
    },
    async loadBatchInfo() {
      const r = await api.batchInfo({});
      if (r.kind === 'ok') dispatch({ type: 'batch/info', info: r.value });
    },
    async batchReport(format) {
      const { batch } = getState();
      if (!batch.jobId || batch.phase !== 'done') return undefined;
      const r = await api.batchReport({ jobId: batch.jobId, format });
      if (r.kind === 'ok') return { ...r.value };
      dispatch({ type: 'notice', level: 'error', text: `Batch report: ${describeFailure(r)}` });
      return undefined;
    },
    async openBatchRow(row, withProof = false) {
      const r = await api.batchOpen({ path: row.path });
      if (r.kind !== 'ok') {
        dispatch({ type: 'notice', level: 'error', text: `Open ${row.name}: ${describeFailure(r)}` });
        return;
      }
      effects.openText(r.value.name, r.value.text);
      if (!withProof) return;
      // The batch keeps answers, not proofs: the opened problem is proved again with the panel's prover and limits,
      // and the proof graph (or the model, in the result view) is shown.
      dispatch({ type: 'tab', tab: row.status === 'Theorem' || row.status === 'Unsatisfiable' ? 'graph' : 'result' });
      await effects.prove();
    },
    async loadBatchWorkers() {
      const { batch } = getState();
      if (batch.target !== 'queue' || !batch.queueUrl.trim()) return;
      const r = await api.batchWorkers({ queue: { url: batch.queueUrl.trim(), name: batch.queueName.trim() } });
      if (r.kind === 'ok') dispatch({ type: 'batch/workers', workers: r.value });
      else dispatch({ type: 'batch/workersFailed', message: describeFailure(r) });
    },
    async saveSettings() {
      const { nlApiKey, ...rest } = getState().settings;
      // An empty key field means "leave the stored key alone".
      const r = await api.settingsSet({ settings: nlApiKey ? { ...rest, nlApiKey } : rest });
      if (r.kind !== 'ok') return describeFailure(r);
      // The answer has no API key (only whether one is set): the typed key leaves the renderer's state here.
      dispatch({ type: 'settings/loaded', settings: r.value });
      const nl = await api.nlProviders({});
      if (nl.kind === 'ok') dispatch({ type: 'nl/providers', providers: nl.value });
      return 'saved';
    },
    async runExplore() {
      const s = getState();
      if (s.explore.phase === 'running') return;
      const x = s.explore;
      const only = x.only
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f.length > 0);
      const r = await api.explore({
        source:
          x.source === 'corpus'
            ? { kind: 'corpus', name: 'peano' }
            : { kind: 'text', axioms: activeProblem(s).text, declarations: x.declarations },
        ...(only.length > 0 ? { only } : {}),
        maxTermSize: x.maxTermSize,
        timeoutMs: Math.round(x.timeoutS * 1000),
      });
      if (r.kind === 'ok') dispatch({ type: 'explore/started', jobId: r.value.jobId });
      else dispatch({ type: 'explore/rejected', message: describeFailure(r) });
    },
    async cancelExplore() {
      const { explore } = getState();
      if (explore.jobId && explore.phase === 'running') await api.cancel({ jobId: explore.jobId });
    },
    async exploreHtml() {
      const res = getState().explore.result;
      if (!res || res.graphs.length === 0) return undefined;
      const r = await api.exportHtml({
        graph: res.graphs[0]!,
        more: res.graphs.slice(1),
        title: `Entail explorer: ${res.theory} (${res.stats.proved} theorems)`,
      });
      if (r.kind === 'ok') return r.value.html;
      dispatch({ type: 'notice', level: 'error', text: `HTML export: ${describeFailure(r)}` });
      return undefined;
    },
    async leanInfo() {
      const r = await api.lean({ op: 'info' });
      if (r.kind === 'ok') dispatch({ type: 'lean/answer', view: r.value });
      else dispatch({ type: 'lean/failed', failure: describeFailure(r) });
    },
    async leanCheck() {
      dispatch({ type: 'lean/busy' });
      const r = await api.lean({ op: 'check', code: getState().lean.code });
      if (r.kind === 'ok') dispatch({ type: 'lean/answer', view: r.value });
      else dispatch({ type: 'lean/failed', failure: describeFailure(r) });
    },
    async leanTactic(proofState, tactic) {
      dispatch({ type: 'lean/busy' });
      const r = await api.lean({ op: 'tactic', proofState, tactic });
      if (r.kind === 'ok') dispatch({ type: 'lean/answer', view: r.value });
      else dispatch({ type: 'lean/failed', failure: describeFailure(r) });
    },
    async leanExport() {
      const p = activeProblem(getState());
      if (p.language === 'prolog' || p.language === 'lean') {
        dispatch({ type: 'lean/failed', failure: 'Lean export translates a first-order problem: open a TPTP / LADR / Entail buffer' });
        return;
      }
      dispatch({ type: 'lean/busy' });
      const r = await api.lean({ op: 'export', text: p.text, dialect: p.language, name: p.title });
      if (r.kind === 'ok' && r.value.code !== undefined) dispatch({ type: 'lean/exported', code: r.value.code });
      else dispatch({ type: 'lean/failed', failure: r.kind === 'ok' ? r.value.detail : describeFailure(r) });
    },
    async saveEndpoint(form) {
      const { nlApiKey: _typed, ...rest } = getState().settings;
      void _typed;
      const nlOpenAi = { baseUrl: form.baseUrl.trim(), model: form.model.trim() };
      const r = await api.settingsSet({ settings: { ...rest, nlOpenAi, ...(form.apiKey ? { nlApiKey: form.apiKey } : {}) } });
      if (r.kind !== 'ok') return describeFailure(r);
      dispatch({ type: 'settings/loaded', settings: r.value });
      const nl = await api.nlProviders({});
      if (nl.kind === 'ok') dispatch({ type: 'nl/providers', providers: nl.value });
      return r.value.nlApiKeySet ? 'saved (key set for this endpoint)' : 'saved (no key for this endpoint)';
    },
    async testEndpoint() {
      const t0 = Date.now();
      const r = await api.nlJudge({
        premises: ['Rex is a dog.'],
        conclusion: 'Rex is a dog.',
        provider: 'openai',
        k: 1,
        requestId: `job-nl-test-${Date.now().toString(36)}-${++nlSeq}`,
      });
      const ms = Date.now() - t0;
      if (r.kind !== 'ok') return { ok: false, text: `failed after ${ms} ms: ${describeFailure(r)}` };
      const s = r.value.samples[0];
      if (!s || s.verdict === 'Error') return { ok: false, text: `the endpoint answered in ${ms} ms but: ${s?.message ?? 'no sample'}` };
      return { ok: true, text: `connected: the model answered in ${ms} ms (test sentence judged ${s.verdict})` };
    },
    openText(name, text) {
      if (looksBinary(text)) {
        dispatch({ type: 'notice', level: 'error', text: `${name} looks like a binary file, not a problem; nothing was opened.` });
        return;
      }
      const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
      dispatch({ type: 'problem/new', language: PROBLEM_LANGS[ext] ?? 'tptp', text, title: name });
    },
    flush() {
      if (idleTimer) {
        clearTimeout(idleTimer);
        fire();
      }
    },
    unsaved() {
      return saving || idleTimer !== undefined || getState().session.dirty;
    },
    dispose() {
      unsubscribe();
      unwatch();
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = undefined;
    },
  };
  return effects;
}
