/**
 * The application around the map, in a real browser against the real server: login (demo
 * mode), role-aware layers, the briefing cards equal to /api/summary, search, language,
 * PNG export with the legend, links that restore the view, logout, and no foreign requests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SummaryResponse } from '#contract/api';
import {
  changeAndWait,
  foreignRequests,
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  screenshot,
  waitForReady,
  type RecordedPage,
} from './support/browser';
import { fingerprintDistance, mapPixels } from './support/pixels';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

/** Two renderings of the same view in the same browser differ by antialiasing noise at most. */
const SAME_PICTURE = 1;
const A4_LANDSCAPE_PT = { width: 842, height: 595 };
/** Legend swatches are 22×14 CSS px; at least half of one must be found per colour. */
const MIN_SWATCH_PIXELS = 150;

let browser: Browser;
let tab: RecordedPage;

describe('atlas application (viewer)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    tab = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('given no session, the login page says it is a demo; logging in opens the briefing', async () => {
    await tab.page.goto(`${baseUrl}/`);
    await expect.poll(() => tab.page.getByTestId('demo-note').isVisible()).toBe(true);
    await screenshot(tab.page, 'login');
    await tab.page.getByLabel('Tên đăng nhập').fill('demo-viewer');
    await tab.page.getByLabel('Mật khẩu').fill(password);
    await tab.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await waitForReady(tab.page);
    await expect.poll(() => tab.page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    await screenshot(tab.page, 'briefing-vi');
  });

  it('shows the briefing cards with exactly the numbers of /api/summary', async () => {
    const summary = (await (await tab.context.request.get(`${baseUrl}/api/summary`)).json()) as SummaryResponse;
    const card = (id: string) => tab.page.getByTestId(`card-${id}`).getAttribute('data-value');
    expect(await card('groups')).toBe(String(summary.to_lien_gia.total_active));
    expect(await card('households')).toBe(String(summary.to_lien_gia.households_in_groups));
    expect(await card('models')).toBe(String(summary.bon_an_toan.total));
    expect(await card('tips')).toBe(String(summary.outcomes.security_tips_provided));
    for (const [kind, value] of Object.entries(summary.outcomes)) {
      if (kind === 'security_tips_provided') continue;
      expect(await card(kind), kind).toBe(String(value));
    }
    // Vietnamese thousands separator on screen.
    expect(await tab.page.getByTestId('card-groups').locator('.card__value').textContent()).toBe(
      new Intl.NumberFormat('vi-VN').format(summary.to_lien_gia.total_active),
    );
  });

  it('offers a viewer no analyst layer, and drops one from a shared link', async () => {
    await expect.poll(() => tab.page.getByTestId('layer-choropleth').count()).toBe(1);
    expect(await tab.page.getByTestId('layer-hotspots').count()).toBe(0);
    expect(await tab.page.getByTestId('layer-models').count()).toBe(0);
    await tab.page.goto(`${baseUrl}/?layers=choropleth,hotspots,models`);
    await waitForReady(tab.page);
    const asked = tab.requests.filter((url) => url.includes('/api/points') || url.includes('/api/hotspots'));
    expect(asked).toEqual([]);
  });

  it('given "ba hien", the search selects Bá Hiến and opens its panel', async () => {
    // The briefing keeps its controls in a drawer, closed for a meeting: the header button opens it.
    const input = tab.page.getByTestId('search-input');
    expect(await input.isVisible()).toBe(false);
    await tab.page.getByTestId('controls-toggle').click();
    await input.waitFor({ state: 'visible' });
    await input.fill('ba hien');
    const option = tab.page.getByRole('option', { name: /Bá Hiến/ });
    await option.waitFor();
    await changeAndWait(tab.page, () => input.press('Enter'));
    await expect.poll(() => tab.page.getByTestId('unit-name').textContent()).toContain('Bá Hiến');
    const code = await option.getAttribute('data-code').catch(() => null);
    expect(new URL(tab.page.url()).searchParams.get('unit')).toMatch(/^\d{5}$/);
    if (code) expect(tab.page.url()).toContain(`unit=${code}`);
    await expect.poll(() => tab.page.getByTestId('chart-groups').isVisible()).toBe(true);
    await screenshot(tab.page, 'search-ba-hien');
  });

  it('given the English switch, the labels and number formats change', async () => {
    expect(await tab.page.getByTestId('view-briefing').textContent()).toBe('Giao ban');
    await changeAndWait(tab.page, () => tab.page.getByTestId('lang-en').click());
    expect(await tab.page.getByTestId('view-briefing').textContent()).toBe('Briefing');
    expect(await tab.page.getByTestId('legend').locator('h2').textContent()).toBe('Legend');
    expect(tab.page.url()).toContain('lang=en');
    const groups = await tab.page.getByTestId('card-groups').getAttribute('data-value');
    expect(await tab.page.getByTestId('card-groups').locator('.card__value').textContent()).toBe(
      new Intl.NumberFormat('en-GB').format(Number(groups)),
    );
    await screenshot(tab.page, 'briefing-en');
  });

  it('exports a PNG of the map that contains the legend', async () => {
    const swatches = await tab.page.locator('[data-testid="legend"] [data-color]').evaluateAll((nodes) =>
      nodes.map((n) => (n as HTMLElement).dataset.color ?? ''),
    );
    expect(swatches.length).toBeGreaterThan(2);
    const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByTestId('export-png').click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/^tlg-atlas-.*\.png$/);
    const png = readFileSync(file);
    writeFileSync(path.join(SCREENSHOT_DIR, 'export.png'), png);
    const mapWidth = await tab.page.locator('[data-map-container]').evaluate((el) => el.clientWidth);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const found = await tab.page.evaluate(
      async ({ base64, colors, mapWidth }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2D context');
        ctx.drawImage(bitmap, 0, 0);
        // The legend is the column right of the map (the image is drawn at device pixel ratio 1 here).
        const x0 = mapWidth + 1;
        const { data } = ctx.getImageData(x0, 0, bitmap.width - x0, bitmap.height);
        const wanted = colors.map((c) => c.split(',').map(Number));
        const counts = wanted.map(() => 0);
        for (let i = 0; i < data.length; i += 4) {
          wanted.forEach(([r, g, b], k) => {
            if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[k] = (counts[k] ?? 0) + 1;
          });
        }
        return { width: bitmap.width, height: bitmap.height, counts };
      },
      { base64: png.toString('base64'), colors: swatches, mapWidth },
    );
    expect(found.width).toBeGreaterThan(800);
    for (const [i, count] of found.counts.entries()) expect(count, `legend colour ${swatches[i]}`).toBeGreaterThan(MIN_SWATCH_PIXELS);
  });

  it('prints on one clean A4 landscape page', async () => {
    await tab.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await tab.page.emulateMedia({ media: 'print' });
    await screenshot(tab.page, 'print-preview');
    const pdf = (await tab.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    await tab.page.emulateMedia({ media: 'screen' });
    await tab.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    const [width, height] = (pdf.match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/) ?? []).slice(1).map(Number);
    // A4 landscape is 297 × 210 mm = 842 × 595 pt.
    expect(width).toBeCloseTo(A4_LANDSCAPE_PT.width, 0);
    expect(height).toBeCloseTo(A4_LANDSCAPE_PT.height, 0);
  });

  it('given a link, a new page restores the same view', async () => {
    await changeAndWait(tab.page, async () => {
      await tab.page.goto(
        `${baseUrl}/?view=explore&lang=en&layers=choropleth,heatmap,labels&metric=groups_per_km2&from=2017-01-01&to=2020-12-31&district=246&map=10.20/21.3200/105.5800`,
      );
    });
    const url = tab.page.url();
    const original = await mapPixels(tab.page);
    await screenshot(tab.page, 'link-original');
    const second = await openPage(browser);
    await second.context.addCookies(await tab.context.cookies());
    await second.page.goto(url);
    await waitForReady(second.page);
    const restored = await mapPixels(second.page);
    await screenshot(second.page, 'link-restored');
    expect(second.page.url()).toBe(url);
    expect(await second.page.getByTestId('metric').inputValue()).toBe('groups_per_km2');
    expect(await second.page.getByTestId('district-filter').inputValue()).toBe('246');
    expect(fingerprintDistance(original, restored)).toBeLessThan(SAME_PICTURE);
    expect(foreignRequests(second.requests, baseUrl)).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('logs out back to the login page', async () => {
    await tab.page.getByTestId('logout').click();
    await expect.poll(() => tab.page.getByTestId('demo-note').isVisible()).toBe(true);
    const session = await tab.context.request.get(`${baseUrl}/api/session`);
    expect(session.status()).toBe(401);
  });

  it('made no request to any other host and logged no error', () => {
    expect(foreignRequests(tab.requests, baseUrl)).toEqual([]);
    expect(tab.errors).toEqual([]);
  });
});
