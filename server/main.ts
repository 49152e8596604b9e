/**
 * Server entry point: serve at once (503 on data routes while preparing), make sure the data set
 * is built and current, load the store's active version, follow later switches of it (imports,
 * rollbacks), and keep the demo accounts only while the simulated data are served.
 */
import { serve, type ServerType } from '@hono/node-server';
import { ensureDataset } from '../data/pipeline/ensure';
import { formatPipelineError, isPipelineError } from '../data/pipeline/errors';
import { activeVersionDir } from '../data/store/active';
import { readManifest } from '../data/store/read-manifest';
import type { Manifest } from '../data/schema';
import { createApp } from './app';
import { UserStore } from './auth/users';
import { configFromEnv, type ServerConfig } from './config';
import { DatasetHolder } from './dataset/holder';
import { DemoAccounts } from './demo-accounts';

/**
 * The current build, rebuilt when stale. Where the reference sources are not installed (a server
 * that only received a build), an existing build is served as it is, with a warning.
 */
async function preparedDataset(dataDir: string, log: (line: string) => void): Promise<Manifest> {
  try {
    return await ensureDataset({ store: dataDir, log: (line) => log(`[data] ${line}`) });
  } catch (error) {
    const activeDir = activeVersionDir(dataDir);
    const existing = activeDir ? readManifest(activeDir) : undefined;
    if (!(isPipelineError(error) && error.code === 'SOURCE_MISSING' && existing)) {
      throw isPipelineError(error) ? new Error(formatPipelineError(error)) : error;
    }
    log(`[data] WARNING: ${error.message} Serving the existing build ${existing.version} without checking whether it is current.`);
    return existing;
  }
}

export interface RunningServer {
  url: string;
  server: ServerType;
  holder: DatasetHolder;
  ready: Promise<void>;
  close: () => Promise<void>;
}

export async function startServer(config: ServerConfig = configFromEnv(), log: (line: string) => void = console.log): Promise<RunningServer> {
  const holder = new DatasetHolder();
  const users = await UserStore.open(config.stateDir);
  const { app, sessions, imports } = createApp({ config, holder, users, log });
  const demo = new DemoAccounts(users, sessions, config.demoPassword, log);
  demo.follow(holder);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log(`TLG Atlas listening on ${url}`);

  const ready = (async () => {
    const manifest = await preparedDataset(config.dataDir, log);
    // Accounts first: the data set becomes visible (health 200) only when logging in works.
    if (manifest.synthetic) await demo.enable();
    const loaded = await holder.loadActive(config.dataDir);
    holder.watch(config.dataDir, log);
    log(`Data set ${loaded.version} loaded${loaded.synthetic ? ' (SIMULATED demo data)' : ''}.`);
  })();
  ready.catch((error: unknown) => {
    const message = (error as Error).message;
    if (holder.state.status !== 'ready') holder.state = { status: 'error', message };
    log(`The data set could not be prepared: ${message}`);
  });

  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      imports.close();
      holder.close();
    });
  return { url, server, holder, ready, close };
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const running = await startServer();
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
