#!/usr/bin/env node
// The `entail` command: runs the compiled CLI (build with `npm run build`, done by `npm run setup`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const main = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('entail: not built yet; run `npm run build` (or `npm run setup`) in ' + root);
  process.exit(2);
}
const mod = await import(pathToFileURL(main).href);
process.exitCode = await mod.main(process.argv.slice(2));
