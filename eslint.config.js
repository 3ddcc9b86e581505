// ESLint with typescript-eslint's type-checked rules, import cycles refused, and the layer boundaries
// of shared/DESIGN.md: data flows screen → action → domain service → models, never back.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const SERVER_ONLY = ['src/db', 'src/models', 'src/domain', 'src/access', 'src/audit', 'src/cli', 'dashboards/queries'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'coverage/**', 'test-output/**', '.adminjs/**', '.data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'test/*.mjs', 'test/support/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Business rules know nothing of the panel: no AdminJS resources, screens or dashboard.
            { target: 'src/domain', from: ['resources', 'dashboards', 'src/app.ts', 'src/server.ts', 'src/lifecycle.ts'], message: 'src/domain must not depend on the panel' },
            // Access decides who may do what; it runs no business operation.
            { target: 'src/access', from: ['src/domain', 'resources', 'dashboards'], message: 'src/access must not depend on domain services or screens' },
            { target: ['src/models', 'src/audit', 'src/errors', 'src/db'], from: ['src/domain', 'src/access', 'resources', 'dashboards'], message: 'the data layer must not depend on what uses it' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // AdminJS calls hooks and handlers expecting promises; an async one without await is its shape.
      '@typescript-eslint/require-await': 'off',
      // String(value) of a value read from PostgreSQL or a form (a string, number or boolean) is the
      // point; the rule cannot know that and asks for casts the next rule calls unnecessary.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Browser components are bundled for the page: types from the server, never its code.
    files: ['resources/**/components/**', 'dashboards/components/**'],
    rules: {
      // AdminJS's ApiClient answers `any`; the components read the shapes our handlers send.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: SERVER_ONLY.map((folder) => `**/${folder}/**`), allowTypeImports: true, message: 'a browser component must not import server code' }] },
      ],
    },
  },
  {
    // supertest answers are `any` JSON; the tests assert on their shape instead of typing each one.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
