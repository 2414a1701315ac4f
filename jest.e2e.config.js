/**
 * Browser tests (`npm run test:e2e`): playwright-core driving Debian's Chromium against the local
 * stack. One file at a time; screenshots of failures land in test-results/.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/e2e/support/screenshot-environment.js',
  globalSetup: '<rootDir>/test/e2e/support/preflight.js',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: { module: 'commonjs' } }] },
  testTimeout: 120000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
