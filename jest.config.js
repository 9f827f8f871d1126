// One jest run for the whole monorepo, in tiers (see README, "Tests"):
//   unit        *.spec.ts      pure logic, no infrastructure
//   integration *.int-spec.ts  one service or lib against the real Kafka, Postgres and Redis
//   e2e         *.e2e-spec.ts  the services as separate processes, driven through HTTP and topics
// The integration and e2e tiers take Kafka, Postgres and Redis from TEST_INFRA=auto|local|containers
// (libs/testing/src/jest/test-infra.ts).
// Tests are compiled with SWC (decorator metadata on, no type checking: `npm run typecheck` does that).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // jose is ESM-only: SWC turns it into CommonJS like our own code.
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    // The unit-test part of the harness, without its infrastructure imports.
    '^@grievance/testing/unit$': '<rootDir>/libs/testing/src/unit.ts',
    '^@grievance/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy', '<rootDir>/e2e'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

const projects = [
  {
    ...shared,
    displayName: 'unit',
    testMatch: ['**/*.spec.ts'],
  },
  {
    ...shared,
    displayName: 'integration',
    testMatch: ['**/*.int-spec.ts'],
    globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
    globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/integration-timeout.ts', '<rootDir>/libs/testing/src/jest/drop-test-topics.ts'],
  },
  {
    ...shared,
    displayName: 'e2e',
    testMatch: ['**/*.e2e-spec.ts'],
    globalSetup: '<rootDir>/e2e/global-setup.ts',
    globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/integration-timeout.ts', '<rootDir>/libs/testing/src/jest/drop-test-topics.ts'],
  },
];

// TEST_TIER=unit|integration|e2e runs one tier (npm run test:unit etc.); a path after it narrows further.
const tier = process.env.TEST_TIER;
if (tier && !projects.some((p) => p.displayName === tier)) throw new Error(`TEST_TIER=${tier}: no such tier`);

module.exports = {
  // Kafka and Redis clients can keep a socket or timer alive for a moment after a suite's
  // teardown; the run is over once every test has reported, so do not wait for them.
  forceExit: true,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  projects: tier ? projects.filter((p) => p.displayName === tier) : projects,
};
