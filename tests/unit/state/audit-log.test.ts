/**
 * The audit log on real files: an entry is acknowledged only once it is on disk, concurrent
 * entries all land in order, a tail torn by a crash is cut off (and the cut logged), rotation
 * never overwrites an old log, and a disk that is full, read-only or missing makes `record`
 * reject — with no torn line left behind — until it can be written again.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AuditLog, AuditUnavailableError, type AuditRecord } from '../../../server/state/audit-log';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../../support/small-disk';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tlg-audit-unit-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const entry = (n: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  user: 'demo-analyst',
  role: 'analyst',
  action: 'read',
  method: 'GET',
  path: '/api/summary',
  params: { n: String(n) },
  status: 200,
  ...extra,
});

/** Every line of every log file in `dir`, parsed; throws on a line that is not JSON. */
function linesIn(dir: string, file = 'audit.log'): Record<string, unknown>[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  expect(text === '' || text.endsWith('\n'), 'the log ends with a whole line').toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('writing', () => {
  it('given one entry, when record resolves, then the line is already in the file, without secret parameters, readable by the owner only', async () => {
    const dir = path.join(tempDir(), 'audit');
    const log = new AuditLog(dir);
    await log.record(entry(1, { params: { from: '2021-01-01', password: 'hunter2', csrf_token: 'abc' } }));
    const [line] = linesIn(dir);
    expect(line).toMatchObject({ user: 'demo-analyst', action: 'read', path: '/api/summary', params: { from: '2021-01-01' }, status: 200 });
    expect(Number.isNaN(Date.parse(String(line!.at)))).toBe(false);
    expect(readFileSync(log.file, 'utf8')).not.toMatch(/hunter2|abc/);
    expect(statSync(log.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('given 300 entries recorded at once, then all 300 resolve and are in the file in the order they were recorded', async () => {
    const dir = tempDir();
    const log = new AuditLog(dir);
    await Promise.all(Array.from({ length: 300 }, (_, n) => log.record(entry(n))));
    expect(linesIn(dir).map((l) => (l.params as { n: string }).n)).toEqual(Array.from({ length: 300 }, (_, n) => String(n)));
  });
});

describe('a torn tail', () => {
  it('given a log whose last line was cut off by a crash, when it is opened again, then the torn bytes are cut and the cut is logged', async () => {
    const dir = tempDir();
    const whole = `${JSON.stringify({ at: '2022-10-25T08:00:00.000Z', ...entry(0) })}\n`;
    const torn = '{"at":"2022-10-25T08:00:01.000Z","user":"demo-ad';
    writeFileSync(path.join(dir, 'audit.log'), whole + torn, { mode: 0o600 });
    const log = new AuditLog(dir);
    await log.record(entry(1));
    const lines = linesIn(dir);
    expect(lines.map((l) => l.action)).toEqual(['read', 'audit.repair', 'read']);
    expect(lines[1]).toMatchObject({ params: { dropped_bytes: String(Buffer.byteLength(torn)) }, method: null, status: null });
  });
});

describe('rotation', () => {
  it('given a 1 KB rotation size, then full logs are moved aside under distinct names and no entry is lost', async () => {
    const dir = tempDir();
    const log = new AuditLog(dir, 1024);
    for (let n = 0; n < 40; n++) await log.record(entry(n));
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => f !== 'audit.log').every((f) => /^audit-[\dT-]+Z?(-\d+)?\.log$/.test(f))).toBe(true);
    for (const file of files) expect(statSync(path.join(dir, file)).size).toBeLessThanOrEqual(1024);
    const numbers = files.flatMap((f) => linesIn(dir, f)).map((l) => Number((l.params as { n: string }).n));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });
});

describe('when the log cannot be written', () => {
  it('given a state folder that is a file, then record rejects with AuditUnavailableError; once it is a folder, records land again', async () => {
    const root = tempDir();
    const dir = path.join(root, 'audit');
    writeFileSync(dir, 'not a folder');
    const log = new AuditLog(dir);
    await expect(log.record(entry(1))).rejects.toBeInstanceOf(AuditUnavailableError);
    rmSync(dir);
    mkdirSync(dir);
    await log.record(entry(2));
    expect(linesIn(dir).map((l) => (l.params as { n: string }).n)).toEqual(['2']);
  });

  describe.skipIf(!canMountSmallDisk())('on a real small disk (tmpfs, root only)', () => {
    let disk: SmallDisk | null = null;
    afterEach(() => {
      disk?.unmount();
      disk = null;
    });

    it('given a full disk, then records reject and every line in the file is whole; once space is freed, records land again', async () => {
      disk = mountSmallDisk(64 * 1024)!;
      const log = new AuditLog(disk.dir);
      await log.record(entry(0));
      disk.fill();
      const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, n) => log.record(entry(n + 1, { params: { n: String(n + 1), padding: 'x'.repeat(300) } }))));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(AuditUnavailableError);
      // Acknowledged entries are in the file; refused ones are not (a short write was cut back off).
      const logged = new Set(linesIn(disk.dir).map((l) => (l.params as { n: string }).n));
      outcomes.forEach((o, i) => expect(logged.has(String(i + 1)), `entry ${i + 1} ${o.status}`).toBe(o.status === 'fulfilled'));
      disk.free();
      await log.record(entry(999));
      expect(linesIn(disk.dir).at(-1)).toMatchObject({ params: { n: '999' } });
      });

    it('given the disk remounted read-only while the log is in use, then records reject; writable again, they land', async () => {
      disk = mountSmallDisk(256 * 1024)!;
      const log = new AuditLog(disk.dir);
      await log.record(entry(1));
      // Possible only because the log holds no descriptor between batches (a writer would block the remount).
      disk.readOnly();
      await expect(log.record(entry(2))).rejects.toBeInstanceOf(AuditUnavailableError);
      await expect(log.record(entry(3))).rejects.toBeInstanceOf(AuditUnavailableError);
      disk.writable();
      await log.record(entry(4));
      expect(linesIn(disk.dir).map((l) => (l.params as { n: string }).n)).toEqual(['1', '4']);
      expect(existsSync(log.file)).toBe(true);
      });
  });
});
