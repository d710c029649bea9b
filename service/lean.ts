/** Lean: the REPL bridge (check, tactic, info) and FOL → Lean export, which needs no Lean. */
import { okResult, unavailable } from '../api/contract.js';
import type { ApiResult, LeanView } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import type { EngineModules } from './engine.js';

export function leanHandlers(ctx: ServiceContext): AreaHandlers<'lean'> {
  const { load, parser } = ctx;
  let leanService: InstanceType<EngineModules['lean']['LeanService']> | undefined;
  ctx.onDispose(() => void leanService?.close());

  async function lean(): Promise<
    { ok: true; svc: NonNullable<typeof leanService>; mod: EngineModules['lean'] } | { ok: false; reason: string }
  > {
    const l = await load('lean');
    if (!l.ok) return l;
    leanService ??= new l.mod.LeanService(ctx.opts.lean ?? {});
    return { ok: true, svc: leanService, mod: l.mod };
  }

  return {
    async lean(input) {
      const l = await lean();
      if (!l.ok) return unavailable(l.reason);
      const { svc, mod } = l;
      const base = { op: input.op, markers: [], sorries: [] } as const;
      if (input.op === 'export') {
        // FOL → Lean is pure translation: no Lean needed.
        const syn = await load('syntax');
        if (!syn.ok) return unavailable(syn.reason);
        const parsed = await parser.parse({ text: input.text, dialect: input.dialect, name: input.name ?? 'problem', withProblem: true });
        if (!parsed.ok) return unavailable(parsed.reason);
        if (!parsed.problem) return { kind: 'invalid', issues: [parsed.error ?? 'the problem did not parse'] };
        const t = svc.exportProblem(parsed.problem);
        return okResult<LeanView>({
          ...base,
          status: 'ok',
          detail: `theorem ${t.theoremName} (${t.symbols.length} symbols)`,
          code: t.code,
          theoremName: t.theoremName,
        });
      }
      const info = await svc.info();
      if (info.kind === 'notInstalled') return okResult<LeanView>({ ...base, status: 'notInstalled', detail: info.reason });
      const found = `Lean REPL: ${[info.command, ...info.args].join(' ')}${info.leanVersion ? ` (${info.leanVersion})` : ''}`;
      if (input.op === 'info') return okResult<LeanView>({ ...base, status: 'ok', detail: found });
      const fail = (o: Parameters<typeof mod.describeFailure>[0]): ApiResult<LeanView> =>
        okResult<LeanView>({
          ...base,
          status: o.kind,
          detail: mod.describeFailure(o),
          markers: o.kind === 'leanError' ? mod.toMonacoMarkers(o.messages, input.op === 'check' ? input.code : undefined) : [],
        });
      if (input.op === 'check') {
        const r = await svc.check(input.code, { timeoutMs: 60_000 });
        if (r.kind !== 'ok') return fail(r);
        const v = r.value;
        return okResult<LeanView>({
          ...base,
          status: 'ok',
          detail: `${v.errors} error(s), ${v.warnings} warning(s), ${v.sorries.length} sorry(ies)`,
          markers: mod.toMonacoMarkers(v.messages, input.code),
          sorries: v.sorries.map((x) => ({ ...(x.pos ? { line: x.pos.line } : {}), goal: x.goal, proofState: x.proofState })),
          errors: v.errors,
          warnings: v.warnings,
        });
      }
      const r = await svc.tactic(input.proofState, input.tactic, { timeoutMs: 60_000 });
      if (r.kind !== 'ok') return fail(r);
      const v = r.value;
      return okResult<LeanView>({
        ...base,
        status: 'ok',
        detail: v.solved ? 'no goals left' : `${v.goals.length} goal(s)${v.proofStatus ? ` — ${v.proofStatus}` : ''}`,
        markers: mod.toMonacoMarkers(v.messages),
        goals: v.goals,
        proofState: v.proofState,
        solved: v.solved,
      });
    },
  };
}
