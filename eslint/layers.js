// The layer table: which folder may import which, on resolved paths. One entry per
// layer; a file belongs to the entry with the longest matching prefix. The README's
// and docs/architecture.md's tables are this one, in prose.
//
//   may      Entail layers this one imports values (and types) from
//   types    Entail layers it may import types from only (`import type`, `typeof import`)
//   node     'all', or the Node built-in modules it may use (none when absent)
//   packages npm packages it may use (none when absent)
//   dynamic  whether an import with a computed specifier is allowed (late binding by name)
const ENGINE = ['provers/logic'];
const NL = ['nl', 'nl/engine.ts', 'nl/evaluate.ts', 'nl/providers', 'nl/providers/types.ts', 'nl/cnl/reference.ts'];
const ALL_PROVERS = [
  'provers/logic',
  'provers/saturation',
  'provers/check',
  'provers/models',
  'provers/graph',
  'provers/genlogic',
  'provers/genlogic/defaults.ts',
  'provers/prolog',
  'provers/run',
  'provers/load',
  'provers/external',
  'provers/lean',
  'provers/batch',
];

export const LAYERS = [
  {
    layer: 'provers/logic',
    may: [],
    why: 'the base layer: terms, formulas, clauses, proofs, parsers; no Node API, nothing else of Entail',
  },
  { layer: 'provers/saturation', may: ENGINE, why: 'the prover is pure: logic only, no I/O' },
  { layer: 'provers/check', may: ENGINE, why: 'the checker is pure and independent of the prover: logic only' },
  { layer: 'provers/models', may: ENGINE, why: 'the model finder is pure: logic only' },
  { layer: 'provers/graph', may: ENGINE, why: 'proof graphs are pure: logic only' },
  {
    layer: 'provers/genlogic',
    may: [...ENGINE, 'provers/saturation', 'provers/check', 'provers/graph', 'provers/genlogic/defaults.ts'],
    why: 'the explorer is pure: logic, and the prover, checker and graphs it drives',
  },
  {
    layer: 'provers/genlogic/defaults.ts',
    may: [],
    why: "the explorer's default search bounds: plain data that the CLI and the UI show and explore() applies",
  },
  { layer: 'provers/prolog', may: ENGINE, packages: ['tau-prolog'], why: 'Prolog: logic and tau-prolog' },
  {
    layer: 'provers/run',
    may: [...ENGINE, 'provers/saturation', 'provers/check', 'provers/models'],
    node: ['worker_threads', 'url'],
    why: 'the portfolio runner: pure engine layers, in a worker thread',
  },
  {
    layer: 'provers/load',
    may: ENGINE,
    node: ['fs', 'fs/promises', 'path', 'constants'],
    why: 'reads problem files: logic and the file system',
  },
  { layer: 'provers/external', may: ENGINE, node: 'all', why: 'E, Vampire, Prover9, z3 as processes: logic and Node' },
  { layer: 'provers/lean', may: ENGINE, node: 'all', packages: ['zod'], why: 'the Lean REPL bridge: logic and Node' },
  {
    layer: 'provers/batch',
    may: ALL_PROVERS.filter((l) => l !== 'provers/batch'),
    node: 'all',
    packages: ['bullmq', 'picomatch'],
    dynamic: true,
    why: 'batch verification: the engine, files, workers and queues (its worker loads the prover module it is given)',
  },
  {
    layer: 'nl',
    may: [...ENGINE, 'nl/providers/types.ts', 'nl/cnl/reference.ts'],
    node: ['fs', 'fs/promises', 'path', 'crypto', 'http', 'https', 'net', 'url'],
    packages: ['pluralize', 'eventsource-parser'],
    why: 'semantic parsing: logic and the LLM client interface only; its prover and LLM client are injected',
  },
  { layer: 'nl/providers/types.ts', may: ENGINE, why: 'the LLM client interface that nl is written against' },
  {
    layer: 'nl/cnl/reference.ts',
    may: [],
    why: 'the controlled-English grammar reference (constructions, examples, interpretation rules): plain data the UI shows',
  },
  {
    layer: 'nl/evaluate.ts',
    may: [...ENGINE, 'nl', 'nl/providers', 'nl/providers/types.ts', 'nl/engine.ts'],
    node: ['fs', 'fs/promises', 'path'],
    why: 'the evaluation driver composes nl with a provider chosen by name',
  },
  {
    layer: 'nl/engine.ts',
    may: [...ENGINE, 'nl', 'nl/providers/types.ts', 'provers/run', 'provers/models'],
    why: 'the default prover that shells inject into nl',
  },
  {
    layer: 'nl/providers',
    may: [...ENGINE, 'nl', 'nl/providers/types.ts'],
    node: 'all',
    packages: ['eventsource-parser'],
    dynamic: true,
    why: 'LLM clients: HTTP, files, and optional native packages loaded by name',
  },
  { layer: 'api', may: [], types: ALL_PROVERS, packages: ['zod'], why: 'the API contract: types and schemas only, no Node, no DOM' },
  {
    layer: 'service',
    may: ['api', ...ALL_PROVERS, ...NL],
    node: 'all',
    packages: ['zod'],
    why: 'the one service: engine and nl behind the API',
  },
  { layer: 'server', may: ['api', 'service'], node: 'all', packages: ['ws'], why: 'a shell: HTTP/WebSocket over the service' },
  {
    layer: 'electron/main',
    may: ['api', 'service', 'cli'],
    node: 'all',
    packages: ['electron'],
    why: 'a shell: IPC over the service; the packaged binary also runs the CLI (`entail-workbench cli …`)',
  },
  { layer: 'electron/preload', may: [], types: ['api'], packages: ['electron'], why: 'the narrow bridge: contract types only' },
  { layer: 'electron/start.mjs', may: [], node: 'all', packages: ['electron'], why: 'launcher' },
  {
    layer: 'electron/after-pack.cjs',
    may: [],
    node: 'all',
    packages: ['@electron/fuses'],
    why: 'packaging hook: flips the fuses of the shipped binary',
  },
  {
    layer: 'cli',
    may: ['api', 'service', 'server', ...NL, ...ALL_PROVERS],
    node: 'all',
    packages: ['zod'],
    dynamic: true,
    why: 'a shell: commands over the engine and the service (zod describes its --json outputs); never electron or renderer',
  },
  {
    layer: 'renderer/src',
    may: ['api', 'provers/graph', 'nl/cnl/reference.ts', 'provers/genlogic/defaults.ts'],
    types: ['provers/logic'],
    packages: ['react', 'react-dom', 'zustand', 'cytoscape', 'cytoscape-dagre', 'monaco-editor'],
    why: 'the UI: the API contract, the pure proof-graph view model it shares with the HTML export, the controlled-English grammar reference it shows, the explorer defaults it offers, and type-only logic',
  },
  { layer: 'renderer/vite.config.ts', may: [], node: 'all', packages: ['vite', '@vitejs/plugin-react'], why: 'build configuration' },
];

/** Files the table does not govern: tests, fixtures and test tooling may reach anything (no production code imports them). */
export const EXEMPT = [
  /\.test\.tsx?$/,
  /\/fixtures\//,
  /^testing\//,
  /^e2e\//,
  /^bench\//,
  /^scripts\//,
  /^eslint\//,
  /^eslint\.config\.js$/,
];
