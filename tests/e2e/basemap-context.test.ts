/**
 * The province in its region, in a real browser at two screen sizes: outside the province the
 * map is painted with the neighbouring provinces' land (not the plain background), the rivers
 * in blue and the towns as dots, where /api/basemap/context puts them; a metric scale bar, zoom
 * buttons and the north arrow sit clear of the toolbar, the status line, the credits and the
 * legend, labelled in Vietnamese; nothing is requested from another host.
 */
import * as turf from '@turf/turf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { BasemapContextResponse, ContextFeature } from '#contract/api';
import { BASEMAP_COLORS } from '../../web/src/style/basemap';
import { changeAndWait, foreignRequests, launchBrowser, logIn, screenshot, waitForReady } from './support/browser';
import { canvasSize, colourDistance, hexToRgb, pixelsAt, type Rgb } from './support/pixels';
import { cameraFromUrl, pointsWellInside, project, type Area, type CanvasSize } from './support/projection';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
];
/** Sampling grid and the distance kept from every border, in CSS pixels. */
const GRID_STEP = 9;
const BORDER_MARGIN = 12;
/** A pixel within this of a colour (largest channel difference) is painted with it: antialiasing, no more. */
const SAME_COLOUR = 6;
/** Names, dots and rivers cover some of a neighbour's land; most of it is bare. */
const MIN_LAND_SHARE = 0.85;
/** Rivers are 2-px lines placed to ±1 px: a vertex finds river blue within this radius… */
const RIVER_SEARCH_RADIUS = 4;
/** …and within this colour distance (antialiased edges blend with the land). */
const RIVER_COLOUR_TOLERANCE = 45;
/** Share of the river vertices in view that must find their line: labels sit on some of them. */
const MIN_RIVER_SHARE = 0.7;
/** Zoomed out until the region ends inside the view. */
const REGION_CAMERA = '7.00/21.40/105.60';

const neighbourLand = hexToRgb(BASEMAP_COLORS.neighbourLand);
const outside = hexToRgb(BASEMAP_COLORS.outside);
const river = hexToRgb(BASEMAP_COLORS.river);
const town = hexToRgb(BASEMAP_COLORS.town);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const isProvince = (f: ContextFeature) => f.properties.kind === 'province';
const linesOf = (f: ContextFeature): [number, number][] =>
  (f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates.flat() : []).map(([lon, lat]) => [lon!, lat!]);
const inView = ([x, y]: [number, number], size: CanvasSize, margin: number) => x >= margin && y >= margin && x <= size.width - margin && y <= size.height - margin;

function boxesOverlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxesOf(locator: Locator) {
  const boxes = [];
  for (const item of await locator.all()) {
    const box = await item.boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push(box);
  }
  return boxes;
}

describe.each(SCREENS)('the province in its region at $width×$height (viewer, briefing)', (screen) => {
  const requests: string[] = [];
  const errors: string[] = [];
  let page: Page;
  let context: BasemapContextResponse;
  let province: Area;

  beforeAll(async () => {
    const browserContext = await browser.newContext({ viewport: screen, locale: 'vi-VN' });
    browserContext.on('request', (request) => requests.push(request.url()));
    page = await browserContext.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await logIn(browserContext, baseUrl, 'demo-viewer', password);
    context = (await (await browserContext.request.get(`${baseUrl}/api/basemap/context`)).json()) as BasemapContextResponse;
    province = ((await (await browserContext.request.get(`${baseUrl}/api/units?level=province`)).json()) as { features: Area[] }).features[0]!;
    await page.goto(`${baseUrl}/?view=explore&layers=labels`);
    await waitForReady(page);
    await screenshot(page, `context-explore-${screen.width}x${screen.height}`);
    await page.goto(`${baseUrl}/`);
    await waitForReady(page);
    await screenshot(page, `context-briefing-${screen.width}x${screen.height}`);
  });

  it('paints the neighbouring provinces outside the province with their land colour, not the background', async () => {
    const camera = cameraFromUrl(page.url());
    const size = await canvasSize(page);
    const neighbours = context.features.filter(isProvince) as Area[];
    const samples = neighbours.flatMap((n) => pointsWellInside(n, camera, size, GRID_STEP, BORDER_MARGIN, [province]));
    expect(samples.length).toBeGreaterThan(200);
    const colours = (await pixelsAt(page, samples)).map((patch) => patch[0]!);
    const onLand = colours.filter((c) => colourDistance(c, neighbourLand) <= SAME_COLOUR).length;
    const onBackground = colours.filter((c) => colourDistance(c, outside) <= SAME_COLOUR).length;
    expect(colourDistance(neighbourLand, outside)).toBeGreaterThan(3 * SAME_COLOUR);
    expect(onLand / colours.length).toBeGreaterThan(MIN_LAND_SHARE);
    expect(onBackground).toBe(0);
  });

  it('draws the rivers in blue along their course outside the province', async () => {
    const camera = cameraFromUrl(page.url());
    const size = await canvasSize(page);
    const vertices = context.features
      .filter((f) => f.properties.kind === 'river')
      .flatMap(linesOf)
      .map((lonLat) => ({ lonLat, at: project(lonLat, camera, size) }))
      .filter(({ at }) => inView(at, size, BORDER_MARGIN));
    const outsideVertices = vertices.filter(({ lonLat }) => !turf.booleanPointInPolygon(lonLat, province));
    expect(outsideVertices.length).toBeGreaterThan(10);
    const patches = await pixelsAt(page, outsideVertices.map((v) => v.at), RIVER_SEARCH_RADIUS);
    const found = patches.filter((patch) => patch.some((c) => colourDistance(c, river) <= RIVER_COLOUR_TOLERANCE)).length;
    expect(found / patches.length).toBeGreaterThan(MIN_RIVER_SHARE);
  });

  it('marks the towns in view with a dot (a town whose name finds no room is left out whole)', async () => {
    const camera = cameraFromUrl(page.url());
    const size = await canvasSize(page);
    const towns = context.features
      .filter((f) => f.properties.kind === 'town' && f.geometry.type === 'Point')
      .map((f) => project(f.geometry.coordinates as [number, number], camera, size))
      .filter((at) => inView(at, size, BORDER_MARGIN));
    expect(towns.length).toBeGreaterThan(0);
    const patches = await pixelsAt(page, towns, 1);
    expect(patches.filter((patch) => patch.some((c: Rgb) => colourDistance(c, town) <= SAME_COLOUR * 3)).length).toBeGreaterThan(0);
  });

  it('shows a metric scale bar, zoom buttons and a north arrow, labelled in Vietnamese, clear of every panel', async () => {
    const scale = page.locator('.maplibregl-ctrl-scale');
    await expect.poll(() => scale.textContent()).toMatch(/^\d+\s?k?m$/);
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    expect(await zoomIn.getAttribute('aria-label')).toBe('Phóng to');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label')).toBe('Thu nhỏ');
    expect(await page.locator('.maplibregl-ctrl-compass').getAttribute('aria-label')).toMatch(/^Hướng bắc/);
    expect(await page.locator('.maplibregl-ctrl-compass .maplibregl-ctrl-icon').getAttribute('data-north')).toBe('B');
    const controls = await boxesOf(page.locator('.maplibregl-ctrl-scale, .maplibregl-ctrl-group'));
    expect(controls.length).toBe(2);
    const frame = (await page.locator('.map-frame').boundingBox())!;
    const panels = [
      ...(await boxesOf(page.locator('.map-toolbar'))),
      ...(await boxesOf(page.locator('.data-status > *'))),
      ...(await boxesOf(page.locator('.map-attribution'))),
      ...(await boxesOf(page.getByTestId('legend'))),
      ...(await boxesOf(page.locator('.briefing'))),
    ];
    for (const control of controls) {
      expect(control.x).toBeGreaterThanOrEqual(frame.x);
      expect(control.y).toBeGreaterThanOrEqual(frame.y);
      expect(control.x + control.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(control.y + control.height).toBeLessThanOrEqual(frame.y + frame.height);
      for (const panel of panels) expect(boxesOverlap(control, panel)).toBe(false);
    }
  });

  it('zooms in one step with the zoom-in button', async () => {
    const before = cameraFromUrl(page.url()).zoom;
    await changeAndWait(page, () => page.locator('.maplibregl-ctrl-zoom-in').click());
    await expect.poll(() => cameraFromUrl(page.url()).zoom).toBeCloseTo(before + 1, 1);
  });

  it('given the whole region in view, paints what lies beyond the neighbouring provinces in the pale water tone', async () => {
    await page.goto(`${baseUrl}/?view=explore&layers=labels&map=${REGION_CAMERA}`);
    await waitForReady(page);
    await screenshot(page, `context-region-${screen.width}x${screen.height}`);
    const camera = cameraFromUrl(page.url());
    const size = await canvasSize(page);
    const land = [province, ...(context.features.filter(isProvince) as Area[])];
    const beyond = pointsWellInside(turf.bboxPolygon([95, 15, 115, 30]), camera, size, GRID_STEP * 3, BORDER_MARGIN, land);
    expect(beyond.length).toBeGreaterThan(100);
    const colours = (await pixelsAt(page, beyond)).map((patch) => patch[0]!);
    expect(colours.filter((c) => colourDistance(c, outside) <= SAME_COLOUR).length / colours.length).toBeGreaterThan(MIN_LAND_SHARE);
  });

  it('made no request to any other host and logged no error', () => {
    expect(requests.some((url) => url.endsWith('/api/basemap/context'))).toBe(true);
    expect(foreignRequests(requests, baseUrl)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

