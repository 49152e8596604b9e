/**
 * Dates in the period picker, in a real browser with an English (US) locale, where a native date
 * input would show 10/25/2022: an admin types days first and a wrong date is refused in
 * Vietnamese; a viewer, whose tip figures are published for whole calendar years, picks years.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, logIn, waitForReady } from './support/browser';
import { chromium } from 'playwright-core';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

let browser: Browser;

async function open(username: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
  await logIn(context, baseUrl, username, password);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}/?view=explore`);
  await waitForReady(page);
  return { context, page, errors };
}

describe('period input', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('as admin in an English-locale browser, days are shown and typed day first, and a month-first date is refused in Vietnamese', async () => {
    const { context, page, errors } = await open('demo-admin');
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const to = page.getByTestId('period-to');
    expect(await to.inputValue()).toBe('25/10/2022');
    await to.fill('10/25/2022');
    await to.press('Enter');
    expect(await page.getByTestId('period-to-error').textContent()).toContain('ngày/tháng/năm');
    // Refused: the period stays what it was.
    expect(new URL(page.url()).searchParams.get('to')).toBe('2022-10-25');
    expect(await page.getByTestId('period-summary').textContent()).toBe('01/01/2017 – 25/10/2022');
    const from = page.getByTestId('period-from');
    await from.fill('01/03/2020');
    await from.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === '2020-03-01');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('as viewer, the period is chosen in whole years, and a link with days opens on the whole years that hold them', async () => {
    const { context, page, errors } = await open('demo-viewer');
    expect(await page.getByTestId('period-from').count()).toBe(0);
    await page.getByTestId('period-from-year').selectOption('2019');
    await page.getByTestId('period-to-year').selectOption('2020');
    await page.waitForURL((url) => url.searchParams.get('from') === '2019-01-01' && url.searchParams.get('to') === '2020-12-31');
    await waitForReady(page);
    expect(await page.getByTestId('period-summary').textContent()).toBe('01/01/2019 – 31/12/2020');
    await page.goto(`${baseUrl}/?view=explore&from=2020-03-01&to=2021-06-30`);
    await waitForReady(page);
    expect(await page.getByTestId('period-summary').textContent()).toBe('01/01/2020 – 31/12/2021');
    expect(errors).toEqual([]);
    await context.close();
  });
});
