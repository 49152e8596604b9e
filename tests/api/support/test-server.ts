/**
 * Real servers for the API tests. The shared one comes from the global setup; a test file that
 * hammers heavy routes or needs its own state (audit log, rate-limit windows, users) starts its
 * own with `startTestServer`, on a free port over the same demo build.
 *
 * Failed logins are limited per client address and per account, so these helpers log in from a
 * random loopback address (127.x.y.z is all this machine) instead of 127.0.0.1: a test that
 * fails logins on purpose then never holds back another test's login.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Role } from '../../../server/auth/roles';
import { configFromEnv, type ServerConfig } from '../../../server/config';
import { startServer, type RunningServer } from '../../../server/main';
import { anonymousClient, sessionClient, type ApiClient } from '../../support/api-client';
import { loginFrom } from './raw-http';

/**
 * Heavy routes allow 120 requests a minute per user in production; tests that send hundreds on
 * purpose lift that (the limit itself is tested on its own in sessions-csrf.test.ts).
 */
export const TEST_HEAVY_REQUESTS_PER_MINUTE = 1_000_000;

export interface TestServer {
  url: string;
  stateDir: string;
  running: RunningServer;
  /** A logged-in client of this role (one login per role, reused). */
  session(role: Role): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): Promise<void>;
}

/** A server of its own; a `stateDir` given in the overrides is the caller's to remove. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const ownStateDir = overrides.stateDir === undefined;
  const stateDir = overrides.stateDir ?? mkdtempSync(path.join(os.tmpdir(), 'tlg-api-test-state-'));
  const running = await startServer(
    {
      ...configFromEnv(),
      dataDir: inject('dataDir'),
      host: '127.0.0.1',
      port: 0,
      stateDir,
      demoPassword: inject('demoPassword'),
      logRequests: false,
      heavyRequestsPerMinute: TEST_HEAVY_REQUESTS_PER_MINUTE,
      ...overrides,
    },
    () => {},
  );
  await running.ready;
  const sessions = new Map<Role, Promise<ApiClient>>();
  return {
    url: running.url,
    stateDir,
    running,
    session(role) {
      let client = sessions.get(role);
      if (!client) {
        client = logIn(role, running.url);
        sessions.set(role, client);
      }
      return client;
    },
    anonymous: () => anonymousClient(running.url),
    async close() {
      await running.close();
      if (ownStateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

const sharedSessions = new Map<Role, Promise<ApiClient>>();

/** A client of the shared server logged in as this role (one login per role and test file). */
export function sharedSession(role: Role): Promise<ApiClient> {
  let client = sharedSessions.get(role);
  if (!client) {
    client = logIn(role, inject('baseUrl'));
    sharedSessions.set(role, client);
  }
  return client;
}

/** A loopback address other than 127.0.0.1, different for (almost) every login. */
const randomLoopback = () => `127.${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** Logs in as the demo account of a role and returns a client that sends its cookie and CSRF token. */
async function logIn(role: Role, baseUrl: string): Promise<ApiClient> {
  const res = await loginFrom(baseUrl, randomLoopback(), { username: `demo-${role}`, password: inject('demoPassword') });
  if (res.status !== 204) throw new Error(`login as demo-${role} failed: ${res.status} ${res.body.toString()}`);
  return sessionClient(baseUrl, role, String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!);
}

/** Builds `path?k=v&…` from an object, leaving out undefined values. */
export function withQuery(pathname: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${pathname}?${text}` : pathname;
}
