import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SHARED_CORPORA } from '../../testing/corpora.js';
import { command } from './package.js';
import { zip } from '../../provers/batch/zip.js';
import { memoryIo } from '../testing.js';

/** The central directory of a ZIP: names, Unix modes, and each entry's inflated content. */
function readZip(buf: Buffer): Map<string, { mode: number; data: Buffer }> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, { mode: number; data: Buffer }>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const mode = buf.readUInt32LE(at + 38) >>> 16;
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, { mode, data: inflateRawSync(buf.subarray(dataAt, dataAt + size)) });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

test('zip: entries round-trip with their content and executable bit', () => {
  const z = readZip(
    zip([
      { name: 'a/x.sh', data: Buffer.from('#!/bin/sh\n'), executable: true },
      { name: 'b.txt', data: Buffer.from('hi') },
    ]),
  );
  assert.deepEqual([...z.keys()], ['a/x.sh', 'b.txt']);
  assert.equal(z.get('a/x.sh')!.mode & 0o777, 0o755);
  assert.equal(z.get('b.txt')!.data.toString(), 'hi');
  assert.throws(() => zip([{ name: '../evil', data: Buffer.alloc(0) }]));
});

test('entail package starexec: the archive lists the run scripts, one per strategy, and the compiled prover', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-pkg-'));
  const io = memoryIo(dir);
  assert.equal(await command.run(['starexec', 'out.zip'], io), 0, io.errText());
  const z = readZip(readFileSync(join(dir, 'out.zip')));
  for (const name of [
    'bin/starexec_run_default',
    'bin/starexec_run_s_sine',
    'starexec_description.txt',
    'entail/bin/entail.js',
    'entail/dist/cli/main.js',
    'entail/dist/cli/commands/prove.js',
    'entail/dist/provers/run/index.js',
  ])
    assert.ok(z.has(name), `${name} in the archive`);
  assert.equal(z.get('bin/starexec_run_default')!.mode & 0o111, 0o111, 'run scripts are executable');
  assert.match(z.get('bin/starexec_run_s_sine')!.data.toString(), /--strategy sine/);
  assert.ok(
    ![...z.keys()].some((n) => n.endsWith('.test.js') || n.includes('/renderer/') || n.includes('/server/')),
    'no tests, UI or server',
  );
  const syn = join(SHARED_CORPORA, 'tptp', 'SYN-SAT', 'SYN036-2.p');
  if (existsSync('/usr/bin/unzip') && existsSync(syn)) {
    // Unpacked as StarExec does, the default configuration answers with an SZS line within its limit.
    execFileSync('/usr/bin/unzip', ['-q', join(dir, 'out.zip'), '-d', join(dir, 'x')]);
    const out = execFileSync(join(dir, 'x', 'bin', 'starexec_run_default'), [syn, dir], {
      env: { ...process.env, STAREXEC_WALLCLOCK_LIMIT: '4' },
      timeout: 30_000,
    }).toString();
    assert.match(out, /% SZS status Satisfiable for SYN036-2/);
  }
});
