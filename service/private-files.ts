/**
 * Files only the user may read: settings, secrets and sessions are written 0600
 * inside folders created 0700 (write-then-rename, so an interrupted write never
 * leaves a truncated file), and read with a size cap so a planted giant file
 * cannot exhaust memory.
 */
import { chmod, mkdir, open, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export async function mkdirPrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

export async function writePrivateFile(path: string, data: string): Promise<void> {
  await mkdirPrivate(dirname(path));
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await writeFile(tmp, data, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
  // The mode argument is masked by the umask; chmod is not.
  await chmod(tmp, PRIVATE_FILE_MODE);
  await rename(tmp, path);
}

export type BoundedRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** A regular file's text, refused (never read) when larger than `limit` bytes or not a regular file. */
export async function readBoundedText(path: string, limit: number): Promise<BoundedRead> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code ?? 'cannot open' };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > limit) return { ok: false, reason: `larger than ${limit} bytes` };
    const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > limit) return { ok: false, reason: `larger than ${limit} bytes` };
    return { ok: true, text: buf.subarray(0, n).toString('utf8') };
  } finally {
    await fh.close();
  }
}
