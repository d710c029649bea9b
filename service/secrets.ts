/**
 * The `openai` provider's API key, bound to the origin it was entered for. A key is
 * sent only to that origin: pointing the base URL at a new host (by anyone,
 * including a page that somehow reached the API) drops the stored key, and the
 * user must enter it again for the new host. The environment's OPENAI_API_KEY is
 * bound the same way to OPENAI_BASE_URL (or api.openai.com when that is unset).
 */
import { readBoundedText, writePrivateFile } from './private-files.js';

export interface StoredKey {
  readonly nlApiKey: string;
  /** `scheme://host:port` the key was entered for. */
  readonly origin: string;
}

const DEFAULT_OPENAI_BASE = 'https://api.openai.com/v1';

/** `scheme://host[:port]` of an http(s) URL, or undefined for anything else. */
export function endpointOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The key to send to `baseUrl`, or undefined: never a key bound to another origin. */
export function keyForEndpoint(baseUrl: string, stored: StoredKey | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const origin = endpointOrigin(baseUrl);
  if (!origin) return undefined;
  if (stored && stored.origin === origin) return stored.nlApiKey;
  const envKey = env.OPENAI_API_KEY;
  if (envKey && endpointOrigin(env.OPENAI_BASE_URL || DEFAULT_OPENAI_BASE) === origin) return envKey;
  return undefined;
}

/**
 * What to store after a settings change: a new key binds to the new base URL's origin;
 * '' clears; no key given keeps the old one only while the origin is unchanged.
 */
export function nextStoredKey(
  stored: StoredKey | undefined,
  newKey: string | undefined,
  newBaseUrl: string | undefined,
  env: NodeJS.ProcessEnv,
): StoredKey | undefined {
  const origin = endpointOrigin(newBaseUrl || env.OPENAI_BASE_URL || DEFAULT_OPENAI_BASE);
  if (newKey !== undefined) return newKey !== '' && origin ? { nlApiKey: newKey, origin } : undefined;
  return stored && stored.origin === origin ? stored : undefined;
}

export async function readStoredKey(file: string): Promise<StoredKey | undefined> {
  const r = await readBoundedText(file, 64 * 1024);
  if (!r.ok) return undefined;
  try {
    const j = JSON.parse(r.text) as { nlApiKey?: unknown; origin?: unknown };
    // A key stored without an origin is bound to nothing: it is never sent.
    if (typeof j.nlApiKey === 'string' && j.nlApiKey !== '' && typeof j.origin === 'string')
      return { nlApiKey: j.nlApiKey, origin: j.origin };
  } catch {
    // unreadable: as if none
  }
  return undefined;
}

export async function writeStoredKey(file: string, key: StoredKey | undefined): Promise<void> {
  await writePrivateFile(file, JSON.stringify(key ?? {}));
}
