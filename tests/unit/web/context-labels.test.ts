/** Where the region's names go: a neighbour inside its part near the province, a town's name away from the province. */
import { describe, expect, it } from 'vitest';
import type { BasemapContextResponse, ContextFeature } from '#contract/api';
import type { Bbox } from '../../../web/src/map/camera';
import { clipRing, contextLabels, FOCUS_MARGIN_DEGREES } from '../../../web/src/map/contextLabels';

/** Vĩnh Phúc's bounding box, rounded. */
const PROVINCE: Bbox = [105.32, 21.15, 105.79, 21.57];

const box = (minX: number, minY: number, maxX: number, maxY: number) => [
  [minX, minY],
  [maxX, minY],
  [maxX, maxY],
  [minX, maxY],
  [minX, minY],
];
const province = (name: string, ring: number[][]): ContextFeature => ({
  type: 'Feature',
  properties: { kind: 'province', name },
  geometry: { type: 'MultiPolygon', coordinates: [[ring as [number, number][]]] },
});
const town = (name: string, lon: number, lat: number): ContextFeature => ({
  type: 'Feature',
  properties: { kind: 'town', name, rank: 7 },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const collection = (features: ContextFeature[]): BasemapContextResponse => ({ type: 'FeatureCollection', name: 'context', attribution: 'test', synthetic: false, features });

describe('clipRing', () => {
  it('given a square half inside the box, when clipped, then the inside half remains, closed', () => {
    expect(clipRing(box(0, 0, 2, 2), [1, -1, 3, 3])).toEqual([
      [1, 0],
      [2, 0],
      [2, 2],
      [1, 2],
      [1, 0],
    ]);
  });

  it('given a square that misses the box, when clipped, then nothing remains', () => {
    expect(clipRing(box(0, 0, 1, 1), [2, 2, 3, 3])).toEqual([]);
  });
});

describe('contextLabels', () => {
  it('given a neighbour stretching far west, when labelled, then its name sits in its strip beside the province', () => {
    const labels = contextLabels(collection([province('Phú Thọ', box(104.8, 20.9, 105.3, 21.7))]), PROVINCE);
    const [lon, lat] = labels.features[0]!.geometry.coordinates as [number, number];
    expect(lon).toBeGreaterThanOrEqual(PROVINCE[0] - FOCUS_MARGIN_DEGREES);
    expect(lon).toBeLessThanOrEqual(105.3);
    expect(lat).toBeGreaterThan(PROVINCE[1]);
    expect(lat).toBeLessThan(PROVINCE[3]);
  });

  it('given a province that never comes near, when labelled, then it gets no name on the map', () => {
    expect(contextLabels(collection([province('Sơn La', box(103.2, 20.6, 105.0, 22.0))]), PROVINCE).features).toEqual([]);
  });

  it.each([
    ['Việt Trì', 105.43, 21.33, 'right'],
    ['Sơn Tây', 105.51, 21.14, 'top'],
    ['Thái Nguyên', 105.83, 21.6, 'left'],
    ['Tuyên Quang', 105.21, 21.82, 'bottom'],
  ] as const)('given %s at %d, %d, when labelled, then its name is anchored %s, away from the province', (name, lon, lat, anchor) => {
    const [label] = contextLabels(collection([town(name, lon, lat)]), PROVINCE).features;
    expect(label?.properties).toEqual({ kind: 'town', name, rank: 7, anchor });
    expect(label?.geometry.coordinates).toEqual([lon, lat]);
  });
});
