/**
 * The expansion planner in a real browser against the real server: as an analyst, the ranked
 * table equals /api/planner, a weight change reorders it and lands in the URL, the what-if and
 * the allocation report before/after coverage, the CSV link carries the current weights, and the
 * 2025 boundaries can be laid over the map; as a viewer, there is no planner at all.
 * One browser, two page loads (the analyst's planner and the viewer's briefing).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PlannerResponse } from '#contract/api';
import { changeAndWait, foreignRequests, launchBrowser, logIn, openPage, screenshot, waitForReady, type RecordedPage } from './support/browser';
import * as turf from '@turf/turf';
import { canvasSize, darkPixels, fingerprintDistance, mapPixels } from './support/pixels';
import { cameraFromUrl, project, type Area } from './support/projection';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

/** The communes of Vĩnh Phúc (2019 units): the planner ranks every one. */
const COMMUNES = 137;
/** Mean colour change (0–255) that is clearly a different picture, not noise. */
const VISIBLE_CHANGE = 2;
/** The gap-score choropleth colours a good part of the province (its middle class is near-white). */
const GAP_MIN_CENTRE_SHARE = 0.05;
/** Weight moved in the test: trend, from its default 0.1 to the slider's end, 1. */
const CHANGED_WEIGHT = { factor: 'trend', param: 'w_trend', value: 1 } as const;
/** Groups allocated across the province in the test: enough for several communes. */
const ALLOCATED_GROUPS = 250;
/** The selected commune's outline is near-black (#1f1f1f, antialiased). */
const OUTLINE_MAX_CHANNEL = 60;
/** A commune's outline, 3 px wide, is hundreds of pixels long at the planner's zoom. */
const MIN_OUTLINE_PIXELS = 200;
/** Rounding of the URL camera and the line width put the outline a few pixels off the box. */
const BOX_MARGIN_PX = 12;
/** Nearly all new dark pixels are the outline (the rest: names moved by the new selection). */
const OUTLINE_ON_COMMUNE_SHARE = 0.9;
/** Excel needs the byte-order mark to read the CSV as UTF-8 (Vietnamese names). */
const UTF8_BOM = '\ufeff';

const gapText = (score: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(score);

let browser: Browser;
let analyst: RecordedPage;

async function apiPlanner(query = ''): Promise<PlannerResponse> {
  const response = await analyst.context.request.get(`${baseUrl}/api/planner${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as PlannerResponse;
}

function tableCodes(): Promise<string[]> {
  return analyst.page.getByTestId('planner-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code ?? ''));
}

/** Each measure of a before/after table: [id, before, after] as the page holds them. */
function comparison(testId: string): Promise<[string, number, number][]> {
  return analyst.page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const d = (r as HTMLElement).dataset;
        return [d.measure ?? '', Number(d.before), Number(d.after)] as [string, number, number];
      }),
    );
}

describe('planner', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = await openPage(browser);
    await logIn(analyst.context, baseUrl, 'demo-analyst', password);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('as analyst, lists all 137 communes ranked 1…137, the first row equal to the API, on a gap-score map', async () => {
    await analyst.page.goto(`${baseUrl}/?view=planner`);
    await waitForReady(analyst.page);
    // The planner's panels are a chunk of their own; the map's ready flag does not wait for them.
    await analyst.page.getByTestId('planner-row').first().waitFor();
    const api = await apiPlanner();
    const ranks = await analyst.page.getByTestId('planner-row').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.rank)));
    expect(ranks).toEqual(Array.from({ length: COMMUNES }, (_, i) => i + 1));
    const first = analyst.page.getByTestId('planner-row').first();
    const top = api.rows[0];
    expect(top).toBeDefined();
    if (!top) return;
    expect(await first.getAttribute('data-code')).toBe(top.code);
    // The row names the commune (its button) and, under it, its district.
    expect(await first.locator('th button').textContent()).toBe(top.name);
    expect(await first.locator('th .planner-row__district').textContent()).toBe(top.district_name ?? '—');
    expect(await first.getByTestId('planner-gap').textContent()).toBe(gapText(top.gapScore));
    // The "why" line under the row names the top drivers in words, not factor codes.
    // Unselected rows give the first reason only; the selected row gives them all.
    const why = analyst.page.locator(`tr[data-code="${top.code}"] [data-testid="planner-why"]`);
    expect(await why.locator('li').count()).toBe(Math.min(1, top.why.length));
    expect(await why.textContent()).not.toMatch(/_per_1k|hotspot_bin/);
    expect(await tableCodes()).toEqual(api.rows.map((r) => r.code));
    // Few records get the badge; every low-confidence row of the API has one.
    expect(await analyst.page.getByTestId('low-confidence').count()).toBe(api.rows.filter((r) => r.lowConfidence).length);
    expect(await analyst.page.locator('[data-legend="plannerGap"]').count()).toBe(1);
    const pixels = await mapPixels(analyst.page);
    expect(pixels.colouredInCentre / ((pixels.width * pixels.height) / 4)).toBeGreaterThan(GAP_MIN_CENTRE_SHARE);
    await screenshot(analyst.page, 'planner-ranking');
  });

  it('given a row clicked, then its commune is selected (URL, row) and outlined on the map, and the row gives all its reasons', async () => {
    const api = await apiPlanner();
    const third = api.rows[2];
    if (!third) throw new Error('the API ranked fewer than three communes');
    const communes = (await (await analyst.context.request.get(`${baseUrl}/api/units?level=commune`)).json()) as { features: (Area & { properties: { code: string } })[] };
    const commune = communes.features.find((f) => f.properties.code === third.code);
    if (!commune) throw new Error(`no boundary for ${third.code}`);
    const darkBefore = new Set((await darkPixels(analyst.page, OUTLINE_MAX_CHANNEL)).map(([x, y]) => `${x},${y}`));
    await changeAndWait(analyst.page, () => analyst.page.locator(`[data-testid="planner-row"][data-code="${third.code}"] button`).click());
    expect(new URL(analyst.page.url()).searchParams.get('unit')).toBe(third.code);
    expect(await analyst.page.locator(`[data-testid="planner-row"][data-code="${third.code}"]`).getAttribute('aria-current')).toBe('true');
    expect(await analyst.page.locator(`tr[data-code="${third.code}"] [data-testid="planner-why"] li`).count()).toBe(third.why.length);
    // The row tells the commune's story: no unit panel narrows the map.
    expect(await analyst.page.getByTestId('unit-panel').count()).toBe(0);
    // A dark outline appeared, and it lies on the commune's boundary box (the camera did not move).
    const camera = cameraFromUrl(analyst.page.url());
    const size = await canvasSize(analyst.page);
    const [west, south, east, north] = turf.bbox(commune);
    const [left, bottom] = project([west, south], camera, size);
    const [right, top] = project([east, north], camera, size);
    const appeared = (await darkPixels(analyst.page, OUTLINE_MAX_CHANNEL)).filter(([x, y]) => !darkBefore.has(`${x},${y}`));
    expect(appeared.length).toBeGreaterThan(MIN_OUTLINE_PIXELS);
    const onCommune = appeared.filter(([x, y]) => x >= left - BOX_MARGIN_PX && x <= right + BOX_MARGIN_PX && y >= top - BOX_MARGIN_PX && y <= bottom + BOX_MARGIN_PX);
    expect(onCommune.length / appeared.length).toBeGreaterThan(OUTLINE_ON_COMMUNE_SHARE);
    await screenshot(analyst.page, 'planner-row-selected');
  });

  it('given a weight changed, then the URL carries it and the table takes the ranking the API gives for it', async () => {
    const before = await tableCodes();
    const map = await mapPixels(analyst.page);
    await analyst.page.getByTestId('planner-tab-weights').click();
    await changeAndWait(analyst.page, async () => {
      await analyst.page.getByTestId(`weight-${CHANGED_WEIGHT.factor}`).focus();
      await analyst.page.keyboard.press('End');
      await analyst.page.waitForURL((url) => url.searchParams.get(CHANGED_WEIGHT.param) === String(CHANGED_WEIGHT.value));
    });
    const api = await apiPlanner(`?${CHANGED_WEIGHT.param}=${CHANGED_WEIGHT.value}`);
    await expect.poll(tableCodes).toEqual(api.rows.map((r) => r.code));
    expect(api.rows.map((r) => r.code)).not.toEqual(before);
    expect(fingerprintDistance(map, await mapPixels(analyst.page))).toBeGreaterThan(0);
    await screenshot(analyst.page, 'planner-weight-changed');
  });

  it('given a what-if of 0 groups, then before and after are identical', async () => {
    await analyst.page.getByTestId('planner-tab-whatIf').click();
    await analyst.page.getByTestId('what-if-groups').fill('0');
    await analyst.page.getByTestId('what-if-run').click();
    await analyst.page.getByTestId('what-if-result').waitFor();
    const rows = await comparison('what-if-comparison');
    expect(rows.map(([id]) => id)).toEqual([
      'groups',
      'householdsInGroups',
      'uncoveredHouseholds',
      'householdsCoveredShare',
      'groupsPer1kHouseholds',
      'rank',
      'gapScore',
    ]);
    for (const [id, before, after] of rows) expect(after, id).toBe(before);
    await screenshot(analyst.page, 'planner-what-if-zero');
  });

  it('given an allocation of N groups, then province coverage after ≥ before, and the steps are shown', async () => {
    await analyst.page.getByTestId('planner-tab-allocate').click();
    await analyst.page.getByTestId('allocation-groups').fill(String(ALLOCATED_GROUPS));
    await analyst.page.getByTestId('allocation-run').click();
    await analyst.page.getByTestId('allocation-result').waitFor();
    const province = new Map((await comparison('allocation-province')).map(([id, before, after]) => [id, { before, after }]));
    const share = province.get('householdsCoveredShare');
    const groups = province.get('groups');
    expect(share && share.after >= share.before).toBe(true);
    expect(groups && groups.after - groups.before).toBe(ALLOCATED_GROUPS);
    expect(await analyst.page.getByTestId('allocation-communes').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await analyst.page.getByTestId('allocation-cumulative').getAttribute('d')).toMatch(/^M/);
    await analyst.page.getByTestId('allocation-chart').scrollIntoViewIfNeeded();
    await screenshot(analyst.page, 'planner-allocation');
  });

  it('has a CSV export link with the current weights and period, which downloads the ranking', async () => {
    const href = await analyst.page.getByTestId('planner-csv').getAttribute('href');
    expect(href).not.toBeNull();
    const url = new URL(href ?? '', baseUrl);
    expect(url.pathname).toBe('/api/planner.csv');
    expect(url.searchParams.get(CHANGED_WEIGHT.param)).toBe(String(CHANGED_WEIGHT.value));
    expect(url.searchParams.get('w_incidents_per_1k_households')).toBe('0.3');
    expect(url.searchParams.get('from')).toBe('2017-01-01');
    const csv = await analyst.context.request.get(url.href);
    expect(csv.status()).toBe(200);
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(COMMUNES + 1);
    const api = await apiPlanner(`?${CHANGED_WEIGHT.param}=${CHANGED_WEIGHT.value}`);
    expect(lines[1]?.split(',')[1]).toBe(api.rows[0]?.code);
  });

  it('given the 2025 boundaries switched on, then they are drawn over the map with the unmapped note', async () => {
    // The planner keeps the map's controls in the drawer, closed at first.
    await analyst.page.getByTestId('controls-toggle').click();
    await analyst.page.getByTestId('units-2025').waitFor({ state: 'visible' });
    const before = await mapPixels(analyst.page);
    await changeAndWait(analyst.page, () => analyst.page.getByTestId('units-2025').check());
    expect(new URL(analyst.page.url()).searchParams.get('units')).toBe('2025');
    const legend = analyst.page.locator('[data-legend="units2025"]');
    expect(await legend.textContent()).toContain('7 xã cũ');
    expect(await legend.textContent()).toContain('36 đơn vị');
    expect(fingerprintDistance(before, await mapPixels(analyst.page))).toBeGreaterThan(VISIBLE_CHANGE);
    await screenshot(analyst.page, 'planner-units-2025');
  });

  it('as analyst, made no request to any other host and logged no error', () => {
    expect(foreignRequests(analyst.requests, baseUrl)).toEqual([]);
    expect(analyst.errors).toEqual([]);
  });

  it('as viewer, there is no planner tab, a planner link opens the briefing, and nothing asks for the planner', async () => {
    const viewer = await openPage(browser);
    await logIn(viewer.context, baseUrl, 'demo-viewer', password);
    await viewer.page.goto(`${baseUrl}/?view=planner&w_trend=1`);
    await waitForReady(viewer.page);
    expect(await viewer.page.getByTestId('view-planner').count()).toBe(0);
    expect(await viewer.page.getByTestId('view-briefing').getAttribute('aria-pressed')).toBe('true');
    expect(await viewer.page.getByTestId('planner-panel').count()).toBe(0);
    expect(await viewer.page.getByTestId('weights-panel').count()).toBe(0);
    expect(viewer.requests.filter((url) => url.includes('/api/planner'))).toEqual([]);
    // The briefing's groups card names the published gap: 50 groups neither rural nor urban.
    expect(await viewer.page.getByTestId('card-groups').textContent()).toContain('Chưa phân loại 50');
    await screenshot(viewer.page, 'planner-viewer-briefing');
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });
});
