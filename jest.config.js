// Jest configuration: ts-jest for every TypeScript test; type checking runs separately (npm run typecheck).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  testTimeout: 30000,
  // Two suites at once on CI's 2 cores (jest's default leaves one core to its idle parent): the suites are CPU-bound emulator work.
  maxWorkers: 2,
};
