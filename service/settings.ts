/**
 * Settings: settings.json for preferences (owner-only), secrets.json for the API key,
 * which never leaves the service and is sent only to the origin it was entered for
 * (service/secrets.ts), and executables.json for external prover paths, which only
 * trusted shells write (never the API: service/executables.ts).
 */
import { resolve } from 'node:path';
import type { ProverId, Settings } from '../api/contract.js';
import { DEFAULT_SETTINGS, okResult, settingsSchema } from '../api/contract.js';
import type { AreaHandlers } from './context.js';
import { envExecutables, readExecutables, writeExecutables } from './executables.js';
import { mkdirPrivate, readBoundedText, writePrivateFile } from './private-files.js';
import { keyForEndpoint, nextStoredKey, readStoredKey, writeStoredKey } from './secrets.js';

export interface SettingsStore {
  read(): Promise<Settings>;
  /** The key to send to `baseUrl`: one entered for that very origin, else OPENAI_API_KEY for OPENAI_BASE_URL's. */
  apiKey(baseUrl: string): Promise<string | undefined>;
  /** The OpenAI-compatible endpoint configured in settings or the environment. */
  endpoint(settings: Pick<Settings, 'nlOpenAi'>): { baseUrl: string; model: string } | undefined;
  /** Set an external prover's executable: for trusted shells only (Electron's main process after a file dialog). */
  setExecutable(prover: ProverId, path: string | undefined): Promise<void>;
  readonly handlers: AreaHandlers<'settingsGet' | 'settingsSet'>;
}

const MAX_SETTINGS_BYTES = 1024 * 1024;

export function createSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): SettingsStore {
  const settingsFile = resolve(dataDir, 'settings.json');
  const secretsFile = resolve(dataDir, 'secrets.json');
  const executablesFile = resolve(dataDir, 'executables.json');

  function endpoint(settings: Pick<Settings, 'nlOpenAi'>): { baseUrl: string; model: string } | undefined {
    const baseUrl = settings.nlOpenAi?.baseUrl || env.OPENAI_BASE_URL || '';
    const model = settings.nlOpenAi?.model || env.OPENAI_MODEL || '';
    return baseUrl && model ? { baseUrl, model } : undefined;
  }

  async function apiKey(baseUrl: string): Promise<string | undefined> {
    return keyForEndpoint(baseUrl, await readStoredKey(secretsFile), env);
  }

  async function read(): Promise<Settings> {
    let settings = DEFAULT_SETTINGS;
    const raw = await readBoundedText(settingsFile, MAX_SETTINGS_BYTES);
    if (raw.ok) {
      try {
        const parsed = settingsSchema.safeParse(JSON.parse(raw.text));
        if (parsed.success) settings = parsed.data;
      } catch {
        // not JSON: the defaults
      }
    }
    // Executables only from the trusted store and the environment, never from settings.json (which the API writes).
    const externalPaths = { ...(await readExecutables(executablesFile)), ...envExecutables(env) };
    const { nlApiKey: _drop, ...rest } = settings;
    void _drop;
    const ep = endpoint(rest);
    const keySet = ep ? (await apiKey(ep.baseUrl)) !== undefined : false;
    return { ...rest, externalPaths, nlApiKeySet: keySet };
  }

  return {
    read,
    apiKey,
    endpoint,
    async setExecutable(prover, path) {
      const current = await readExecutables(executablesFile);
      const { [prover]: _old, ...others } = current;
      void _old;
      await writeExecutables(executablesFile, path ? { ...others, [prover]: path } : others);
    },
    handlers: {
      async settingsGet() {
        return okResult(await read());
      },
      async settingsSet({ settings }) {
        await mkdirPrivate(dataDir);
        const { nlApiKey, ...rest } = settings;
        // A key is bound to the origin it was entered for; a new host drops it.
        const stored = await readStoredKey(secretsFile);
        const next = nextStoredKey(stored, nlApiKey, rest.nlOpenAi?.baseUrl, env);
        if (next !== stored) await writeStoredKey(secretsFile, next);
        // externalPaths stays in the file's schema only; read() never uses it.
        await writePrivateFile(settingsFile, JSON.stringify({ ...rest, externalPaths: {} }, null, 2));
        return okResult(await read());
      },
    },
  };
}
