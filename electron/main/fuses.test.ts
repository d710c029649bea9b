import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../testing/corpora.js';

const require = createRequire(import.meta.url);
interface Fuses {
  SENTINEL?: string;
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire(path: string): Promise<Record<number, number>>;
}
const fuses = require('@electron/fuses') as Fuses;
const hook = require(join(PROJECT_ROOT, 'electron', 'after-pack.cjs')) as ((ctx: unknown) => Promise<void>) & {
  fusePolicy(platform: string): Record<string, unknown>;
};

/** A stand-in for the Electron executable: padding, the fuse sentinel, wire version 1 with eight fuses all enabled. */
async function fakeElectron(dir: string, name: string): Promise<string> {
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
  const wire = Buffer.from([1, 8, ...Array<number>(8).fill(0x31)]);
  const path = join(dir, name);
  await writeFile(path, Buffer.concat([Buffer.alloc(4096, 7), sentinel, wire, Buffer.alloc(512, 7)]));
  return path;
}

test('the afterPack hook flips the shipped binary: no RunAsNode, no NODE_OPTIONS or --inspect, app only from the asar', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'entail-fuses-'));
  try {
    const exe = await fakeElectron(dir, 'entail-workbench');
    await hook({
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Entail' }, executableName: 'entail-workbench' },
    });
    const wire = await fuses.getCurrentFuseWire(exe);
    const o = fuses.FuseV1Options;
    const DISABLE = 0x30;
    const ENABLE = 0x31;
    assert.equal(wire[o.RunAsNode!], DISABLE);
    assert.equal(wire[o.EnableNodeOptionsEnvironmentVariable!], DISABLE);
    assert.equal(wire[o.EnableNodeCliInspectArguments!], DISABLE);
    assert.equal(wire[o.OnlyLoadAppFromAsar!], ENABLE);
    assert.equal(wire[o.EnableCookieEncryption!], ENABLE);
    assert.equal(wire[o.GrantFileProtocolExtraPrivileges!], DISABLE);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('asar integrity is validated where Electron supports it (macOS, Windows)', () => {
  const key = String(fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation);
  assert.equal(hook.fusePolicy('darwin')[key], true);
  assert.equal(hook.fusePolicy('win32')[key], true);
  assert.equal(hook.fusePolicy('linux')[key], false);
});
