// Import rules for the server (issue 18), checked in CI by `npm run check:graph`.
//  - A feature's code is used by other features and by the platform only through its public face,
//    src/server/features/<name>/index.ts. Test files and the cross-feature test kits (*.test-kit.ts) are
//    one explicit exception; the demo clinic's seeding (src/server/demo/) is the other: it writes each
//    feature's demo rows through that feature's own service or repository, never another's.
//  - platform/, db/ (migrations), reads/ and src/shared never import a feature: the platform offers a
//    registration point (an interface) and the composition root (app.ts, main.ts, bootstrap.ts) wires
//    the features in.
//  - No import cycle anywhere: between features, through platform/, db/, reads/, src/shared and the
//    composition root, nor inside one feature's own files.
// The same face rule is an ESLint `no-restricted-imports` pattern (eslint.config.js), so editors show it.

const TESTS = '(\\.test\\.ts$|\\.test-kit\\.ts$|^src/server/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular-across-features',
      severity: 'error',
      comment:
        'No import cycle through another feature or a layer: move shared pure logic to src/shared, or invert with events or registration.',
      from: { path: '^src/server/features/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^src/server/features/$1/' },
    },
    {
      name: 'no-circular-in-layers',
      severity: 'error',
      comment: 'No import cycle in platform/, db/, reads/, src/shared or the composition root.',
      from: { path: '^src/(server|shared)/', pathNot: '^src/server/features/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-in-a-feature',
      severity: 'error',
      comment:
        "No import cycle inside one feature's files either: split the file both sides need (e.g. measures' responses.repository.ts).",
      from: { path: '^src/server/features/' },
      to: { circular: true },
    },
    {
      name: 'feature-public-face',
      severity: 'error',
      comment:
        "Another feature's code is imported only through its public face, features/<name>/index.ts (issue 18).",
      from: { path: '^src/server/features/([^/]+)/', pathNot: TESTS },
      to: {
        path: '^src/server/features/',
        pathNot: ['^src/server/features/$1/', '^src/server/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'feature-public-face-outside',
      severity: 'error',
      comment:
        'Outside the features, code imports a feature only through its public face, features/<name>/index.ts.',
      from: { path: '^src/server/', pathNot: ['^src/server/features/', '^src/server/demo/', TESTS] },
      to: { path: '^src/server/features/[^/]+/', pathNot: '^src/server/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'production-not-into-tests',
      severity: 'error',
      comment: 'Production code never imports a test, a test kit (*.test-kit.ts) or src/server/testing/.',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'tests-use-faces-or-fixtures',
      severity: 'error',
      comment: 'Tests use another feature through its face, or through a shared test kit (*.test-kit.ts).',
      from: {
        path: ['^src/server/features/([^/]+)/.*' + TESTS, '^src/server/(?!features/|demo/).*' + TESTS],
      },
      to: {
        path: '^src/server/features/',
        pathNot: ['^src/server/features/$1/', '^src/server/features/[^/]+/index\\.ts$', '\\.test-kit\\.ts$'],
      },
    },
    {
      name: 'lower-layers-not-up-into-features',
      severity: 'error',
      comment:
        'platform/, db/ and src/shared sit below the features: they offer interfaces the features register with.',
      from: { path: '^src/(server/(platform|db)|shared)/', pathNot: TESTS },
      to: { path: '^src/server/features/' },
    },
    {
      name: 'lower-layers-not-up-into-the-composition-root',
      severity: 'error',
      comment:
        'The composition root (app.ts, bootstrap.ts, background.ts, scheduled-checks.ts, reads/, demo/) wires features into the platform; the platform does not import it.',
      from: { path: '^src/(server/(platform|db)|shared)/', pathNot: TESTS },
      to: {
        path: [
          '^src/server/(app|bootstrap|background|scheduled-checks|main|cli)\\.ts$',
          '^src/server/(reads|demo)/',
        ],
      },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'src/shared runs in the server and the browser: it imports neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/(server|shared)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
