/**
 * What the desktop window may do, as pure decisions (tested in plain Node; main.ts
 * only wires them to Electron's events). The window shows our own `app://entail/`
 * pages and nothing else: navigation and redirects elsewhere are refused, no new
 * window opens inside the app, every permission (camera, notifications, clipboard
 * read, HID, …) is denied, and only https links to the hosts below leave for the
 * system browser — never `file:`, custom schemes or http, which an attacker's
 * proof text could otherwise turn into a launcher.
 */
export const APP_ORIGIN = 'app://entail';

/** Documentation hosts the workbench links to; anything else stays closed. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'tptp.org',
  'www.tptp.org',
  'github.com',
  'leanprover-community.github.io',
  'lean-lang.org',
  'www.cs.miami.edu',
  'eprover.org',
  'www.eprover.org',
];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A page of the app itself: the window may load it. */
export function isAppPage(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === 'app:' && u.host === 'entail' && u.username === '' && u.password === '';
}

/** Whether a link may be handed to the system browser. */
export function externalAllowed(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  return EXTERNAL_HOSTS.includes(u.hostname.toLowerCase());
}

export type WindowOpenDecision = { readonly action: 'deny'; readonly openExternally: boolean };

/** A request to open a window: never inside the app; allowed documentation links go to the system browser. */
export function windowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalAllowed(url) };
}

/** No web permission is granted to the workbench's pages: it needs none. */
export function permissionGranted(_permission: string, _requestingUrl: string): false {
  return false;
}

/** Largest file the File menu opens into an editor (the API's own text limit is larger; this keeps the window responsive). */
export const MAX_OPEN_BYTES = 8 * 1024 * 1024;
