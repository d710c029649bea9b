/**
 * What a start of the desktop binary asks for, decided from its argv alone (pure, tested in
 * plain Node). The packaged app is also the command line: `entail-workbench cli prove p.p`
 * runs the CLI in the main process and exits with its status (RunAsNode is fused off, so the
 * binary cannot be used as `node`). Any other start opens the window, with the problem files
 * named on the command line (a file manager's "Open with", a double-click on a `.p`).
 */

/** Extensions the desktop app is registered for (electron-builder.yml fileAssociations lists the same). */
export const PROBLEM_EXTENSIONS: readonly string[] = ['p', 'tptp', 'ax', 'in', 'pl', 'lean', 'ent'];
const SESSION_SUFFIX = '.entail.json';

export type Launch =
  { readonly kind: 'cli'; readonly args: readonly string[] } | { readonly kind: 'app'; readonly files: readonly string[] };

/**
 * `argv` is `process.argv`; `packaged` tells whether argv[1] is the app's own path (a
 * development start, `electron dist/electron/main/main.js …`) or already the first argument.
 */
export function parseLaunch(argv: readonly string[], packaged: boolean): Launch {
  const args = argv.slice(packaged ? 1 : 2);
  if (args[0] === 'cli' || args[0] === '--cli') return { kind: 'cli', args: args.slice(1) };
  return { kind: 'app', files: args.filter(isOpenable) };
}

/** A path the window may open: a problem or session file by its name; never a switch (`--no-sandbox`, `-psn_…`). */
export function isOpenable(arg: string): boolean {
  if (arg.startsWith('-') || arg.length === 0 || arg.length > 4096 || arg.includes('\0')) return false;
  if (arg.endsWith(SESSION_SUFFIX)) return true;
  const dot = arg.lastIndexOf('.');
  const slash = Math.max(arg.lastIndexOf('/'), arg.lastIndexOf('\\'));
  return dot > slash + 1 && PROBLEM_EXTENSIONS.includes(arg.slice(dot + 1).toLowerCase());
}
