/**
 * Test tooling: runs one CLI command in-process inside a worker thread, so a test
 * can bound a command whose work is not (yet) bounded by its own --timeout (e.g. the
 * clausification of a large problem) by terminating the worker.
 */
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { memoryIo } from './testing.js';
import type { Command } from './io.js';

type Request = { command: 'model' | 'cnf' | 'check-model'; args: string[]; cwd: string };
export type WorkerReply = { code: number; out: string; err: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (req: Request) => {
    void (async () => {
      const mod = (await import(`./commands/${req.command}.js`)) as { command: Command };
      const io = memoryIo(req.cwd);
      const code = await mod.command.run(req.args, io);
      port.postMessage({ code, out: io.outText(), err: io.errText() } satisfies WorkerReply);
    })();
  });
}

/** One worker reused across calls; a call that overruns its hard limit terminates it (the next call starts a fresh one). */
export class CommandRunner {
  private worker: Worker | undefined;

  async run(command: Request['command'], args: string[], cwd: string, hardMs: number): Promise<WorkerReply | 'killed'> {
    const w = (this.worker ??= new Worker(fileURLToPath(import.meta.url)));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        this.worker = undefined;
        void w.terminate().then(() => resolve('killed'));
      }, hardMs);
      w.once('message', (m: WorkerReply) => {
        clearTimeout(timer);
        w.removeAllListeners('error');
        resolve(m);
      });
      w.once('error', (e) => {
        clearTimeout(timer);
        this.worker = undefined;
        reject(e);
      });
      w.postMessage({ command, args, cwd } satisfies Request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
