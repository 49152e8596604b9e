/** A real server in a child process for the benchmarks, so client and server do not share an event loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../data/paths';
import { ROLLUP_WARM_LOG } from '../../server/dataset/holder';

export const BENCH_PASSWORD = 'bench-demo-password';

export interface BenchServer {
  baseUrl: string;
  /** The server's process id (its memory is read from /proc). */
  pid: number | undefined;
  cookie: (role: 'viewer' | 'analyst' | 'admin') => Promise<string>;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${baseUrl} did not become healthy within ${timeoutMs / 1000} s`);
}

export async function startBenchServer(dataDir: string): Promise<BenchServer> {
  const port = await freePort();
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-bench-state-'));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TLG_DATA_DIR: dataDir,
      TLG_STATE_DIR: stateDir,
      TLG_DEMO_PASSWORD: BENCH_PASSWORD,
      TLG_LOG_REQUESTS: '0',
      // the benchmark measures latency, not the per-user rate limit
      TLG_HEAVY_REQUESTS_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A server in service has its daily rollup in memory: measure that one, not its first seconds.
  let warm = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes(ROLLUP_WARM_LOG)) warm = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, child, 600_000);
  while (!warm && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  const cookies = new Map<string, string>();
  return {
    baseUrl,
    pid: child.pid,
    cookie: async (role) => {
      const cached = cookies.get(role);
      if (cached) return cached;
      const res = await fetch(`${baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: `demo-${role}`, password: BENCH_PASSWORD }),
      });
      if (res.status !== 204) throw new Error(`bench login failed: ${res.status}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      cookies.set(role, cookie);
      return cookie;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
