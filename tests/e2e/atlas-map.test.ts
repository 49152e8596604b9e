/**
 * The map in a real browser against the real server and the demo data set: each layer draws
 * inside the province, switching layers and years changes what is drawn, and nothing is
 * requested from any other host.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { changeAndWait, foreignRequests, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { canvasSize, fingerprintDistance, isColoured, mapPixels, pixelsAt } from './support/pixels';
import { cameraFromUrl, pointsWellInside } from './support/projection';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

/** Share of the central box the choropleth must colour: the province fills most of it. */
const CHOROPLETH_MIN_CENTRE_SHARE = 0.3;
/** The heatmap covers settled land only, but a good part of the centre. */
const HEATMAP_MIN_CENTRE_SHARE = 0.05;
/** Inside the province the bare basemap is grey: almost nothing coloured (around it, rivers are blue). */
const BASEMAP_MAX_SHARE = 0.002;
/** Sampling grid inside the province and the distance kept from its border, in CSS pixels. */
const GRID_STEP = 6;
const BORDER_MARGIN = 10;
/** Mean colour change (0–255) that is clearly a different picture, not noise. */
const VISIBLE_CHANGE = 2;

let browser: Browser;
let view: RecordedPage;

async function show(search: string) {
  await view.page.goto(`${baseUrl}/${search}`);
  await waitForReady(view.page);
  return mapPixels(view.page);
}

const centreArea = (s: { width: number; height: number }) => (s.width * s.height) / 4;

describe('map rendering (analyst)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    view = await openPage(browser);
    await logIn(view.context, baseUrl, 'demo-analyst', password);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('given no data layer, the offline basemap is drawn in greys only inside the province', async () => {
    const bare = await show('?view=explore&layers=');
    await screenshot(view.page, 'map-basemap');
    const response = await view.context.request.get(`${baseUrl}/api/units?level=province`);
    const province = ((await response.json()) as { features: Feature<Polygon | MultiPolygon>[] }).features[0]!;
    const inside = pointsWellInside(province, cameraFromUrl(view.page.url()), await canvasSize(view.page), GRID_STEP, BORDER_MARGIN);
    expect(inside.length).toBeGreaterThan(1000);
    const coloured = (await pixelsAt(view.page, inside)).filter((patch) => isColoured(patch[0]!)).length;
    expect(coloured / inside.length).toBeLessThan(BASEMAP_MAX_SHARE);
    expect(new Set(bare.fingerprint).size).toBeGreaterThan(1);
  });

  it('given the choropleth, it colours the province', async () => {
    const stats = await show('?view=explore&layers=choropleth,labels&metric=groups_per_1k_households');
    await screenshot(view.page, 'map-choropleth');
    expect(stats.colouredInCentre / centreArea(stats)).toBeGreaterThan(CHOROPLETH_MIN_CENTRE_SHARE);
  });

  it('given the choropleth on, when it is switched off, then the pixels change', async () => {
    const before = await mapPixels(view.page);
    await changeAndWait(view.page, () => view.page.getByTestId('layer-choropleth').uncheck());
    const after = await mapPixels(view.page);
    expect(view.page.url()).toContain('layers=labels');
    expect(after.coloured).toBeLessThan(before.coloured / 10);
    expect(fingerprintDistance(before, after)).toBeGreaterThan(VISIBLE_CHANGE);
  });

  it('given the group-density heatmap, it draws inside the province', async () => {
    await changeAndWait(view.page, () => view.page.getByTestId('layer-heatmap').check());
    const stats = await mapPixels(view.page);
    await screenshot(view.page, 'map-heatmap-2022');
    expect(stats.colouredInCentre / centreArea(stats)).toBeGreaterThan(HEATMAP_MIN_CENTRE_SHARE);
  });

  it('given the heatmap at 2022, when the year slider goes to 2017, then the heatmap changes', async () => {
    const in2022 = await mapPixels(view.page);
    const slider = view.page.getByTestId('year-slider');
    await changeAndWait(view.page, async () => {
      await slider.focus();
      await view.page.keyboard.press('Home');
    });
    const in2017 = await mapPixels(view.page);
    await screenshot(view.page, 'map-heatmap-2017');
    expect(view.page.url()).toContain('to=2017-12-31');
    expect(fingerprintDistance(in2022, in2017)).toBeGreaterThan(VISIBLE_CHANGE);
    // Fewer groups existed in 2017, and the colour domain is fixed: less of the map is hot.
    expect(in2017.coloured).toBeLessThan(in2022.coloured);
    await changeAndWait(view.page, async () => {
      await view.page.getByTestId('period-mode').selectOption('all');
      await view.page.getByTestId('layer-heatmap').uncheck();
    });
    expect(view.page.url()).toContain('to=2022-10-25');
  });

  it.each(['hotspots', 'tipHex', 'models'])('given the analyst layer %s switched on, it draws', async (layer) => {
    const toggle = view.page.getByTestId(`layer-${layer}`);
    const before = await mapPixels(view.page);
    await changeAndWait(view.page, () => toggle.check());
    const stats = await mapPixels(view.page);
    await screenshot(view.page, `map-${layer}`);
    expect(fingerprintDistance(before, stats)).toBeGreaterThan(VISIBLE_CHANGE);
    expect(stats.coloured).toBeGreaterThan(before.coloured);
    await changeAndWait(view.page, () => toggle.uncheck());
  });

  it('made no request to any other host and logged no error', () => {
    expect(view.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(view.requests, baseUrl)).toEqual([]);
    expect(view.errors).toEqual([]);
  });
});
