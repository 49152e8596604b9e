/**
 * The real server in a child process (server/main.ts, configured by environment as in
 * production), for tests that kill it with SIGKILL mid-burst.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT } from '../../../data/paths';

/** Loading the demo build and hashing the demo passwords takes a few seconds here; allow for a busy machine. */
const START_TIMEOUT_MS = 120_000;

export interface ChildServer {
  url: string;
  process: ChildProcess;
  exited: Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export async function startChildServer(env: { dataDir: string; stateDir: string; demoPassword: string }): Promise<ChildServer> {
  const port = await freePort();
  // One process (node with tsx's loader), not the tsx CLI, which would run the server in a grandchild a SIGKILL never reaches.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TLG_DATA_DIR: env.dataDir,
      TLG_STATE_DIR: env.stateDir,
      TLG_DEMO_PASSWORD: env.demoPassword,
      TLG_LOG_REQUESTS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return { url, process: child, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server at ${url} did not become healthy within ${START_TIMEOUT_MS / 1000} s`);
}
