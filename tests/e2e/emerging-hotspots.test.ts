/**
 * The emerging hot-spot layer in a real browser against the real server: as an analyst, the
 * layer switched on from the layer panel lists in its legend exactly the patterns
 * /api/hotspots/emerging returned (with their fixed colours and commune counts), a commune with
 * a pattern is drawn in its colour and its tooltip gives the pattern, the Mann–Kendall trend and
 * the yearly z-scores; a period under five calendar years asks nothing and says why; a viewer
 * is never offered the layer and never asks for it, even from a shared link.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Browser } from 'playwright-core';
import type { EmergingResponse } from '#contract/api';
import vi from '../../web/src/i18n/vi.json';
import { patternCounts } from '../../web/src/legend/emergingCounts';
import { EMERGING_PATTERN_KEYS, TREND_KEYS } from '../../web/src/legend/emergingText';
import { EMERGING_PATTERN_COLORS } from '../../web/src/style/emergingPalette';
import { changeAndWait, foreignRequests, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';
import { canvasSize, colourDistance, pixelsAt, type Rgb } from './support/pixels';
import { cameraFromUrl, pointsWellInside, type Area } from './support/projection';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

const EMERGING_PATH = '/api/hotspots/emerging';
/** The whole published period: six calendar years, what the layer asks for by default (FDR on, as the app asks). */
const WHOLE_QUERY = '?layer=tips&fdr=true&from=2017-01-01&to=2022-10-25';
/** Sampling grid and margin (CSS px) for points well inside a commune. */
const GRID_STEP = 4;
const BORDER_MARGIN = 6;
/** The fill is 235/255 opaque over a light basemap, and boundary antialiasing is kept away by the margin. */
const FILL_TOLERANCE = 40;
/** Commune names and their halos cover part of a commune: most of it must still show the pattern's colour. */
const FILL_MIN_SHARE = 0.6;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
] as const;

const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

let browser: Browser;
let analyst: RecordedPage;
let api: EmergingResponse;
let communes: Area[];

function emergingRequests(page: RecordedPage): string[] {
  return page.requests.filter((url) => new URL(url).pathname === EMERGING_PATH);
}

/** The points well inside the largest commune that has a pattern, on the map as it is now. */
async function patternedCommunePoints(): Promise<{ code: string; points: [number, number][] }> {
  const patterned = new Map(api.features.filter((f) => f.pattern !== 'no_pattern').map((f) => [f.code, f]));
  const candidates = communes
    .filter((c) => patterned.has(String(c.properties?.code)))
    .sort((a, b) => turf.area(b) - turf.area(a));
  const camera = cameraFromUrl(analyst.page.url());
  const size = await canvasSize(analyst.page);
  for (const commune of candidates) {
    const points = pointsWellInside(commune, camera, size, GRID_STEP, BORDER_MARGIN);
    if (points.length > 0) return { code: String(commune.properties?.code), points };
  }
  throw new Error('no commune with a pattern is in view');
}

/** Moves the pointer over a canvas point (CSS px of the map canvas). */
async function hover([x, y]: [number, number]): Promise<void> {
  const box = await analyst.page.locator('[data-map-container] canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  await analyst.page.mouse.move(box.x + x, box.y + y);
}

describe('emerging hot spots', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = await openPage(browser);
    await logIn(analyst.context, baseUrl, 'demo-analyst', password);
    const response = await analyst.context.request.get(`${baseUrl}${EMERGING_PATH}${WHOLE_QUERY}`);
    expect(response.status()).toBe(200);
    api = (await response.json()) as EmergingResponse;
    const units = await analyst.context.request.get(`${baseUrl}/api/units?level=commune`);
    communes = ((await units.json()) as { features: Area[] }).features;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('as analyst, switched on from the layer panel, lists in the legend the patterns the API returned', async () => {
    await analyst.page.goto(`${baseUrl}/?view=explore&layers=choropleth,labels`);
    await waitForReady(analyst.page);
    expect(emergingRequests(analyst)).toEqual([]);
    await changeAndWait(analyst.page, () => analyst.page.getByTestId('layer-emerging').check());
    // Exclusive with the choropleth: the two fills would mix.
    expect(new URL(analyst.page.url()).searchParams.get('layers')).toBe('emerging,labels');
    expect(await analyst.page.getByTestId('layer-choropleth').isChecked()).toBe(false);
    expect(emergingRequests(analyst).length).toBeGreaterThan(0);

    const expected = patternCounts(api);
    expect(expected.some(([pattern]) => pattern !== 'no_pattern')).toBe(true);
    const section = analyst.page.locator('[data-legend="emerging"]');
    const labels = await section.locator('li').allTextContents();
    expect(labels).toEqual(expected.map(([pattern, n]) => `${vi[EMERGING_PATTERN_KEYS[pattern]]} (${count(n)})`));
    const colours = await section.locator('[data-color]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.color));
    expect(colours).toEqual(expected.map(([pattern]) => EMERGING_PATTERN_COLORS[pattern].join(',')));
    expect(await section.locator('h3').textContent()).toBe(vi['layer.emerging']);
    expect(foreignRequests(analyst.requests, baseUrl)).toEqual([]);
    expect(analyst.errors).toEqual([]);
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}, draws a commune with a pattern in its colour and its tooltip gives the pattern, trend and yearly z`, async () => {
      await analyst.page.setViewportSize(size);
      await analyst.page.goto(`${baseUrl}/?view=explore&layers=emerging,labels`);
      await waitForReady(analyst.page);
      // The app writes the framed camera into the URL once the map has settled.
      await expect.poll(() => new URL(analyst.page.url()).searchParams.has('map')).toBe(true);
      const { code, points } = await patternedCommunePoints();
      const feature = api.features.find((f) => f.code === code)!;
      const colour = [...EMERGING_PATTERN_COLORS[feature.pattern]] as Rgb;
      const patches = await pixelsAt(analyst.page, points);
      const filled = points.filter((_, i) => colourDistance(patches[i]![0]!, colour) < FILL_TOLERANCE);
      expect(filled.length / points.length).toBeGreaterThan(FILL_MIN_SHARE);
      // Pointed at where the fill shows, not at the commune's name.
      const point = filled[Math.floor(filled.length / 2)]!;

      await hover(point);
      const tooltip = analyst.page.getByTestId('tooltip');
      await expect.poll(() => tooltip.textContent()).toContain(vi[EMERGING_PATTERN_KEYS[feature.pattern]]);
      const text = (await tooltip.textContent()) ?? '';
      expect(text).toContain(feature.name);
      expect(text).toContain(`Xu hướng Mann-Kendall: ${vi[TREND_KEYS[feature.trend.trend]]}`);
      expect(text).toContain(`Số năm có ý nghĩa: ${feature.hot_steps + feature.cold_steps}/${api.slices.length}`);
      const chart = tooltip.getByTestId('emerging-trend');
      expect(await chart.getAttribute('data-z')).toBe(feature.z.map((z) => z.toFixed(3)).join(','));
      expect(await chart.locator('rect').count()).toBe(api.slices.length);
      await screenshot(analyst.page, `emerging-${size.width}x${size.height}`);
    });
  }

  it('given a single year, asks for nothing and says that five calendar years are needed', async () => {
    const before = emergingRequests(analyst).length;
    await analyst.page.goto(`${baseUrl}/?view=explore&layers=emerging,labels&from=2021-01-01&to=2021-12-31`);
    await waitForReady(analyst.page);
    expect(emergingRequests(analyst).length).toBe(before);
    const note = await analyst.page.locator('[data-legend="emerging"] .legend__note').textContent();
    expect(note).toContain('Cần ít nhất 5 năm dương lịch; kỳ đang chọn có 1 năm.');
    expect(await analyst.page.locator('[data-legend="emerging"] li').count()).toBe(0);
    await screenshot(analyst.page, 'emerging-too-few-years');
  });

  it('as viewer, offers no emerging layer and never asks for it, even from a shared link', async () => {
    const viewer = await openPage(browser);
    await logIn(viewer.context, baseUrl, 'demo-viewer', password);
    await viewer.page.goto(`${baseUrl}/?view=explore&layers=emerging,labels`);
    await waitForReady(viewer.page);
    expect(await viewer.page.getByTestId('layer-emerging').count()).toBe(0);
    expect(await viewer.page.getByTestId('layer-choropleth').count()).toBe(1);
    expect(await viewer.page.locator('[data-legend="emerging"]').count()).toBe(0);
    expect(emergingRequests(viewer)).toEqual([]);
    await viewer.context.close();
  });
});
