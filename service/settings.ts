/**
 * Settings: settings.json for preferences, secrets.json (owner-only) for the API key,
 * which never leaves the service: the UI learns only whether one is set.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Settings } from '../api/contract.js';
import { DEFAULT_SETTINGS, okResult, settingsSchema } from '../api/contract.js';
import type { AreaHandlers } from './context.js';

export interface SettingsStore {
  read(): Promise<Settings>;
  /** The `openai` provider's key: the one set in Settings, else env OPENAI_API_KEY. */
  apiKey(): Promise<string | undefined>;
  readonly handlers: AreaHandlers<'settingsGet' | 'settingsSet'>;
}

export function openAiEndpoint(settings: Settings): { baseUrl: string; model: string } | undefined {
  const baseUrl = settings.nlOpenAi?.baseUrl || process.env.OPENAI_BASE_URL || '';
  const model = settings.nlOpenAi?.model || process.env.OPENAI_MODEL || '';
  return baseUrl && model ? { baseUrl, model } : undefined;
}

export function createSettings(dataDir: string): SettingsStore {
  const settingsFile = resolve(dataDir, 'settings.json');
  const secretsFile = resolve(dataDir, 'secrets.json');

  async function apiKey(): Promise<string | undefined> {
    try {
      const j = JSON.parse(await readFile(secretsFile, 'utf8')) as { nlApiKey?: unknown };
      if (typeof j.nlApiKey === 'string' && j.nlApiKey !== '') return j.nlApiKey;
    } catch {
      // none stored
    }
    return process.env.OPENAI_API_KEY || undefined;
  }

  async function read(): Promise<Settings> {
    let settings = DEFAULT_SETTINGS;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsFile, 'utf8')));
      if (parsed.success) settings = parsed.data;
    } catch {
      // no settings yet
    }
    const { nlApiKey: _drop, ...rest } = settings;
    void _drop;
    return { ...rest, nlApiKeySet: (await apiKey()) !== undefined };
  }

  return {
    read,
    apiKey,
    handlers: {
      async settingsGet() {
        return okResult(await read());
      },
      async settingsSet({ settings }) {
        await mkdir(dataDir, { recursive: true });
        const { nlApiKey, nlApiKeySet: _set, ...rest } = settings;
        void _set;
        if (nlApiKey !== undefined) {
          const tmp = `${secretsFile}.tmp-${process.pid}`;
          await writeFile(tmp, JSON.stringify(nlApiKey === '' ? {} : { nlApiKey }), { encoding: 'utf8', mode: 0o600 });
          await chmod(tmp, 0o600);
          await rename(tmp, secretsFile);
        }
        await writeFile(settingsFile, JSON.stringify(rest, null, 2), 'utf8');
        return okResult(await read());
      },
    },
  };
}
