// One lint configuration for the repository. The dependency direction of
// docs/architecture.md is enforced here with no-restricted-imports zones.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'kysely',
  'better-sqlite3',
  'pg',
  'fastify',
  '@fastify/*',
  'exceljs',
  'docx',
  'commander',
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'test-results/**', 'bench/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The domain is pure: no I/O, no clock, no environment, no database.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ioModules, message: 'src/domain 必须是纯函数层：不得引入 I/O 模块。' },
            {
              group: ['**/db/**', '**/server/**', '**/services/**', '**/cli/**'],
              message: 'src/domain 不得依赖外层。',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: '领域层不读时钟：请传入 asOf。' },
        { object: 'Math', property: 'random', message: '领域层不用随机数：请传入种子。' },
        { object: 'process', property: 'env', message: '领域层不读环境变量。' },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/services/**', '**/cli/**'],
              message: 'src/db 只能依赖 src/domain 的类型。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', 'fastify', 'commander'],
              message: 'src/services 不得依赖 HTTP 或命令行层。',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app talks HTTP only; it never imports server code.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/domain/**',
                '**/src/db/**',
                '**/src/server/**',
                '**/src/services/**',
                '**/src/cli/**',
              ],
              message: 'web 只能通过 HTTP 访问服务端。',
            },
          ],
        },
      ],
    },
  },
);
