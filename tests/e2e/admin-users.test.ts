/**
 * The accounts screen in a real browser, as the demo administrator: the list (own account and
 * demo accounts without a remove button) → refused additions (too short a password, a name taken,
 * passwords that differ) say why in Vietnamese → an analyst is created, listed, and exists with
 * that role in the API → it is removed, confirmed first, and is gone from the list and the API.
 * Screens are captured at 1280×720 and 1600×900.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';

const baseUrl = inject('baseUrl');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
] as const;
const ANALYST = { username: 'phan.tich.e2e', password: 'mật khẩu đủ dài của phân tích viên' };

let browser: Browser;
let tab: RecordedPage;

async function screens(name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await tab.page.setViewportSize(size);
    await screenshot(tab.page, `${name}-${size.width}x${size.height}`);
  }
}

const row = (username: string) => tab.page.locator(`[data-testid="user-row"][data-username="${username}"]`);

/** The accounts as the API lists them, asked with the browser's own session. */
async function apiUsers(): Promise<{ username: string; role: string; demo: boolean }[]> {
  const response = await tab.context.request.get(`${baseUrl}/api/users`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { users: { username: string; role: string; demo: boolean }[] }).users;
}

async function fillForm(username: string, role: string, password: string, repeat = password): Promise<void> {
  await tab.page.getByTestId('user-username').fill(username);
  await tab.page.getByTestId('user-role').selectOption(role);
  await tab.page.getByTestId('user-password').fill(password);
  await tab.page.getByTestId('user-repeat').fill(repeat);
  await tab.page.getByTestId('user-submit').click();
}

const problem = async () => {
  await tab.page.getByTestId('user-problem').waitFor();
  return tab.page.getByTestId('user-problem').textContent();
};

beforeAll(async () => {
  browser = await launchBrowser();
  tab = await openPage(browser);
  await tab.page.setViewportSize(SIZES[0]);
  await logIn(tab.context, baseUrl, 'demo-admin', inject('demoPassword'));
});

afterAll(async () => {
  await browser?.close();
});

describe('admin users screen', () => {
  it('lists the accounts; your own and the demo accounts offer no removal, and say why', async () => {
    await tab.page.goto(`${baseUrl}/`);
    await waitForReady(tab.page);
    await tab.page.getByTestId('open-admin').click();
    await tab.page.getByTestId('admin-tab-users').click();
    await tab.page.getByTestId('users-table').waitFor();
    expect(await tab.page.getByTestId('admin-tab-users').textContent()).toBe('Người dùng');
    const names = await tab.page.getByTestId('user-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-username')));
    expect(names).toEqual(expect.arrayContaining(['demo-viewer', 'demo-analyst', 'demo-admin']));
    expect(await row('demo-admin').getAttribute('data-own')).toBe('true');
    expect(await row('demo-admin').locator('td').last().textContent()).toBe('Bạn đang đăng nhập — không tự xóa được');
    expect(await row('demo-viewer').locator('td').last().textContent()).toBe('Tài khoản trình diễn — không xóa được');
    expect(await row('demo-viewer').locator('td').first().textContent()).toBe('Người xem');
    expect(await tab.page.getByTestId('user-remove').count()).toBe(0);
    await screens('admin-users');
  });

  it('refused additions say why in Vietnamese, and create nothing', async () => {
    await fillForm(ANALYST.username, 'analyst', 'ngắn quá');
    expect(await problem()).toBe('Mật khẩu quá ngắn: cần ít nhất 12 ký tự.');
    await fillForm('demo-viewer', 'analyst', ANALYST.password);
    expect(await problem()).toBe('Đã có tài khoản với tên đăng nhập này.');
    await screens('admin-users-refused');
    await fillForm(ANALYST.username, 'analyst', ANALYST.password, `${ANALYST.password}!`);
    expect(await problem()).toBe('Hai lần nhập mật khẩu không giống nhau.');
    expect((await apiUsers()).map((u) => u.username)).not.toContain(ANALYST.username);
  });

  it('an analyst created here is listed, and the API has it with that role', async () => {
    await fillForm(ANALYST.username, 'analyst', ANALYST.password);
    await row(ANALYST.username).waitFor();
    expect(await tab.page.getByTestId('users-done').textContent()).toBe(`Đã tạo tài khoản ${ANALYST.username} (Phân tích viên).`);
    expect(await tab.page.getByTestId('user-problem').count()).toBe(0);
    expect(await row(ANALYST.username).getAttribute('data-role')).toBe('analyst');
    expect(await row(ANALYST.username).locator('td').first().textContent()).toBe('Phân tích viên');
    expect(await row(ANALYST.username).locator('td').nth(1).textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await tab.page.getByTestId('user-username').inputValue()).toBe('');
    expect((await apiUsers()).find((u) => u.username === ANALYST.username)).toEqual({ username: ANALYST.username, role: 'analyst', demo: false, created_at: expect.any(String) });
    await screens('admin-users-added');
  });

  it('removing it asks first, then it is gone from the list and the API', async () => {
    await row(ANALYST.username).getByTestId('user-remove').click();
    const confirm = tab.page.getByTestId('remove-confirm');
    expect(await confirm.locator('p').textContent()).toBe(
      `Xóa tài khoản ${ANALYST.username}? Người dùng này bị đăng xuất ngay và không đăng nhập lại được.`,
    );
    await screens('admin-users-confirm');
    await tab.page.getByTestId('remove-yes').click();
    await row(ANALYST.username).waitFor({ state: 'detached' });
    expect(await confirm.count()).toBe(0);
    expect(await tab.page.getByTestId('users-done').textContent()).toBe(
      `Đã xóa tài khoản ${ANALYST.username}; các phiên đăng nhập của tài khoản này đã kết thúc.`,
    );
    expect((await apiUsers()).map((u) => u.username)).not.toContain(ANALYST.username);
  });

  it('talks to no other host; the only console errors are the refused requests', () => {
    expect(foreignRequests(tab.requests, baseUrl)).toEqual([]);
    expect(tab.errors.filter((e) => !/the server responded with a status of (400|409)/.test(e))).toEqual([]);
  });
});
