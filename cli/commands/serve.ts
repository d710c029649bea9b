/** `entail serve`: the workbench in a browser, served from 127.0.0.1 with a per-launch token. */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { fileURLToPath } from 'node:url';

const usage = `usage: entail serve [--port N] [--no-open] [--data-dir DIR]

Serves the Entail workbench (built renderer + engine API) on http://127.0.0.1.
Prints a URL carrying a random token; only requests presenting it are answered.

  --port N         listen on port N (default: a free port)
  --no-open        do not open a browser
  --data-dir DIR   where settings and sessions live (default: ~/.entail)`;

export interface ServeArgs {
  readonly port: number;
  readonly open: boolean;
  readonly dataDir: string;
}

export function parseServeArgs(argv: readonly string[], home: string): ServeArgs | string {
  let port = 0;
  let open = true;
  let dataDir = join(home, '.entail');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-open') open = false;
    else if (a === '--port' || a === '--data-dir') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--port') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) return `--port: '${v}' is not a port number`;
        port = n;
      } else dataDir = resolve(v);
    } else return `unknown option '${a}'`;
  }
  return { port, open, dataDir };
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
        log: (s) => io.err(s),
      });
    } catch (e) {
      io.err(`entail serve: cannot listen on port ${args.port}: ${(e as Error).message}`);
      return EXIT_INPUT;
    }
    io.out(`Entail workbench: ${server.url}`);
    io.out('(the URL carries this launch’s access token; press Ctrl+C to stop)');
    if (args.open) openBrowser(server.url, io.err);
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
    return EXIT_OK;
  },
};

function openBrowser(url: string, warn: (s: string) => void): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => warn(`could not start ${cmd}; open the URL above yourself`));
    child.unref();
  } catch {
    warn(`could not start ${cmd}; open the URL above yourself`);
  }
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
