/**
 * The session store: session files in one folder, written so that no save can
 * lose work.
 *
 * - Every write is atomic: a temporary file in the same folder, fsync, rename over
 *   the target, fsync of the folder. A crash or kill -9 leaves the old file or the
 *   new one, never a torn one.
 * - A session has an identity (`id`) and a revision (`rev`). A save onto a file
 *   holding another session, or a newer revision of the same one (written by
 *   another window), is a clash: nothing is written unless the caller chose
 *   'overwrite' or 'newName'.
 * - The file is named after the session; renaming the session renames the file
 *   (the new file is written first, then the old one removed).
 * - Files of older schema versions are migrated when read; a file that cannot be
 *   read is listed with the reason and refused on open, never dropped.
 *
 * Saves are serialised per store: a rename and an autosave never interleave.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { MAX_TEXT, SESSION_VERSION, anySessionSchema, okResult } from '../api/contract.js';
import type { ApiResult, Session, SessionEntry, SessionSaveOutcome } from '../api/contract.js';

export const SESSION_SUFFIX = '.entail.json';
/** A session file larger than this is refused (the documents themselves are bounded by MAX_TEXT each). */
export const MAX_SESSION_BYTES = 8 * MAX_TEXT;
/** sessionList answers at most this many files, newest first. */
export const MAX_LISTED = 100;

export interface SessionStoreOptions {
  /** The sessions folder (created on first save). */
  readonly dir: string;
  /** Folders a caller-given path may point into (the sessions folder is always allowed). */
  readonly roots?: readonly string[];
  /** Clock for `savedAt` (tests). */
  readonly now?: () => Date;
}

export interface SaveRequest {
  readonly session: unknown;
  readonly path?: string;
  readonly previousPath?: string;
  readonly onClash?: 'report' | 'newName' | 'overwrite';
}

export interface SessionStore {
  save(req: SaveRequest): Promise<ApiResult<SessionSaveOutcome>>;
  open(path: string): Promise<ApiResult<Session>>;
  list(): Promise<ApiResult<SessionEntry[]>>;
}

export type Migrated =
  { readonly ok: true; readonly session: Session; readonly from: number } | { readonly ok: false; readonly reason: string };

/**
 * Any known session version → the current one. `idSeed` names the file the
 * session came from: a version-1 session has no id, so it gets one derived from
 * its file name, the same every time that file is read.
 */
export function migrateSession(json: unknown, idSeed: string): Migrated {
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > SESSION_VERSION)
    return { ok: false, reason: `written by a newer Entail (session version ${version}; this one reads up to ${SESSION_VERSION})` };
  const r = anySessionSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, reason: `not a valid session${i ? ` (${i.path.join('.') || 'file'}: ${i.message})` : ''}` };
  }
  const s = r.data;
  if (s.version === SESSION_VERSION) return { ok: true, session: s, from: SESSION_VERSION };
  const id = `v1-${createHash('sha256').update(basename(idSeed)).digest('hex').slice(0, 24)}`;
  const session: Session = {
    version: SESSION_VERSION,
    id,
    rev: 0,
    name: s.name.trim() === '' ? 'untitled session' : s.name,
    savedAt: s.savedAt,
    problems: s.problems.map((p) => ({ ...p })),
    ...(s.activeProblem !== undefined ? { activeProblem: s.activeProblem } : {}),
    ...(s.nl ? { nl: s.nl } : {}),
    runs: s.runs.map((r) => ({ ...r })),
  };
  return { ok: true, session, from: 1 };
}

/** File name for a session name: readable, portable, never empty. */
export function sessionFileName(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'session';
  return slug + SESSION_SUFFIX;
}

export function within(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
}

/** Write `data` to `path` so that a crash leaves either the old content or the new, never a mix. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  // The rename is durable only once the folder's entry is on disk.
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    await dh.close();
  }
}

type ReadResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad'; readonly reason: string }
  | { readonly kind: 'ok'; readonly session: Session; readonly from: number };

async function readSession(path: string): Promise<ReadResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'bad', reason: `cannot read it (${code ?? (e as Error).message})` };
  }
  if (size > MAX_SESSION_BYTES) return { kind: 'bad', reason: `too large (${size} bytes; at most ${MAX_SESSION_BYTES})` };
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    return { kind: 'bad', reason: `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'bad', reason: 'not a session file (not JSON)' };
  }
  const m = migrateSession(json, path);
  return m.ok ? { kind: 'ok', session: m.session, from: m.from } : { kind: 'bad', reason: m.reason };
}

function entryOf(path: string, s: Session): SessionEntry {
  return { name: s.name, path, savedAt: s.savedAt, id: s.id, rev: s.rev, documents: s.problems.length };
}

export function createSessionStore(opts: SessionStoreOptions): SessionStore {
  const dir = resolve(opts.dir);
  const roots = [dir, ...(opts.roots ?? []).map((r) => resolve(r))];
  const now = opts.now ?? (() => new Date());
  // One save at a time: each waits for the previous one (whatever its outcome).
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(f: () => Promise<T>): Promise<T> {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  }

  /** A free file in the sessions folder for `name` (or one already holding session `id`): "name", "name 2", … */
  async function freeName(name: string, id: string): Promise<{ name: string; path: string }> {
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? name : `${name} ${n}`;
      const path = join(dir, sessionFileName(candidate));
      const existing = await readSession(path);
      if (existing.kind === 'missing' || (existing.kind === 'ok' && existing.session.id === id)) return { name: candidate, path };
    }
    const fallback = `${name} ${randomUUID().slice(0, 8)}`;
    return { name: fallback, path: join(dir, sessionFileName(fallback)) };
  }

  async function save(req: SaveRequest): Promise<ApiResult<SessionSaveOutcome>> {
    const explicit = req.path !== undefined ? resolve(dir, req.path) : undefined;
    let target = explicit ?? join(dir, sessionFileName(nameOf(req.session)));
    if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are saved in the sessions folder'] };
    if (!target.endsWith(SESSION_SUFFIX)) return { kind: 'invalid', issues: [`session files end in ${SESSION_SUFFIX}`] };
    const m = migrateSession(req.session, target);
    if (!m.ok) return { kind: 'invalid', issues: [m.reason] };
    let session = m.session;
    await mkdir(dirname(target), { recursive: true });

    const existing = await readSession(target);
    let baseRev = session.rev;
    if (existing.kind !== 'missing') {
      const other = existing.kind === 'bad' || existing.session.id !== session.id;
      const newer = !other && existing.kind === 'ok' && existing.session.rev > session.rev;
      if (other || newer) {
        const reason = other ? 'other' : 'newer';
        const existingEntry: SessionEntry =
          existing.kind === 'ok'
            ? entryOf(target, existing.session)
            : { name: basename(target, SESSION_SUFFIX), path: target, savedAt: '', problem: existing.reason };
        const choice = req.onClash ?? 'report';
        if (choice === 'report') return okResult({ outcome: 'clash', path: target, reason, existing: existingEntry });
        if (choice === 'newName') {
          // Another window's newer copy stays as it is; this one becomes a session of its own.
          if (newer) session = { ...session, id: randomUUID(), rev: 0 };
          const free = await freeName(session.name, session.id);
          session = { ...session, name: free.name };
          target = explicit && !newer && !other ? explicit : free.path;
          baseRev = 0;
        } else if (existing.kind === 'ok') baseRev = Math.max(baseRev, existing.session.rev);
      } else if (existing.kind === 'ok') baseRev = Math.max(baseRev, existing.session.rev);
    }

    const saved: Session = { ...session, rev: baseRev + 1, savedAt: now().toISOString() };
    await writeFileAtomic(target, JSON.stringify(saved));

    // Renamed: the old file goes only after the new one is durable, and only if it still holds this session.
    if (req.previousPath !== undefined) {
      const prev = resolve(dir, req.previousPath);
      if (prev !== target && within(prev, roots) && prev.endsWith(SESSION_SUFFIX)) {
        const old = await readSession(prev);
        if (old.kind === 'ok' && old.session.id === saved.id) await unlink(prev).catch(() => undefined);
      }
    }
    return okResult({ outcome: 'saved', path: target, entry: entryOf(target, saved) });
  }

  return {
    save: (req) => serial(() => save(req)),

    async open(path) {
      const target = resolve(dir, path);
      if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are opened from the sessions folder'] };
      const r = await readSession(target);
      if (r.kind === 'missing') return { kind: 'invalid', issues: [`${basename(target)}: no such session file`] };
      if (r.kind === 'bad') return { kind: 'invalid', issues: [`${basename(target)}: ${r.reason}`] };
      return okResult(r.session);
    },

    async list() {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith(SESSION_SUFFIX) && !n.startsWith('.'));
      } catch {
        return okResult([]);
      }
      const withTimes: { n: string; mtime: number }[] = [];
      for (const n of names) {
        try {
          withTimes.push({ n, mtime: (await stat(join(dir, n))).mtimeMs });
        } catch {
          // removed between readdir and stat (a rename in progress)
        }
      }
      withTimes.sort((a, b) => b.mtime - a.mtime);
      const out: SessionEntry[] = [];
      for (const { n, mtime } of withTimes.slice(0, MAX_LISTED)) {
        const p = join(dir, n);
        const r = await readSession(p);
        if (r.kind === 'ok') out.push(entryOf(p, r.session));
        else if (r.kind === 'bad')
          out.push({ name: n.slice(0, -SESSION_SUFFIX.length), path: p, savedAt: new Date(mtime).toISOString(), problem: r.reason });
      }
      return okResult(out);
    },
  };
}

function nameOf(session: unknown): string {
  const n = typeof session === 'object' && session !== null ? (session as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n.trim() !== '' ? n : 'untitled session';
}
