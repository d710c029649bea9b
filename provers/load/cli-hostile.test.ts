/**
 * `entail prove` on problems including hostile files, run as a user would run it
 * (node bin/entail.js, after building dist): each run ends within its --timeout plus
 * 1 s, with an input error naming the rule, exit status 1, resident memory under
 * 500 MB (measured by /usr/bin/time -v when installed, else by polling /proc), and
 * without echoing any file content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTAIL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'entail.js');
const TIME = '/usr/bin/time';
const TIMEOUT_S = 2;
const MAX_RSS_KB = 500 * 1024;

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
  readonly wallMs: number;
  readonly maxRssKb: number;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Run `entail prove`, killed after 10× its timeout so a hang fails the test instead of stalling it. */
function prove(file: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const useTime = existsSync(TIME);
  const argv = [ENTAIL, 'prove', file, '--timeout', String(TIMEOUT_S)];
  const [cmd, args] = useTime ? [TIME, ['-v', process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polled = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = useTime ? undefined : setInterval(() => (polled = Math.max(polled, vmHwmKb(child.pid!))), 10);
    const killer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 10_000);
    child.on('close', (code) => {
      const wallMs = Date.now() - t0;
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ code, stdout, stderr, wallMs, maxRssKb: m ? Number(m[1]) : polled });
    });
  });
}

test('entail prove on includes of /dev/zero, a FIFO, /etc/passwd and a 2 GB sparse file', { timeout: 120_000 }, async (t) => {
  if (!existsSync(join(dirname(ENTAIL), '..', 'dist', 'cli', 'main.js'))) {
    t.skip('dist is not built');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'entail-cli-hostile-'));
  try {
    writeFileSync(join(dir, 'big.ax'), '');
    truncateSync(join(dir, 'big.ax'), 2 * 10 ** 9);
    let fifo = true;
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.ax')]);
    } catch {
      fifo = false;
    }
    const cases: { name: string; include: string; env?: NodeJS.ProcessEnv; expect: RegExp }[] = [
      { name: 'zero', include: '/dev/zero', expect: /refused by the include-roots rule: \/dev\/zero is outside the include roots/ },
      // With $TPTP at /dev the device is inside a root: the regular-file rule refuses it.
      {
        name: 'zero-in-root',
        include: 'zero',
        env: { TPTP: '/dev' },
        expect: /\/dev\/zero: refused: a character device, not a regular file/,
      },
      { name: 'passwd', include: '/etc/passwd', expect: /refused by the include-roots rule: \/etc\/passwd is outside the include roots/ },
      { name: 'dots', include: '../../../../../../etc/passwd', expect: /refused by the include-roots rule: \/etc\/passwd is outside/ },
      { name: 'sparse', include: 'big.ax', expect: /big\.ax: refused: 1\.9 GiB is over the 64\.0 MiB size limit/ },
      ...(fifo ? [{ name: 'fifo', include: 'pipe.ax', expect: /pipe\.ax: refused: a FIFO \(named pipe\), not a regular file/ }] : []),
    ];
    for (const c of cases) {
      const file = join(dir, `${c.name}.p`);
      writeFileSync(file, `include('${c.include}').\nfof(g, conjecture, p).\n`);
      const env: NodeJS.ProcessEnv = { ...process.env, TPTP: '', ...c.env };
      const r = await prove(file, env);
      const said = r.stderr.replace(/\n\s*Command being timed:[\s\S]*$/, '');
      assert.equal(r.code, 1, `${c.name}: exit ${r.code}\n${said}`);
      assert.match(said, new RegExp(`${file.replace(/[.+]/g, '\\$&')}:1:9: cannot include`), c.name);
      assert.match(said, c.expect, c.name);
      assert.ok(!/root:x:0:0/.test(r.stderr + r.stdout), `${c.name}: echoed /etc/passwd`);
      assert.ok(!/\n\s+at /.test(said), `${c.name}: stack trace\n${said}`);
      assert.ok(r.wallMs < (TIMEOUT_S + 1) * 1000, `${c.name}: took ${r.wallMs} ms`);
      assert.ok(r.maxRssKb > 0 && r.maxRssKb < MAX_RSS_KB, `${c.name}: max RSS ${r.maxRssKb} kB`);
      t.diagnostic(`${c.name}: ${r.wallMs} ms, max RSS ${Math.round(r.maxRssKb / 1024)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
