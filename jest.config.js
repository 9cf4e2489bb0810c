// One jest configuration, three projects (README.md, "Development"):
// unit tests next to the code, integration tests against real Postgres and Redis, and end-to-end
// tests in a real browser. scripts/test.mjs runs them in that order and prints the summary line.
const tsJest = ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: {
    '^@reps/(shared|engine)$': '<rootDir>/packages/$1/src/index.ts',
    // Subpath exports of plain-data modules (packages/shared/package.json).
    '^@reps/shared/(step-kinds|trace-rows)$': '<rootDir>/packages/shared/src/$1.ts',
    // apps/web/vite.config.ts generates this module from @reps/shared at build time.
    '^virtual:step-kinds$': '<rootDir>/packages/shared/src/step-kinds.ts',
    '^virtual:contracts$': '<rootDir>/packages/shared/src/api/statuses.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};

export default {
  // Speed is measured in benchmarks (npm run bench), not here: a test that spawns the CLI or a
  // grading thread may wait its turn while the catalogue's calibrations load both cores.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/packages/*/src/**/*.test.ts',
        '<rootDir>/apps/api/src/**/*.test.ts',
        '<rootDir>/apps/web/src/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
    },
  ],
};
