/**
 * Worker thread for parsing: a multi-megabyte paste takes the parser a second or
 * more, which must not stall the server's event loop (cancel, progress events and
 * other requests keep flowing). Receives {id, text, dialect, name, withProblem};
 * answers {id, ok, dialect, problem?, outcome} or {id, ok:false, reason}.
 */
import { parentPort } from 'node:worker_threads';
import { moduleLoader } from './engine.js';
import { parseOutcome } from './parsing.js';
import type { ParseRequest, ParseReply } from './parsing.js';

const load = moduleLoader();

parentPort?.on('message', (req: ParseRequest) => {
  void (async () => {
    let reply: ParseReply;
    try {
      const syn = await load('syntax');
      if (!syn.ok) reply = { id: req.id, ok: false, reason: syn.reason };
      else reply = { id: req.id, ok: true, ...parseOutcome(syn.mod, req) };
    } catch (e) {
      reply = { id: req.id, ok: false, reason: `parser crashed: ${(e as Error).message}` };
    }
    parentPort!.postMessage(reply);
  })();
});
