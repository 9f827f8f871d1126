import nx from '@nx/eslint-plugin';

const services = ['intake', 'routing', 'grid-dispatch', 'feedback', 'audit', 'console'];
const kafkajsOnlyInMessaging = { name: 'kafkajs', message: 'Only libs/messaging talks to Kafka.' };
const testingOnlyInTests = { name: '@grievance/testing', message: 'The test harness is for tests only.' };
const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];
const harnessPatterns = [{ group: ['**/libs/testing/**'], message: 'The test harness is for tests only.' }];
const serviceInternals = { group: ['**/services/*/src/**', '**/services/*/test/**'], message: "Use a service's public interface (its built entry point, its HTTP API, its events), not its internals." };

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', '.nx/**', 'reports/**', 'coverage/**', 'tools/jest/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      // A service imports only shared libs, never another service; libs never import services.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // The test harness builds on the shared libs, and their own tests use the harness.
          ignoredCircularDependencies: ['contracts', 'auth', 'messaging', 'platform'].map((lib) => [lib, 'testing']),
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...services.map((s) => ({ sourceTag: `scope:${s}`, onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'] })),
            // type:testing is allowed everywhere for test files; production code is kept off it below.
            // type:provisioning (throwaway databases, private brokers) is for the harness and the bench only.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:data-access', 'type:testing'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util', 'type:provisioning', 'type:testing'] },
            { sourceTag: 'type:provisioning', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An un-awaited send is a lost event.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // kafkajs is in maintenance mode: only libs/messaging may touch it, so it can be swapped.
  // The test harness is for tests: production code must not import it.
  // (A later block replaces the rule's options for the files it matches, so each block lists all that apply.)
  {
    files: ['**/*.ts'],
    ignores: ['libs/messaging/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [kafkajsOnlyInMessaging] }] },
  },
  {
    files: ['libs/*/src/**/*.ts', 'services/*/src/**/*.ts'],
    ignores: ['libs/testing/**', 'libs/messaging/**', ...testFiles],
    rules: { 'no-restricted-imports': ['error', { paths: [kafkajsOnlyInMessaging, testingOnlyInTests] }] },
  },
  {
    files: ['libs/messaging/src/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [testingOnlyInTests] }] },
  },
  // The local deployment tooling and the bench run without the test harness (their throwaway
  // infrastructure comes from @grievance/provisioning); the bench drives services from outside.
  {
    files: ['deploy/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [kafkajsOnlyInMessaging, testingOnlyInTests], patterns: harnessPatterns }] },
  },
  {
    files: ['bench/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [kafkajsOnlyInMessaging, testingOnlyInTests], patterns: [...harnessPatterns, serviceInternals] }] },
  },
];
