/**
 * The one bounded reader for every input file (problems, includes, batch inputs).
 *
 * A hostile path may name a device (`/dev/zero` never ends), a FIFO (a read blocks
 * until a writer comes), a socket, or a huge sparse file. So the file is opened with
 * O_NONBLOCK (opening a FIFO never waits for a writer), the open descriptor is
 * fstat'ed (the checks apply to what was opened, not to a name that may change), only
 * regular files are read, the size cap is checked before any byte is read, reads are
 * asynchronous and in chunks, and the deadline is checked between chunks. A file that
 * grows while it is read is cut at the cap, never read past it.
 */
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Result } from '../logic/source.js';
import { ok, err } from '../logic/source.js';

/** Default size cap per file and per problem (the problem file plus all its includes). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const CHUNK = 1 << 20;

export interface ReadLimits {
  /** Refuse files larger than this many bytes (default DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Epoch milliseconds after which reading stops with a `deadline` error. */
  readonly deadline?: number;
}

/** Why a read was refused. `rule` names the check, so callers and tests can tell them apart. */
export interface ReadFailure {
  readonly rule: 'missing' | 'not-regular' | 'too-large' | 'deadline' | 'io';
  /** Human-readable, never containing the file's content. */
  readonly message: string;
}

function kindOf(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

export function errnoMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ENOTDIR') return 'no such file (a path component is not a folder)';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENXIO') return 'not a regular file (a device or socket without a reader)';
  return code ? `cannot open (${code})` : 'cannot open';
}

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Read a whole regular file, within `maxBytes` and before `deadline`. Never throws. */
export async function readBounded(path: string, limits: ReadLimits = {}): Promise<Result<Buffer, ReadFailure>> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const deadline = limits.deadline;
  const late = (): boolean => deadline !== undefined && Date.now() >= deadline;
  if (late()) return err({ rule: 'deadline', message: 'the deadline passed before the file was read' });
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return err({ rule: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'io', message: errnoMessage(e) });
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return err({ rule: 'not-regular', message: `refused: ${kindOf(st)}, not a regular file` });
    if (st.size > maxBytes)
      return err({ rule: 'too-large', message: `refused: ${formatBytes(st.size)} is over the ${formatBytes(maxBytes)} size limit` });
    // One byte past the cap tells a file that grew since fstat from one that did not.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (late()) return err({ rule: 'deadline', message: `the deadline passed after reading ${formatBytes(n)}` });
      const want = Math.min(CHUNK, buf.length - n);
      if (want === 0) break;
      const { bytesRead } = await fh.read(buf, n, want, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > maxBytes)
      return err({ rule: 'too-large', message: `refused: the file grew past the ${formatBytes(maxBytes)} size limit while it was read` });
    if (n > st.size) return err({ rule: 'io', message: 'the file changed while it was read' });
    return ok(buf.subarray(0, n));
  } catch (e) {
    return err({ rule: 'io', message: errnoMessage(e) });
  } finally {
    await fh.close().catch(() => undefined);
  }
}
