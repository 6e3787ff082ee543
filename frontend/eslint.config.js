// ESLint for the frontend's TypeScript and Svelte: `npm run lint`, which
// `make lint` (and so `make test`) runs. The recommended sets of ESLint,
// typescript-eslint and eslint-plugin-svelte, plus no-floating-promises:
// a promise nobody awaits or catches loses its error, so each call either
// handles it or says with `void` that the called function handles its own.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type information (tsconfig.json) for the rules that need it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A name starting with "_" is unused on purpose: a field left out of
      // a rest object ({ offset: _o, ...rest }), an {#each} item not read.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // let [head, tail] = parts, where only head changes, stays one line.
      // (svelte/prefer-const is prefer-const that knows $props and $derived.)
      'prefer-const': 'off',
      'svelte/prefer-const': ['error', { destructuring: 'all' }],
      // The app's plain Maps and Sets are scratch inside a computation or
      // deliberately not reactive (a save queue); state that the page shows
      // is already a SvelteMap. The rule cannot tell them apart.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
);
