#!/usr/bin/env node
// Writes docs/cli-json.schema.json, the JSON Schema of every `entail <command> --json` output,
// from the zod schemas in cli/json-output.ts (compiled to dist/: run `npm run schema:cli`, which
// builds first). cli/json-output.test.ts fails when the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { cliJsonSchema } from '../dist/cli/json-output.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'cli-json.schema.json');

const options = { ...(await prettier.resolveConfig(OUT)), filepath: OUT };
writeFileSync(OUT, await prettier.format(JSON.stringify(cliJsonSchema()), options));
console.log(`wrote ${OUT}`);
