/**
 * `npm test`: every test (unit, data, api, e2e) in one Vitest run, then the plain closing line
 * `N passed, N failed` that CI reads. Extra arguments go to Vitest (e.g. a file filter).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../data/paths';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}

const resultsDir = path.join(REPO_ROOT, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const reportPath = path.join(resultsDir, 'vitest.json');

const vitest = spawnSync(
  process.execPath,
  [
    path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
    ...process.argv.slice(2),
  ],
  { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
);

let passed = 0;
let failed = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as VitestJsonReport;
  passed = report.numPassedTests;
  failed = report.numFailedTests;
}
// A crashed run (no report, or a failing setup with no test failures) must not read as green.
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
