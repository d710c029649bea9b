#!/usr/bin/env node
// `npm start`: launch the desktop app if the Electron binary is installed; otherwise
// say why not and point at the browser workbench (`npm run serve`).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch {
  binary = undefined;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    [
      'entail: the Electron binary is not installed, so the desktop app cannot start here.',
      '  (installs use ELECTRON_SKIP_BINARY_DOWNLOAD=1, and the download needs network access.)',
      '  Use the same workbench in a browser instead:  npm run serve',
      '  To install Electron (needs network):  npm rebuild electron   (its install script is approved in package.json)',
    ].join('\n'),
  );
  process.exit(1);
}
for (const f of ['dist/electron/main/main.js', 'renderer/dist/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`entail: ${f} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
