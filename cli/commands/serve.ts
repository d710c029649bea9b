/** `entail serve`: the workbench in a browser, served from 127.0.0.1 with a per-launch token. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writePrivateFile } from '../../service/private-files.js';
import { normalizeHost } from '../../service/batch-queue.js';
import type { Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { fileURLToPath } from 'node:url';

const usage = `usage: entail serve [--port N] [--no-open] [--data-dir DIR] [--root DIR]... [--queue-host HOST]...

Serves the Entail workbench (built renderer + engine API) on http://127.0.0.1.
Prints a URL carrying a random token; only requests presenting it are answered.

  --port N         listen on port N (default: a free port)
  --no-open        do not open a browser
  --data-dir DIR   where settings and sessions live (default: ~/.entail)
  --root DIR       a folder batch runs may read (repeatable; default: the working folder)
  --queue-host H   a Redis host the batch panel's queue runs may connect to, besides loopback (repeatable)`;

export interface ServeArgs {
  readonly port: number;
  readonly open: boolean;
  readonly dataDir: string;
  /** Folders the API may read problems from; empty means the working folder. */
  readonly roots: readonly string[];
  /** Redis hosts queue runs may reach besides loopback. */
  readonly queueHosts: readonly string[];
}

export function parseServeArgs(argv: readonly string[], home: string): ServeArgs | string {
  let port = 0;
  let open = true;
  let dataDir = join(home, '.entail');
  const roots: string[] = [];
  const queueHosts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-open') open = false;
    else if (a === '--port' || a === '--data-dir' || a === '--root' || a === '--queue-host') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--port') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) return `--port: '${v}' is not a port number`;
        port = n;
      } else if (a === '--root') roots.push(resolve(v));
      else if (a === '--queue-host') {
        const h = normalizeHost(v);
        if (!h) return `--queue-host: '${v}' is not a host name or address`;
        queueHosts.push(h);
      } else dataDir = resolve(v);
    } else return `unknown option '${a}'`;
  }
  return { port, open, dataDir, roots, queueHosts };
}

export const command: Command = {
  summary: 'serve the workbench UI in a browser (127.0.0.1, token-protected)',
  usage,
  async run(argv, io) {
    const args = parseServeArgs(argv, homedir());
    if (typeof args === 'string') {
      io.err(`entail serve: ${args}\n\n${usage}`);
      return EXIT_USAGE;
    }
    // Loaded lazily: the server pulls in ws and the engine service.
    const { startServer } = await import('../../server/index.js');
    let server;
    try {
      server = await startServer({
        port: args.port,
        staticDir: rendererDist(),
        dataDir: args.dataDir,
        roots: args.roots.length > 0 ? args.roots : [process.cwd()],
        queueHosts: args.queueHosts,
        log: (s) => io.err(s),
      });
    } catch (e) {
      io.err(`entail serve: cannot listen on port ${args.port}: ${(e as Error).message}`);
      return EXIT_INPUT;
    }
    io.out(`Entail workbench: ${server.url}`);
    io.out('(the URL carries this launch’s access token; press Ctrl+C to stop)');
    io.err(`batch runs may read: ${(args.roots.length > 0 ? args.roots : [process.cwd()]).join(', ')}`);
    let launchFile: string | undefined;
    if (args.open) launchFile = await openBrowser(server.url, args.dataDir, io.err);
    await new Promise<void>((res) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        res();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    if (launchFile) await rm(launchFile, { force: true });
    return EXIT_OK;
  },
};

/**
 * The token never goes on another process's command line (any local user can read argv):
 * the browser is pointed at a private launch page (0600, in the data folder) that redirects
 * to the tokened URL, and the page is removed once the browser has had time to read it.
 */
async function openBrowser(url: string, dataDir: string, warn: (s: string) => void): Promise<string | undefined> {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const file = join(dataDir, 'launch', `open-${randomBytes(8).toString('hex')}.html`);
  try {
    await writePrivateFile(file, launchPage(url));
  } catch (e) {
    warn(`could not write the launch page (${(e as Error).message}); open the URL above yourself`);
    return undefined;
  }
  setTimeout(() => void rm(file, { force: true }), LAUNCH_PAGE_MS).unref();
  try {
    const child = spawn(cmd, [pathToFileURL(file).href], { stdio: 'ignore', detached: true });
    child.on('error', () => warn(`could not start ${cmd}; open the URL above yourself`));
    child.unref();
  } catch {
    warn(`could not start ${cmd}; open the URL above yourself`);
  }
  return file;
}

const LAUNCH_PAGE_MS = 60_000;

/** A page that only forwards to `url` (an http://127.0.0.1 URL this process printed; attribute-escaped all the same). */
export function launchPage(url: string): string {
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${attr}"><title>Entail</title><p>Opening <a href="${attr}">the Entail workbench</a>…</p>\n`;
}

/** The built renderer: renderer/dist at the package root, found from this file in sources and in dist/. */
function rendererDist(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    const c = join(dir, 'renderer', 'dist');
    if (existsSync(join(c, 'index.html'))) return c;
    const up = resolve(dir, '..');
    if (up === dir) return join(process.cwd(), 'renderer', 'dist');
    dir = up;
  }
}
