// Layering is one rule, `entail/layers` (eslint/plugin.js), over the table in eslint/layers.js:
// every import is resolved to a path first, so a wall holds however the import is spelt.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import entail from './eslint/plugin.js';

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
    files: ['**/*.{ts,tsx,cts,mts,js,mjs,cjs}'],
    plugins: { entail },
    rules: { 'entail/layers': 'error' },
  },
  {
    // CommonJS by necessity (electron-builder requires its hooks).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
