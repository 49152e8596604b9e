/**
 * `npm run dev`: the API server (reloaded on change by tsx watch) and the Vite dev server with
 * hot reload, which proxies /api to it. Open the URL Vite prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../data/paths';

const node = process.execPath;
const children = [
  spawn(node, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', 'server/main.ts'], { cwd: REPO_ROOT, stdio: 'inherit' }),
  spawn(node, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js')], { cwd: REPO_ROOT, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', (code) => code && code !== 0 && stop());
