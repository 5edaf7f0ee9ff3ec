/** Unit specs live beside the code (`*.spec.ts`); integration specs in `test/` (`*.e2e-spec.ts`). */
const swc = ['@swc/jest', { swcrc: true }];
const transform = { '^.+\\.ts$': swc };
const moduleNameMapper = {
  '^@app/(common|operators|catalogue|sessions|wallet|protocols)(/.*)?$': '<rootDir>/libs/$1/src$2',
  '^@app/sim(/.*)?$': '<rootDir>/apps/sim/src$1',
  '^@app/db(/.*)?$': '<rootDir>/db$1',
};
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/setup-db.ts'],
    },
  ],
};
