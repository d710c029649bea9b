/** Screenshots of the controlled-English reference and paraphrases (docs/screenshots/cnl-*), at two sizes, light and dark. */
import { launch } from './harness.js';

const h = await launch();
try {
  for (const [w, ht] of [
    [1024, 700],
    [1440, 900],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.browser.newPage({ viewport: { width: w, height: ht }, colorScheme: scheme });
      await page.goto(h.server.url);
      await page.getByTestId('editor').locator('.monaco-editor').waitFor();
      await page.getByTestId('tab-nl').click();
      await page.getByTestId('nl-provider').selectOption('cnl');
      await page
        .getByTestId('nl-premises')
        .fill('A hawk never lands.\nEvery glorpus that zorbs a wug is tove.\nIf a bird is hungry then it hunts.');
      await page.getByTestId('nl-conclusion').fill('Blickets are not shy.');
      await page.getByTestId('nl-judge').click();
      await page.getByTestId('nl-vote').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${process.argv[2]}/cnl-paraphrase-${w}x${ht}-${scheme}.png` });
      await page.getByTestId('cnl-grammar').locator('summary').click();
      await page.getByTestId('cnl-grammar').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.argv[2]}/cnl-grammar-${w}x${ht}-${scheme}.png` });
      await page.close();
    }
} finally {
  await h.close();
}
