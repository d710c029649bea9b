import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, symlinkSync, truncateSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParseError, Result } from '../logic/source.js';
import { formatParseError } from '../logic/source.js';
import { tptpIncludes } from '../logic/syntax/index.js';
import { problemsOf } from '../batch/formats.js';
import type { BatchDeps } from '../batch/types.js';
import { loadProblem, readBounded } from './index.js';

const SECRET = 'SECRET-7f3a-do-not-echo';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'entail-hostile-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

function refusal(r: Result<unknown, ParseError>, rule: RegExp): string {
  assert.ok(!r.ok, 'expected an error value');
  if (r.ok) return '';
  const shown = formatParseError(r.error);
  assert.match(r.error.message, rule);
  assert.ok(!shown.includes(SECRET), `content echoed: ${shown}`);
  assert.ok(!/root:x:0:0/.test(shown), `/etc/passwd echoed: ${shown}`);
  return shown;
}

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

test('includes outside the roots are refused by rule: absolute, .. escapes and symlinks out', async () => {
  const outside = tree({ 'secret.ax': `${SECRET}\n` });
  const root = tree({
    'p/abs.p': "include('/etc/passwd').\n",
    'p/dots.p': "include('../../../../../../../../etc/passwd').\n",
    'p/up.p': `include('../../${outside.split('/').pop()}/secret.ax').\n`,
    'p/link.p': "include('sub/link.ax').\n",
    'p/sub/ok.ax': 'fof(a, axiom, p).\n',
    'p/fine.p': "include('sub/ok.ax').\nfof(g, conjecture, p).\n",
  });
  symlinkSync(join(outside, 'secret.ax'), join(root, 'p/sub/link.ax'));
  // A sibling folder whose name extends the root's must not count as inside it.
  mkdirSync(join(root, 'p2'));
  writeFileSync(join(root, 'p2/x.ax'), `${SECRET}\n`);
  writeFileSync(join(root, 'p/prefix.p'), "include('../p2/x.ax').\n");
  try {
    const opts = { tptpRoot: '' };
    for (const f of ['abs.p', 'dots.p', 'up.p', 'prefix.p'])
      refusal(await loadProblem(join(root, 'p', f), opts), /refused by the include-roots rule: .* is outside the include roots/);
    refusal(
      await loadProblem(join(root, 'p/link.p'), opts),
      /refused by the include-roots rule: .*link\.ax is a symbolic link to .*secret\.ax/,
    );
    const fine = await loadProblem(join(root, 'p/fine.p'), opts);
    assert.ok(fine.ok && fine.value.statements.length === 2);
    // A configured root or the opt-in lets the same includes through.
    const viaRoot = await loadProblem(join(root, 'p/prefix.p'), { tptpRoot: '', includeRoots: [join(root, 'p2')] });
    assert.ok(!viaRoot.ok && !/include-roots rule/.test(viaRoot.error.message));
    const anywhere = await loadProblem(join(root, 'p/link.p'), { tptpRoot: '', allowIncludeAnywhere: true });
    // The secret file is not TPTP: its parse error is positioned in it and quotes nothing of it.
    const shown = refusal(anywhere, /expected 'fof', 'cnf' or 'include' but found a name/);
    assert.ok(!anywhere.ok && anywhere.error.file?.endsWith('secret.ax') && anywhere.error.excerpt === '', shown);
    const passwd = await loadProblem(join(root, 'p/abs.p'), { allowIncludeAnywhere: true });
    refusal(passwd, /./);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('$TPTP is an include root, and a link inside it that points out is still refused', async () => {
  const outside = tree({ 'o.ax': `${SECRET}\n` });
  const root = tree({
    'tptp/Axioms/A.ax': 'fof(a, axiom, p).\n',
    'probs/P.p': "include('Axioms/A.ax').\ninclude('Axioms/L.ax').\nfof(g, conjecture, p).\n",
  });
  symlinkSync(join(outside, 'o.ax'), join(root, 'tptp/Axioms/L.ax'));
  try {
    const r = await loadProblem(join(root, 'probs/P.p'), { tptpRoot: join(root, 'tptp') });
    const shown = refusal(r, /symbolic link to .*o\.ax, outside the include roots/);
    assert.ok(!r.ok && r.error.line === 2, shown);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('devices, FIFOs, sockets and oversized files are refused before any read', { timeout: 30_000 }, async () => {
  const root = tree({
    'zero.p': "include('/dev/zero').\n",
    'big.p': "include('big.ax').\n",
    'small.p': 'fof(a, axiom, p).\n'.repeat(100),
    'two.p': "include('half.ax').\ninclude('half2.ax').\n",
    'half.ax': 'fof(a, axiom, p).\n'.repeat(40),
    'half2.ax': 'fof(b, axiom, p).\n'.repeat(40),
  });
  try {
    const any = { allowIncludeAnywhere: true };
    refusal(await loadProblem(join(root, 'zero.p'), any), /\/dev\/zero: refused: a character device, not a regular file/);
    refusal(await loadProblem('/dev/zero'), /cannot read file: refused: a character device/);
    refusal(await loadProblem(root), /cannot read file: refused: a directory/);
    // A 2 GiB sparse file: refused by its size, which costs no memory.
    writeFileSync(join(root, 'big.ax'), '');
    truncateSync(join(root, 'big.ax'), 2 ** 31);
    refusal(await loadProblem(join(root, 'big.p')), /big\.ax: refused: 2\.0 GiB is over the 64\.0 MiB size limit/);
    refusal(await loadProblem(join(root, 'big.ax')), /cannot read file: refused: 2\.0 GiB is over/);
    refusal(await loadProblem(join(root, 'small.p'), { maxBytes: 1000 }), /1\.8 KiB is over the 1000 bytes size limit/);
    // The cap covers the problem with its includes: each half fits, both do not.
    refusal(
      await loadProblem(join(root, 'two.p'), { maxBytes: 1400 }),
      /half2\.ax: refused: .* limit for the problem and its includes together/,
    );
    assert.ok((await loadProblem(join(root, 'two.p'), { maxBytes: 2000 })).ok);
    if (mkfifo(join(root, 'fifo'))) {
      writeFileSync(join(root, 'fifo.p'), "include('fifo').\n");
      refusal(await loadProblem(join(root, 'fifo.p')), /fifo: refused: a FIFO \(named pipe\), not a regular file/);
      refusal(await loadProblem(join(root, 'fifo')), /cannot read file: refused: a FIFO/);
      const r = await readBounded(join(root, 'fifo'));
      assert.ok(!r.ok && r.error.rule === 'not-regular');
    }
    const past = await readBounded(join(root, 'small.p'), { deadline: Date.now() - 1 });
    assert.ok(!past.ok && past.error.rule === 'deadline');
    refusal(await loadProblem(join(root, 'two.p'), { deadline: Date.now() - 1 }), /deadline passed/);
    const missing = await readBounded(join(root, 'nope'));
    assert.ok(!missing.ok && missing.error.rule === 'missing');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('batch reads of dataset files go through the bounded reader', { timeout: 30_000 }, async () => {
  const root = tree({ 'ok.p': 'fof(a, axiom, p).\n' });
  const deps = {} as BatchDeps;
  try {
    writeFileSync(join(root, 'big.jsonl'), '');
    truncateSync(join(root, 'big.jsonl'), 2 ** 31);
    const big = await problemsOf({ kind: 'file', absPath: join(root, 'big.jsonl'), path: 'big.jsonl' }, deps);
    assert.equal(big[0]?.preError?.status, 'InputError');
    assert.match(big[0]?.preError?.message ?? '', /cannot read: refused: 2\.0 GiB is over/);
    if (mkfifo(join(root, 'f.p'))) {
      const fifo = await problemsOf({ kind: 'file', absPath: join(root, 'f.p'), path: 'f.p' }, deps);
      assert.match(fifo[0]?.preError?.message ?? '', /cannot read: refused: a FIFO/);
    }
    const ok = await problemsOf({ kind: 'file', absPath: join(root, 'ok.p'), path: 'ok.p' }, deps);
    assert.ok(ok.length === 1 && ok[0]!.preError === undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('tptpIncludes finds top-level directives only, past characters fof has no token for', () => {
  const text = [
    "include('A.ax').",
    "fof(a, axiom, include('no')).",
    'tff(t, type, f: $i * $i > $o).',
    "include( 'B.ax' , [x, y]).",
    "% include('C.ax').",
    "fof(b, axiom, p, inference(x, [include('no2')])).",
    "include('D.ax').",
  ].join('\n');
  assert.deepEqual(
    tptpIncludes(text).map((i) => i.path),
    ['A.ax', 'B.ax', 'D.ax'],
  );
});

test('a problem at the root folder or named through a symlink still confines its includes', async () => {
  const root = tree({ 'real/P.p': "include('A.ax').\nfof(g, conjecture, p).\n", 'real/A.ax': 'fof(a, axiom, p).\n' });
  try {
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    assert.ok(existsSync(join(root, 'alias/P.p')));
    const r = await loadProblem(join(root, 'alias/P.p'), { tptpRoot: '' });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
