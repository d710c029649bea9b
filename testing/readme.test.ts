/**
 * The README's promises: every command it tells people to run exists and takes the options
 * it is shown with. `entail X` commands are asked for their help (which every command prints
 * from the same declaration its parser uses), npm scripts must be in package.json. What each
 * command then does is tested beside it (cli/, provers/batch/, e2e/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from './corpora.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The text of a `## heading` section, up to the next one. */
function section(heading: string): string {
  const at = readme.indexOf(`## ${heading}\n`);
  assert.ok(at >= 0, `README has a "${heading}" section`);
  const next = readme.indexOf('\n## ', at + 3);
  return readme.slice(at, next < 0 ? undefined : next);
}

/** Code spans and fenced lines; table cells escape `|` as `\|`. */
function commands(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
  const fenced = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  return [...spans, ...fenced].map((c) => c.replace(/\s+#.*$/, '').trim()).filter((c) => c !== '');
}

const promised = [...commands(section('Two commands on a fresh machine')), ...commands(section('Running it'))];
const entailCalls = promised.filter((c) => c.startsWith('npx entail '));
const npmCalls = promised.filter((c) => /^npm (run |start$|test$)/.test(c) || /^bench:[\w-]+$/.test(c));

/** The subcommand words `entail --help` would be asked about: `report merge`, `lean check` take two. */
function subcommand(call: string): string[] {
  const words = call.slice('npx entail '.length).split(/\s+/);
  return ['report', 'package', 'lean'].includes(words[0]!) ? words.slice(0, 2) : words.slice(0, 1);
}

test('readme: the sections list entail commands and npm scripts (the parser found them)', () => {
  assert.ok(entailCalls.length >= 15, `entail commands found: ${entailCalls.length}`);
  assert.ok(npmCalls.length >= 5, `npm scripts found: ${npmCalls.length}`);
});

test('readme: every npm script the README names is in package.json', () => {
  for (const c of npmCalls) {
    const name = c.startsWith('bench:') ? c : c === 'npm start' ? 'start' : c === 'npm test' ? 'test' : c.split(/\s+/)[2]!;
    assert.ok(name in scripts, `package.json has a script for \`${c}\``);
  }
});

test('readme: every entail command exists and documents every option it is shown with', () => {
  const helps = new Map<string, string>();
  for (const call of entailCalls) {
    const sub = subcommand(call);
    const key = sub.join(' ');
    if (!helps.has(key)) {
      const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'entail.js'), ...sub, '--help'], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(r.status, 0, `\`entail ${key} --help\` exits 0 (stderr: ${r.stderr.slice(0, 300)})`);
      helps.set(key, r.stdout + r.stderr);
    }
    const help = helps.get(key)!;
    for (const opt of call.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])
      assert.ok(new RegExp(`(^|[\\s\\[,])${opt}(?![\\w-])`, 'm').test(help), `\`entail ${key}\` documents ${opt} (README: ${call})`);
  }
});
