import { defineConfig } from 'vitest/config';

/**
 * Five kinds of tests, one run: unit (pure functions, small fixtures), data (the data build),
 * import (importing real registers into a store: readers, rules, versions, CLI, kill safety),
 * api (real server over the real DuckDB build of the demo data) and e2e (real Chromium against
 * the real server). The api and e2e projects each start their own server in a global setup.
 */
const serverSetup = 'tests/support/global-setup.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'data', include: ['tests/data/**/*.test.ts'], fileParallelism: false } },
      // Imports of real registers into temp stores: one file at a time (each builds versions and spawns the CLI).
      { extends: true, test: { name: 'import', include: ['tests/import/**/*.test.ts'], fileParallelism: false, testTimeout: 180_000 } },
      { extends: true, test: { name: 'api', include: ['tests/api/**/*.test.ts'], globalSetup: [serverSetup] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [serverSetup],
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
