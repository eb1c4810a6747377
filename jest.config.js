/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Silences restify's DEP0111 (process.binding) in jest and every process a test starts; nothing else.
  globalSetup: '<rootDir>/tests/helpers/quietDeprecations.js',
  // Browser and multi-process tests share two cores; keep parallelism modest.
  maxWorkers: 2,
};
