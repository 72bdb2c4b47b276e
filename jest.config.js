// Three tiers, as in immich: unit (pure logic, mocks allowed), integration (real PostgreSQL,
// PGlite TimescaleDB, real simulator targets), e2e (the whole app over HTTP / browser).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // intl-messageformat and @formatjs (ICU plurals of the public pages) ship ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  moduleNameMapper: {
    '^@kuzet/contracts$': '<rootDir>/libs/contracts/src',
    '^@kuzet/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
    '^@kuzet/checks$': '<rootDir>/libs/checks/src',
    '^@kuzet/detection$': '<rootDir>/libs/detection/src',
    '^@kuzet/scoring$': '<rootDir>/libs/scoring/src',
    '^@kuzet/spool$': '<rootDir>/libs/spool/src',
    '^@kuzet/simulator$': '<rootDir>/apps/simulator/src',
  },
  testEnvironment: 'node',
  // The same globals on Node 20 and 24 (see the file).
  setupFiles: ['<rootDir>/test/setup/node-globals.ts'],
  rootDir: __dirname,
};
module.exports = {
  // Jest reads testTimeout from the top level only; unit tests never come near it.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/integration-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/integration-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/test/e2e/**/*.e2e-spec.ts',
        '<rootDir>/test/scenarios/**/*.scenario-spec.ts',
        '<rootDir>/test/browser/**/*.browser-spec.ts',
      ],
      globalSetup: '<rootDir>/test/setup/integration-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/integration-global-teardown.ts',
    },
  ],
};
