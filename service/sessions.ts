/** Sessions: save, open and list the workbench's session files. */
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { SESSION_VERSION, okResult, sessionSchema } from '../api/contract.js';
import type { SessionEntry } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';

export function sessionHandlers(ctx: ServiceContext): AreaHandlers<'sessionSave' | 'sessionOpen' | 'sessionList'> {
  const sessionsDir = resolve(ctx.opts.dataDir, 'sessions');
  const roots = [sessionsDir, ...(ctx.opts.allowedRoots ?? []).map((r) => resolve(r))];
  return {
    async sessionSave({ session, path }) {
      const target = path ? resolve(path) : join(sessionsDir, `${slug(session.name)}.entail.json`);
      if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are saved in the sessions folder'] };
      const saved = { ...session, version: SESSION_VERSION, savedAt: new Date().toISOString() };
      await mkdir(resolve(target, '..'), { recursive: true });
      // Write-then-rename so an autosave interrupted half-way never leaves a truncated session.
      const tmp = `${target}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(saved), 'utf8');
      await rename(tmp, target);
      return okResult({ name: saved.name, path: target, savedAt: saved.savedAt });
    },

    async sessionOpen({ path }) {
      const target = resolve(sessionsDir, path);
      if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are opened from the sessions folder'] };
      let raw: string;
      try {
        raw = await readFile(target, 'utf8');
      } catch (e) {
        return {
          kind: 'invalid',
          issues: [`cannot read ${basename(target)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`],
        };
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return { kind: 'invalid', issues: [`${basename(target)} is not a session file (not JSON)`] };
      }
      const s = sessionSchema.safeParse(json);
      if (!s.success)
        return { kind: 'invalid', issues: [`${basename(target)} is not a valid session: ${s.error.issues[0]?.message ?? ''}`] };
      return okResult(s.data);
    },

    async sessionList() {
      let names: string[];
      try {
        names = (await readdir(sessionsDir)).filter((n) => n.endsWith('.entail.json'));
      } catch {
        return okResult([]);
      }
      const out: SessionEntry[] = [];
      for (const n of names) {
        const p = join(sessionsDir, n);
        try {
          const st = await stat(p);
          out.push({ name: n.replace(/\.entail\.json$/, ''), path: p, savedAt: st.mtime.toISOString() });
        } catch {
          // deleted between readdir and stat
        }
      }
      out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return okResult(out.slice(0, 50));
    },
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'session'
  );
}

function within(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
}
