// Lint rules that enforce the architecture: shared/ is pure, renderer/ talks to nothing but
// shared/ and window.api, and only main/shell/ imports electron. A wrong import fails `npm test`.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (names, patterns) => ['error', { paths: names.map((name) => ({ name, message: 'Not allowed in this layer (see CONVENTIONS.md).' })), patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', 'resources/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'sqlite3', 'kysely', 'pg'],
        [{ group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' }],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'sqlite3', 'kysely', 'pg'],
        [{ group: ['**/main/**', '!**/src/main'], message: 'The renderer reaches the core only through window.api.' }],
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': restrict(['electron'], [
        { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' },
        { group: ['**/shell/**'], message: 'The core does not depend on the Electron shell.' },
      ]),
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }]),
    },
  },
);
