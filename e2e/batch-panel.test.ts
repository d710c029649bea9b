/**
 * End-to-end: the batch panel over three small TPTP problems in the opened folder (one with a syntax error):
 * the jobs setting bounded by the engine's cores, a run with 2 jobs, a row per problem with its status,
 * JSON and CSV reports downloaded and parsed, and a row opened as a new editor document.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { launch, RESULTS, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';

const skip = skipReason();

declare const document: {
  querySelector(sel: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
};

const PROBLEMS: Record<string, string> = {
  'thm.p': '% Status : Theorem\nfof(thm_marker_axiom, axiom, p(c)).\nfof(goal, conjecture, p(c)).\n',
  'csat.p': '% Status : CounterSatisfiable\nfof(a, axiom, p(c)).\nfof(goal, conjecture, q(c)).\n',
  'bad.p': 'fof(a, axiom, p(c).\n',
};

describe('batch panel e2e', { skip: skip ?? false, timeout: 120_000 }, () => {
  let h: Harness;
  let dir = '';
  before(async () => {
    h = await launch();
    dir = join(h.dataDir, 'problems');
    await mkdir(dir);
    for (const [name, text] of Object.entries(PROBLEMS)) await writeFile(join(dir, name), text);
  });
  after(async () => {
    await h?.close();
  });

  test('jobs 2, run, 3 rows with their statuses, JSON + CSV reports, a row opens in the editor', async () => {
    const wb = await Workbench.open(h);
    await wb.tid('tab-batch').click();
    const cores = Math.max(1, availableParallelism());
    const jobs = wb.tid('batch-jobs');
    // The panel learns the engine's cores: the field is bounded by them, and more is clamped.
    await wb.page.waitForFunction((n) => document.querySelector('[data-testid="batch-jobs"]')?.getAttribute('max') === String(n), cores);
    await jobs.fill(String(cores + 3));
    assert.equal(await jobs.inputValue(), String(cores));
    await jobs.fill(String(Math.min(2, cores)));
    assert.equal(await jobs.inputValue(), String(Math.min(2, cores)));
    // The folder picker offers the opened folder.
    assert.deepEqual(await wb.tid('batch-root').locator('option').allInnerTexts(), [h.dataDir]);
    await wb.tid('batch-paths').fill(dir);
    await wb.tid('batch-run').click();
    await wb.tid('batch-summary').waitFor({ timeout: 60_000 });
    assert.match(await wb.tid('batch-summary').innerText(), /Solved 2 of 3; wrong 0, errors 1/);
    const rows = wb.tid('batch-row');
    assert.equal(await rows.count(), 3);
    const table = new Map<string, string>();
    for (const r of await rows.all()) {
      const cells = await r.locator('td').allInnerTexts();
      table.set(cells[0]!, cells[2]!);
    }
    assert.deepEqual([...table].sort(), [
      ['bad', 'InputError'],
      ['csat', 'CounterSatisfiable'],
      ['thm', 'Theorem'],
    ]);
    await wb.shot('batch-panel-run');

    const save = async (format: string): Promise<string> => {
      const [d] = await Promise.all([wb.page.waitForEvent('download'), wb.tid(`batch-download-${format}`).click()]);
      const file = join(RESULTS, `batch-report-e2e.${format}`);
      await d.saveAs(file);
      assert.match(d.suggestedFilename(), new RegExp(`\\.${format}$`));
      return readFile(file, 'utf8');
    };
    const report = JSON.parse(await save('json')) as { total: number; solved: number; problems: { name: string; status: string }[] };
    assert.equal(report.total, 3);
    assert.equal(report.solved, 2);
    assert.deepEqual(report.problems.map((p) => `${p.name}:${p.status}`).sort(), [
      'bad:InputError',
      'csat:CounterSatisfiable',
      'thm:Theorem',
    ]);
    const csv = await save('csv');
    assert.match(csv, /^path,index,name,expected,status,/);
    assert.match(csv, /\n[^\n]*\/thm\.p,,thm,Theorem,Theorem,entail,/);
    assert.match(csv, /\n[^\n]*\/csat\.p,,csat,CounterSatisfiable,CounterSatisfiable,entail,/);
    assert.match(csv, /\n[^\n]*\/bad\.p,,bad,,InputError,/);

    // Opening a row: its file becomes the active document.
    await rows.filter({ hasText: 'thm' }).first().click();
    await wb.page.waitForFunction(() => document.querySelector('.doc-tab.active .doc-title')?.textContent === 'thm.p');
    await wb.page.waitForFunction(() =>
      document.querySelector('[data-testid="editor"] .view-lines')?.textContent?.includes('thm_marker_axiom'),
    );

    for (const [w, hgt] of [
      [1024, 700],
      [1440, 900],
    ] as const)
      for (const scheme of ['light', 'dark'] as const) {
        await wb.page.setViewportSize({ width: w, height: hgt });
        await wb.page.emulateMedia({ colorScheme: scheme });
        await wb.tid('tab-batch').click();
        await wb.page.waitForTimeout(200);
        await wb.shot(`batch-panel-${w}x${hgt}-${scheme}`);
      }
    await wb.page.close();
  });
});
