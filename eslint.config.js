// Layering rules (see ../shared/docs/STYLE.md "For Entail"): each folder may import only
// what sits below it. Enforced here so a wrong import fails `npm run check`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'worker_threads', 'os', 'http', 'net', 'url', 'crypto'];
const noUi = ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', 'renderer/dist/**', 'corpora/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['provers/logic/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        ...noUi,
        '../saturation/**',
        '../check/**',
        '../graph/**',
        '../genlogic/**',
        '../external/**',
        '../lean/**',
        '../../nl/**',
        '../../cli/**',
      ],
      'provers/logic is the base layer: no Node APIs, no other Entail module.',
    ),
  },
  {
    files: [
      'provers/saturation/**/*.ts',
      'provers/genlogic/**/*.ts',
      'provers/check/**/*.ts',
      'provers/models/**/*.ts',
      'provers/graph/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...nodeBuiltins, ...noUi, '../external/**', '../lean/**', '../../nl/**', '../../cli/**'],
      'pure engine modules do no I/O and import only lower layers.',
    ),
  },
  {
    files: ['provers/**/*.ts'],
    rules: restrict(
      [...noUi, '../../nl/**', '../../cli/**', '../../server/**'],
      'provers/ imports nothing from UI, Electron, nl, cli or server.',
    ),
  },
  {
    files: ['cli/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/electron/**', 'electron'], 'cli/ never imports electron/ or renderer/.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
