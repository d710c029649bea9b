/**
 * Reading one problem file for the batch panel ("open this row in the editor"). The path comes from the
 * API, so it is hostile: it must resolve, through symbolic links, to a regular file inside the opened
 * roots, and the read is bounded. The final component is opened without following links and checked
 * on the open handle, so a file swapped for a link or a FIFO between the check and the read is refused.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { MAX_TEXT } from '../api/contract.js';
import { realRoots, within } from './roots.js';

export type OpenedFile =
  | { readonly ok: true; readonly name: string; readonly path: string; readonly text: string }
  | { readonly ok: false; readonly issue: string };

export async function readConfinedFile(
  path: string,
  roots: readonly string[],
  cwd: string,
  maxBytes: number = MAX_TEXT,
): Promise<OpenedFile> {
  const shown = JSON.stringify(path);
  if (path.split(/[/\\]/).includes('..')) return { ok: false, issue: `${shown}: '..' is not allowed` };
  const abs = isAbsolute(path) ? path : resolve(cwd, path);
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return { ok: false, issue: `${shown}: no such file` };
  }
  if (!within(real, await realRoots(roots)))
    return { ok: false, issue: `${shown} is outside the opened folders (${roots.length === 0 ? 'none opened' : roots.join(', ')})` };
  let fh;
  try {
    fh = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, issue: `${shown}: cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, issue: `${shown} is not a regular file` };
    if (st.size > maxBytes) return { ok: false, issue: `${shown} is larger than ${maxBytes} bytes` };
    // Read one byte past the stat's size: a file that grew after the stat is refused, not truncated.
    const buf = Buffer.alloc(st.size + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > st.size) return { ok: false, issue: `${shown} changed while it was read` };
    return { ok: true, name: basename(real), path: real, text: buf.subarray(0, n).toString('utf8') };
  } finally {
    await fh.close();
  }
}
