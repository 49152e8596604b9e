/**
 * The briefing and the planner as a meeting sees them, in a real browser: at each projector size
 * the whole province is in view on a map that takes at least 40 % of the screen; the legend keeps
 * its classes while the year slider moves (2017, 2019, 2022); page.pdf under print media prints
 * the vector map, every card, the title and the legend without a beforeprint event.
 * One browser; a viewer's and an analyst's context.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as turf from '@turf/turf';
import { OUTCOME_KINDS } from '#contract';
import { changeAndWait, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';
import { canvasSize } from './support/pixels';
import { cameraFromUrl, project, type Area } from './support/projection';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
] as const;
/** The map is the largest element: at least this share of the screen. */
const MIN_MAP_SHARE = 0.4;
/** The URL camera is rounded; the province may touch the edge by this much at most. */
const EDGE_TOLERANCE_PX = 2;
/** Four main cards (groups, households, models, tips) and the outcome kinds. */
const PRINT_CARDS = 4 + OUTCOME_KINDS.length;
/** A vector map of 137 communes with labels is far more than an empty page's few kilobytes. */
const MIN_PDF_BYTES = 100_000;

let browser: Browser;
let viewer: RecordedPage;
let analyst: RecordedPage;
let province: Area;

/** The map's box on screen and the province's projected box on the canvas. */
async function layout(page: Page) {
  const frame = await page.getByTestId('map-frame').boundingBox();
  if (!frame) throw new Error('no map frame');
  const camera = cameraFromUrl(page.url());
  const size = await canvasSize(page);
  const [west, south, east, north] = turf.bbox(province);
  const [left, bottom] = project([west, south], camera, size);
  const [right, top] = project([east, north], camera, size);
  return { frame, size, province: { left, right, top, bottom } };
}

function legendText(page: Page): Promise<string[]> {
  return page.locator('[data-testid="legend"] [data-legend="choropleth"] li').allTextContents();
}

describe('projector layouts', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    viewer = await openPage(browser);
    analyst = await openPage(browser);
    await logIn(viewer.context, baseUrl, 'demo-viewer', password);
    await logIn(analyst.context, baseUrl, 'demo-analyst', password);
    const units = (await (await viewer.context.request.get(`${baseUrl}/api/units?level=province`)).json()) as { features: Area[] };
    province = units.features[0] as Area;
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    for (const [who, view] of [
      ['viewer', 'briefing'],
      ['analyst', 'planner'],
    ] as const) {
      it(`at ${size.width}×${size.height}, the ${view} shows the whole province on a map of ≥ 40 % of the screen, wholly in view`, async () => {
        const tab = who === 'viewer' ? viewer : analyst;
        await tab.page.setViewportSize(size);
        await tab.page.goto(`${baseUrl}/?view=${view}`);
        await waitForReady(tab.page);
        const { frame, size: canvas, province: box } = await layout(tab.page);
        expect(frame.x).toBeGreaterThanOrEqual(0);
        expect(frame.y).toBeGreaterThanOrEqual(0);
        expect(frame.x + frame.width).toBeLessThanOrEqual(size.width);
        expect(frame.y + frame.height).toBeLessThanOrEqual(size.height);
        expect((frame.width * frame.height) / (size.width * size.height)).toBeGreaterThanOrEqual(MIN_MAP_SHARE);
        expect(box.left).toBeGreaterThanOrEqual(-EDGE_TOLERANCE_PX);
        expect(box.top).toBeGreaterThanOrEqual(-EDGE_TOLERANCE_PX);
        expect(box.right).toBeLessThanOrEqual(canvas.width + EDGE_TOLERANCE_PX);
        expect(box.bottom).toBeLessThanOrEqual(canvas.height + EDGE_TOLERANCE_PX);
        // The title and the legend are on the map.
        for (const id of ['map-title', 'legend']) {
          const overlay = await tab.page.getByTestId(id).boundingBox();
          expect(overlay && overlay.x >= frame.x && overlay.y >= frame.y && overlay.x + overlay.width <= frame.x + frame.width && overlay.y + overlay.height <= frame.y + frame.height, id).toBe(true);
        }
        await screenshot(tab.page, `layout-${view}-${size.width}x${size.height}`);
      });
    }
  }

  it('given the year slider at 2017, 2019 and 2022, the legend keeps the same classes', async () => {
    await viewer.page.setViewportSize({ width: 1600, height: 900 });
    await viewer.page.goto(`${baseUrl}/?view=explore`);
    await waitForReady(viewer.page);
    const slider = viewer.page.getByTestId('year-slider');
    const legends = new Map<number, string[]>();
    for (const [year, key, presses] of [
      [2017, 'Home', 1],
      [2019, 'ArrowRight', 2],
      [2022, 'ArrowRight', 3],
    ] as const) {
      await changeAndWait(viewer.page, async () => {
        await slider.focus();
        for (let i = 0; i < presses; i += 1) await viewer.page.keyboard.press(key);
      });
      expect(viewer.page.url()).toContain(year === 2022 ? 'to=2022-10-25' : `to=${year}-12-31`);
      legends.set(year, await legendText(viewer.page));
    }
    const first = legends.get(2017) ?? [];
    expect(first.length).toBeGreaterThan(2);
    expect(legends.get(2019)).toEqual(first);
    expect(legends.get(2022)).toEqual(first);
  });

  it('given print media, page.pdf prints the vector map, every card, the title and the legend, with no beforeprint', async () => {
    await viewer.page.goto(`${baseUrl}/?view=briefing`);
    await waitForReady(viewer.page);
    const title = await viewer.page.getByTestId('map-title').locator('.map-title__heading').textContent();
    const screenLegend = await viewer.page.locator('[data-testid="legend"] li').allTextContents();
    await viewer.page.emulateMedia({ media: 'print' });
    try {
      const print = viewer.page.getByTestId('print-page');
      expect(await print.isVisible()).toBe(true);
      expect(await viewer.page.getByTestId('map-frame').isVisible()).toBe(false);
      const map = print.getByTestId('static-map');
      const mapBox = await map.boundingBox();
      expect(mapBox && mapBox.width * mapBox.height).toBeGreaterThan(0);
      // One outline per commune at least: the map is vector, not a bitmap of the screen.
      expect(await map.locator('path').count()).toBeGreaterThanOrEqual(137);
      expect(await print.locator('.print-card').count()).toBe(PRINT_CARDS);
      for (const card of await print.locator('.print-card').all()) expect(await card.isVisible()).toBe(true);
      expect((await print.locator('h1').textContent())?.trim()).toBe(title?.trim());
      expect(await print.locator('.legend li').allTextContents()).toEqual(screenLegend);
      await screenshot(viewer.page, 'print-media');
      const pdf = await viewer.page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(MIN_PDF_BYTES);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    } finally {
      await viewer.page.emulateMedia({ media: 'screen' });
    }
  });

  it('logged no error', () => {
    expect(viewer.errors).toEqual([]);
    expect(analyst.errors).toEqual([]);
  });
});
