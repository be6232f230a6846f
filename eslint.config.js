// Lint rules for Duet. TypeScript gets typescript-eslint's type-aware strict set; the .mjs/.js/.cjs scripts
// and configs are linted as plain JavaScript for Node. Three house rules are enforced here:
//  - src/shared is pure: no imports from server/ or web/, no Node built-ins, no I/O or UI libraries;
//  - process.env is read only in src/server/config.ts (and in scripts, benchmarks, e2e, tests, configs);
//  - features use each other only through features/<name>/index.ts; platform/ and db/ never import a feature.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'src/**/test/**', 'src/**/testing/**'];

// Globals of Node's ESM runtime, for the plain-JS scripts (the `globals` package is not a dependency).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'performance',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = {
  module: 'writable',
  exports: 'writable',
  require: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
};

const FIXTURE_FILES = ['**/*.test-kit.ts'];
const faceMessage =
  'Use another feature only through its public face, features/<name>/index.ts (issue 18); export what you need there.';

const processEnvMessage =
  'Read configuration in src/server/config.ts and pass it in; process.env is read nowhere else (ARCHITECTURE.md §3).';

const processEnvPaths = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: processEnvMessage,
}));

// Shared code runs in the server and in the browser and must stay free of I/O.
const sharedForbiddenPackages = [
  ...builtinModules,
  'better-sqlite3',
  'kysely',
  'pg',
  'fastify',
  'argon2',
  'nodemailer',
  'pino',
  'react',
  'react-dom',
  'react-router',
];

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', '.tmp/', 'data/', 'coverage/', 'test-results/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  // TypeScript: type-aware strict rules.
  {
    files: TS_FILES,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      // One program from tsconfig.json for every file (it includes all TypeScript in the repository): the whole
      // lint took 183 s of CPU this way against 240 s with `projectService` (2026-12-07; the CI is CPU-bound).
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans read fine in messages and keys; objects and nullish values still error.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      // `onClick={() => setOpen(true)}` is idiomatic React.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Async event handlers in JSX attributes are fine; floating promises elsewhere are not.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },

  // Plain JavaScript for Node: scripts, configs.
  {
    files: JS_FILES,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },

  // process.env only in config.ts (and the places that configure or drive the app from outside).
  {
    files: ['src/**'],
    ignores: ['src/server/config.ts', ...TEST_FILES],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: processEnvMessage },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: processEnvPaths,
        },
      ],
    },
  },

  // src/shared stays pure (listed after the process.env block: this no-restricted-imports wins in shared).
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: sharedForbiddenPackages.map((name) => ({
            name,
            message: 'src/shared is pure TypeScript: no I/O, no Node built-ins, no server or UI libraries.',
          })),
          patterns: [
            {
              regex: '(^|/)(server|web)(/|$)',
              message:
                'src/shared must not import from server/ or web/; move the shared part into src/shared.',
            },
            {
              regex: '^node:',
              message: 'src/shared is pure TypeScript: no Node built-ins.',
            },
            {
              regex: '^(@fastify|@mantine|@tanstack|@tabler)/',
              message: 'src/shared is pure TypeScript: no server or UI libraries.',
            },
          ],
        },
      ],
    },
  },

  // Boundaries (issue 18; also checked, with cycles, by dependency-cruiser: .dependency-cruiser.cjs, `npm run
  // check:graph`). A feature is used only through its public face, features/<name>/index.ts; platform/ and db/
  // never import a feature or the composition root. These blocks come after the process.env block, so they
  // repeat its process.env paths (the last no-restricted-imports for a file wins).
  {
    files: ['src/server/features/**'],
    ignores: [...TEST_FILES, ...FIXTURE_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: processEnvPaths,
          patterns: [{ regex: '^\\.\\./[^./][^/]*/(?!index\\.js$)', message: faceMessage }],
        },
      ],
    },
  },
  {
    files: [
      'src/server/features/**/*.test.ts',
      ...FIXTURE_FILES.map((glob) => `src/server/features/${glob}`),
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/(?!index\\.js$|[^/]*\\.test-kit\\.js$)',
              message: `${faceMessage} Tests may also use another feature's *.test-kit.ts.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/platform/**', 'src/server/db/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: processEnvPaths,
          patterns: [
            {
              regex: '(^|/)features/',
              message:
                'platform/ and db/ sit below the features and never import one: offer an interface the feature registers with, wired in bootstrap.ts (issue 18).',
            },
            {
              regex:
                '^(\\.\\./)+(app|bootstrap|background|scheduled-checks|main|cli)\\.js$|(^|/)(reads|demo)/',
              message:
                'platform/ and db/ never import the composition root (app, bootstrap, background, reads/, demo/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/*.ts', 'src/server/reads/**', 'src/server/testing/**'],
    ignores: ['src/server/config.ts', ...TEST_FILES.filter((glob) => !glob.includes('testing'))],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: processEnvPaths,
          patterns: [
            { regex: '(^|/)features/[^/]+/(?!index\\.js$|[^/]*\\.test-kit\\.js$)', message: faceMessage },
          ],
        },
      ],
    },
  },

  // One time module (issue 18): local dates, times and zones only through src/shared/time.
  {
    files: ['src/**'],
    ignores: ['src/shared/time/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='getTimezoneOffset']",
          message: 'Use src/shared/time (localDateTime, instantAt) instead of the process zone offset.',
        },
        {
          selector: "CallExpression[callee.property.name='toLocaleDateString'][arguments.0.value='en-CA']",
          message: 'Use src/shared/time (localDate) or browserToday() for a YYYY-MM-DD date.',
        },
      ],
    },
  },
  {
    files: ['src/server/**', 'src/shared/**'],
    ignores: ['src/shared/time/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: 'Local dates and times come from src/shared/time (one cached formatter per zone).',
        },
        {
          selector: "CallExpression[callee.property.name='getTimezoneOffset']",
          message: 'Use src/shared/time (localDateTime, instantAt) instead of the process zone offset.',
        },
      ],
    },
  },

  // Tests: a little looser where strictness only adds noise (parsed JSON bodies, spies, non-null lookups).
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
);
