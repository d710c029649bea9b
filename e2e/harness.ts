/**
 * e2e harness: the real server (in-process, ephemeral port, temporary data
 * folder) serving the built renderer, and a headless Chromium driven by
 * playwright-core. Page objects are keyed on data-testid only.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../server/index.js';
import type { RunningServer } from '../server/index.js';
import { PROJECT_ROOT } from '../testing/corpora.js';

export const CHROMIUM = process.env.ENTAIL_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIST = join(PROJECT_ROOT, 'renderer', 'dist');
export const RESULTS = join(PROJECT_ROOT, 'test-results');

/** Why the e2e suite cannot run here, or undefined when it can. */
export function skipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set ENTAIL_CHROMIUM)`;
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) return 'renderer not built (npm run build:renderer)';
  return undefined;
}

/** A drawn graph node as the Cytoscape panel's test probe reports it (`window.__entailGraph.boxes()`), page pixels. */
export interface DrawnBox {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly fontPx: number;
}

export interface Harness {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  restartServer(): Promise<void>;
  stopServer(): Promise<void>;
  close(): Promise<void>;
}

export async function launch(): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'entail-e2e-'));
  await mkdir(RESULTS, { recursive: true });
  // The data folder is the one folder the user opened: batch paths outside it are refused (docs/security.md).
  let server: RunningServer | undefined = await startServer({ port: 0, staticDir: RENDERER_DIST, dataDir, roots: [dataDir] });
  const port = server.port;
  const token = server.token;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const h: Harness = {
    get server() {
      return server!;
    },
    browser,
    dataDir,
    async stopServer() {
      await server?.close();
      server = undefined;
    },
    async restartServer() {
      // Same port and token: what a user gets when the server is restarted by a supervisor.
      server = await startServer({ port, token, staticDir: RENDERER_DIST, dataDir, roots: [dataDir] });
    },
    async close() {
      await browser.close();
      await server?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  } as Harness;
  return h;
}

/** Page object for the workbench. */
export class Workbench {
  constructor(readonly page: Page) {}

  /**
   * A workbench page. By default it starts from an empty sessions folder, so each test
   * sees a fresh workbench rather than the session the previous test left behind
   * (restoring that is what e2e/sessions.test.ts tests); `keepSessions` opens what is there.
   */
  static async open(h: Harness, opts: { keepSessions?: boolean } = {}): Promise<Workbench> {
    // A page closed by the previous test may still be flushing its last save: clear until it stays clear.
    if (!opts.keepSessions)
      for (let i = 0; i < 10 && existsSync(join(h.dataDir, 'sessions')); i++) {
        await rm(join(h.dataDir, 'sessions'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
        await new Promise((r) => setTimeout(r, 150));
      }
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    await page.goto(h.server.url);
    await page.getByTestId('editor').locator('.monaco-editor').waitFor();
    return new Workbench(page);
  }

  tid(id: string) {
    return this.page.getByTestId(id);
  }

  /** Replace the editor text (through Monaco's own model, as a paste would). */
  async setText(text: string): Promise<void> {
    await this.page.getByTestId('editor').locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async language(l: string): Promise<void> {
    await this.tid('language').selectOption(l);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(RESULTS, `${name}.png`) });
  }
}

/** The server as its own process (`entail serve`), so a test can kill -9 it the way a crash would. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function spawnServer(dataDir: string, port = 0): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'entail.js'), 'serve', '--no-open', '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`entail serve did not print its URL: ${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Entail workbench: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`entail serve exited (${code}): ${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    kill: (signal) =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill(signal);
      }),
  };
}
