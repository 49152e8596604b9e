/**
 * The admin upload flow in a real browser, on a server and store of its own, as a real (not
 * demo) administrator: a workbook with one bad row is uploaded → the report table shows that
 * row → the valid rows are imported → the briefing shows real data beside the published figures
 * (no simulated-data banner) → the versions list shows the new version active → the demo
 * version is activated again (confirmed first) and the banner is back. Screens are captured at
 * 1280×720 and 1600×900.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { UserStore } from '../../server/auth/users';
import { configFromEnv } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { privateStore, removePrivateStores, SAMPLE_GROUPS } from '../api/support/admin-samples';
import { writeXlsx } from '../import/fixtures/write-files';
import { foreignRequests, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';

const ADMIN = { username: 'canbo.pv05', password: 'mật khẩu của cán bộ PV05' };
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
] as const;
/** A validation, then an import: two importer processes, each a minute at worst on a loaded machine. */
const IMPORTER_TIMEOUT_MS = 150_000;

let server: RunningServer;
let stateDir: string;
let browser: Browser;
let tab: RecordedPage;
let workbook: string;
let demoVersion: string;

/** The same screen at both sizes, then back to the first. */
async function screens(name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await tab.page.setViewportSize(size);
    await screenshot(tab.page, `${name}-${size.width}x${size.height}`);
  }
}

/** Leaves the admin screens after the data set changed: the page reloads, then the map gets ready. */
async function backToTheMap(): Promise<void> {
  await Promise.all([tab.page.waitForEvent('load'), tab.page.getByTestId('admin-close').click()]);
  await waitForReady(tab.page);
}

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'tlg-e2e-admin-state-'));
  await (await UserStore.open(stateDir)).add(ADMIN.username, 'admin', ADMIN.password);
  server = await startServer({ ...configFromEnv(), dataDir: privateStore('e2e-admin'), port: 0, stateDir, demoPassword: inject('demoPassword'), logRequests: false }, () => {});
  await server.ready;
  demoVersion = server.holder.state.status === 'ready' ? server.holder.state.dataset.version : '';
  workbook = path.join(mkdtempSync(path.join(os.tmpdir(), 'tlg-e2e-admin-files-')), 'tổ-liên-gia.xlsx');
  const [headings, ...rows] = SAMPLE_GROUPS;
  await writeXlsx(workbook, headings!.map(String), rows);
  browser = await launchBrowser();
  tab = await openPage(browser);
  await tab.page.setViewportSize(SIZES[0]);
  await logIn(tab.context, server.url, ADMIN.username, ADMIN.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(path.dirname(workbook), { recursive: true, force: true });
  removePrivateStores();
});

describe('admin upload flow', () => {
  it('the header offers data administration to an admin; it opens on the import tab with the templates', async () => {
    await tab.page.goto(`${server.url}/`);
    await waitForReady(tab.page);
    expect(await tab.page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    await tab.page.getByTestId('open-admin').click();
    await expect.poll(() => tab.page.getByTestId('upload-form').isVisible()).toBe(true);
    expect(await tab.page.getByTestId('template-groups-xlsx').getAttribute('href')).toBe('/api/admin/templates/groups?format=xlsx');
    await screens('admin-import');
  });

  it('uploading a workbook with one bad row shows that row in the report table, with the fix', { timeout: IMPORTER_TIMEOUT_MS }, async () => {
    await tab.page.getByTestId('upload-file').setInputFiles(workbook);
    await tab.page.getByTestId('upload-submit').click();
    const problems = tab.page.getByTestId('report-problems');
    await problems.waitFor({ timeout: IMPORTER_TIMEOUT_MS });
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-row')).toBe('3');
    expect(await rows.first().getAttribute('data-code')).toBe('DATE_MONTH_FIRST');
    expect(await rows.first().locator('td').nth(4).textContent()).toBe('ghi ngày trước, tháng sau: 25/10/2022.');
    expect(await tab.page.getByTestId('report-summary').textContent()).toBe('Đã đọc 2 dòng: 1 dòng hợp lệ, 1 dòng bị từ chối.');
    expect(await tab.page.getByTestId('upload-outcome').textContent()).toContain('tổ-liên-gia.xlsx');
    expect(await tab.page.getByTestId('import-all').isDisabled()).toBe(true);
    expect(await tab.page.getByTestId('rejected-xlsx').getAttribute('href')).toMatch(/^\/api\/admin\/uploads\/[0-9a-f]{16}\/rejected\?format=xlsx$/);
    await screens('admin-report');
  });

  it('importing the valid rows makes a new real version, in use', { timeout: IMPORTER_TIMEOUT_MS }, async () => {
    await tab.page.getByTestId('import-valid').click();
    const done = tab.page.getByTestId('import-done');
    await done.waitFor({ timeout: IMPORTER_TIMEOUT_MS });
    expect(await done.textContent()).toMatch(/^Đã nhập 1 dòng vào phiên bản dữ liệu \d{8}T\d{6}Z-[0-9a-f]{8}; phiên bản này đang được dùng\. 1 dòng bị từ chối không được nhập\.$/);
    expect(await tab.page.getByTestId('dataset-changed').isVisible()).toBe(true);
  });

  it('back on the map (reloaded): no simulated-data banner; each card beside the published figure', async () => {
    await backToTheMap();
    expect(await tab.page.getByTestId('synthetic-banner').count()).toBe(0);
    const groups = tab.page.getByTestId('published-groups');
    expect(await groups.textContent()).toBe('đã nhập 1 · công bố 10.762 · −10.761');
    expect(await tab.page.getByTestId('published-tips').textContent()).toBe('đã nhập 0 · công bố hơn 6.000 · −6.000');
    expect(await tab.page.getByTestId('card-groups').getAttribute('data-value')).toBe('1');
    await screens('briefing-real');
  });

  it('the versions list shows the new version active; activating the demo version, confirmed, brings the banner back', { timeout: IMPORTER_TIMEOUT_MS }, async () => {
    await tab.page.getByTestId('open-admin').click();
    await tab.page.getByTestId('admin-tab-versions').click();
    const rows = tab.page.getByTestId('version-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-active')).toBe('true');
    expect(await rows.first().getAttribute('data-synthetic')).toBe('false');
    expect(await rows.first().textContent()).toContain('Tổ liên gia tự quản: tổ-liên-gia.xlsx (1 dòng nhập, 1 bị từ chối; canbo.pv05');
    await screens('admin-versions');

    const demo = tab.page.locator(`[data-testid="version-row"][data-version="${demoVersion}"]`);
    await demo.getByTestId('version-activate').click();
    await expect.poll(() => tab.page.getByTestId('activate-confirm').isVisible()).toBe(true);
    await screens('admin-activate-confirm');
    await tab.page.getByTestId('activate-yes').click();
    await expect.poll(() => demo.getAttribute('data-active'), { timeout: 15_000 }).toBe('true');
    expect(await demo.getByTestId('version-active').textContent()).toBe('Đang dùng');

    await backToTheMap();
    expect(await tab.page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    expect(await tab.page.getByTestId('published-groups').count()).toBe(0);
  });

  it('talked to no other host and logged no error', () => {
    expect(foreignRequests(tab.requests, server.url)).toEqual([]);
    expect(tab.errors).toEqual([]);
  });
});
