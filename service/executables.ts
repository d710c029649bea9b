/**
 * Where external provers' executables come from: PATH discovery (provers/external),
 * the environment (ENTAIL_EPROVER, ENTAIL_VAMPIRE, ENTAIL_PROVER9, ENTAIL_Z3) and a
 * store only trusted shells write (Electron's main process after a native file
 * dialog). The HTTP/IPC API cannot write it: settings.json's copy is ignored.
 */
import { z } from 'zod';
import type { ProverId } from '../api/contract.js';
import { readBoundedText, writePrivateFile } from './private-files.js';

export const EXECUTABLE_ENV: Partial<Record<ProverId, string>> = {
  eprover: 'ENTAIL_EPROVER',
  vampire: 'ENTAIL_VAMPIRE',
  prover9: 'ENTAIL_PROVER9',
  z3: 'ENTAIL_Z3',
};

const storeSchema = z.record(z.enum(['eprover', 'vampire', 'prover9', 'z3']), z.string().min(1).max(1000));

export function envExecutables(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, name] of Object.entries(EXECUTABLE_ENV)) {
    const v = env[name];
    if (v) out[id] = v;
  }
  return out;
}

export async function readExecutables(file: string): Promise<Record<string, string>> {
  const r = await readBoundedText(file, 64 * 1024);
  if (!r.ok) return {};
  try {
    const parsed = storeSchema.safeParse(JSON.parse(r.text));
    return parsed.success ? (parsed.data as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export async function writeExecutables(file: string, paths: Readonly<Record<string, string>>): Promise<void> {
  await writePrivateFile(file, JSON.stringify(paths, null, 2));
}
