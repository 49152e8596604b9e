/**
 * The audit log fails closed. With the state directory full or read-only, no aggregate, session
 * or account change is given without its entry on disk: each is 503 audit_unavailable instead,
 * and the server answers again once the disk can be written. A server killed with SIGKILL in the
 * middle of a burst leaves an entry for every answer it gave, and whole lines only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditLog } from '../../server/state/audit-log';
import type { ApiClient } from '../support/api-client';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { startChildServer, type ChildServer } from './support/child-server';
import { expectApiError } from './support/error-shape';
import { loginFrom, rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/test-server';

/** Requests in flight at once during a burst. */
const CONCURRENCY = 16;
/** Big enough for the server's first entries, small enough to fill at once. */
const DISK_BYTES = 1024 * 1024;
const DAY_MS = 86_400_000;

/** The nth distinct summary request: its own `from`, so each answer can be found in the log. */
const nthFrom = (n: number) => new Date(Date.UTC(2017, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);

interface Entry {
  action: string;
  path: string | null;
  params: Record<string, string>;
  status: number | null;
}

/** Every line of the log, parsed; a line that is not whole JSON fails the test. */
function entries(dir: string): Entry[] {
  const text = readFileSync(path.join(dir, 'audit', 'audit.log'), 'utf8');
  expect(text.endsWith('\n'), 'the log ends with a whole line').toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry);
}

/** Sends summary requests n = first … first+count−1, CONCURRENCY at a time; the status of each `from`. */
async function burst(client: ApiClient, first: number, count: number): Promise<Map<string, Response>> {
  const answers = new Map<string, Response>();
  for (let i = first; i < first + count; i += CONCURRENCY) {
    const froms = Array.from({ length: Math.min(CONCURRENCY, first + count - i) }, (_, j) => nthFrom(i + j));
    const responses = await Promise.all(froms.map((from) => client.get(`/api/summary?from=${from}`)));
    froms.forEach((from, j) => answers.set(from, responses[j]!));
  }
  return answers;
}

/** The `from`s the log holds a 200 summary entry for. */
function loggedAnswers(dir: string): Set<string> {
  return new Set(entries(dir).filter((e) => e.path === '/api/summary' && e.status === 200 && e.params.from).map((e) => e.params.from!));
}

describe.skipIf(!canMountSmallDisk())('on a real small disk (tmpfs; needs root)', () => {
  let disk: SmallDisk;
  let server: TestServer;
  let viewer: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    disk = mountSmallDisk(DISK_BYTES)!;
    server = await startTestServer({ stateDir: disk.dir });
    viewer = await server.session('viewer');
    admin = await server.session('admin');
  });
  afterAll(async () => {
    await server?.close();
    disk?.unmount();
  });

  describe('a full state directory', () => {
    it('given the disk full, then of 300 aggregate requests none is answered without its entry on disk: the rest are 503 audit_unavailable', async () => {
      disk.fill();
      const answers = await burst(viewer, 0, 300);
      const logged = loggedAnswers(disk.dir);
      let refused = 0;
      for (const [from, res] of answers) {
        if (res.status === 200) {
          expect(logged.has(from), `answered ${from} without an entry`).toBe(true);
          continue;
        }
        const body = await expectApiError(res, 503, 'audit_unavailable', from);
        expect(body.error.message).toMatch(/^Không ghi được nhật ký/);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        refused++;
      }
      // Only what fitted in the log file's last page can have been written.
      expect(refused).toBeGreaterThan(250);
    });

    it('given the disk full, then logging in is refused with 503 and no cookie: a session is granted only with its entry', async () => {
      const res = await loginFrom(server.url, '127.0.9.1', { username: 'demo-analyst', password: inject('demoPassword') });
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'audit_unavailable' } });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('given the disk full, then an account change is refused with 503, and the account does not appear later', async () => {
      const res = await admin.send('POST', '/api/users', { username: 'full-disk-user', role: 'admin', password: 'a long enough password' });
      expect(res.status).toBe(503);
      disk.free();
      const { users } = await admin.json<{ users: { username: string }[] }>('/api/users');
      expect(users.map((u) => u.username)).not.toContain('full-disk-user');
    });

    it('once space is freed, aggregates are answered again, each with its entry', async () => {
      disk.free();
      const answers = await burst(viewer, 400, 50);
      const logged = loggedAnswers(disk.dir);
      for (const [from, res] of answers) {
        expect(res.status).toBe(200);
        expect(logged.has(from)).toBe(true);
      }
    });
  });

  describe('a read-only state directory', () => {
    it('given the state directory remounted read-only, then every aggregate is 503 audit_unavailable and none is answered', async () => {
      disk.readOnly();
      try {
        const answers = await burst(viewer, 500, 50);
        for (const res of answers.values()) await expectApiError(res, 503, 'audit_unavailable');
        // A refusal discloses nothing, so it is still answered as one, logged or not.
        await expectApiError(await server.anonymous().get('/api/summary'), 401, 'unauthenticated');
      } finally {
        disk.writable();
      }
      expect([...loggedAnswers(disk.dir)].filter((from) => from >= nthFrom(500))).toEqual([]);
    });

    it('writable again, aggregates are answered and logged', async () => {
      const answers = await burst(viewer, 600, 20);
      const logged = loggedAnswers(disk.dir);
      for (const [from, res] of answers) {
        expect(res.status).toBe(200);
        expect(logged.has(from)).toBe(true);
      }
    });
  });
});

describe('a server killed with SIGKILL in the middle of a burst', () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-audit-kill-'));
  let child: ChildServer;
  afterAll(async () => {
    child?.process.kill('SIGKILL');
    await child?.exited;
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('left an entry for every answer it gave, and whole lines only (a batch cut by the kill is removed before the next entry)', async () => {
    child = await startChildServer({ dataDir: inject('dataDir'), stateDir, demoPassword: inject('demoPassword') });
    const login = await loginFrom(child.url, '127.0.9.2', { username: 'demo-viewer', password: inject('demoPassword') });
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    const answered: string[] = [];
    let sent = 0;
    const KILL_AFTER = 150;
    const worker = async () => {
      while (sent < 2000) {
        const from = nthFrom(sent++);
        try {
          const res = await rawRequest(`${child.url}/api/summary?from=${from}`, { headers: { cookie } });
          if (res.status === 200) answered.push(from);
          if (answered.length === KILL_AFTER) child.process.kill('SIGKILL');
        } catch {
          return; // the connection died with the server
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await child.exited;
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sent, 'the burst was cut short by the kill').toBeLessThan(2000);
    await expect(fetch(`${child.url}/api/health`)).rejects.toThrow();

    const file = path.join(stateDir, 'audit', 'audit.log');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Every line but a cut-off tail is whole.
    for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line), line.slice(0, 120)).not.toThrow();
    // The next writer cuts off whatever the kill left half written.
    await new AuditLog(path.join(stateDir, 'audit')).record({ user: null, role: null, action: 'test.after-kill', method: null, path: null, params: {}, status: null });
    const logged = loggedAnswers(stateDir);
    for (const from of answered) expect(logged.has(from), `answered ${from} without an entry`).toBe(true);
  });
});
