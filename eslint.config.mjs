// The core must run in plain node and in the browser: it may import neither
// `vscode` nor any file-system module. The rest of src/ does its I/O through
// `workspace.fs` (so it works over Remote-SSH and on vscode.dev): no `fs` there either.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layers } from './scripts/eslint-layers.mjs';

const fsModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'os',
  'node:os',
  'child_process',
  'node:child_process',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'samples/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: fsModules.map((name) => ({
            name,
            message: 'Use vscode.workspace.fs (works remotely and in the browser).',
          })),
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core stays free of vscode: compute, do not act.' },
            ...fsModules.map((name) => ({ name, message: 'src/core does no I/O.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts', 'test/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
