/** The offline style as data: the region under the province, and nothing that would be fetched from another host. */
import { describe, expect, it } from 'vitest';
import type { BasemapContextResponse } from '#contract/api';
import type { UnitsResponse } from '#contract/api';
import { buildBasemapStyle, BOUNDARY_LAYER_ID, type BasemapData } from '../../../web/src/map/basemapStyle';

const none = { type: 'FeatureCollection', features: [] } as const;
const units: BasemapData = {
  communes: none as unknown as UnitsResponse,
  districts: none as unknown as UnitsResponse,
  province: none as unknown as UnitsResponse,
  districtLabels: { type: 'FeatureCollection', features: [] },
  communeLabels: { type: 'FeatureCollection', features: [] },
};
const context = { features: { type: 'FeatureCollection', name: 'context', attribution: 'test', synthetic: false, features: [] } as BasemapContextResponse, labels: { type: 'FeatureCollection' as const, features: [] } };

describe('offline basemap style', () => {
  it('given the region, when styled, then every context layer lies between the background and the province land, under the boundaries', () => {
    const ids = buildBasemapStyle(units, context, {}).layers.map((l) => l.id);
    const contextIds = ids.filter((id) => id.startsWith('context-'));
    expect(ids[0]).toBe('outside');
    expect(contextIds.length).toBeGreaterThanOrEqual(6);
    for (const id of contextIds) {
      expect(ids.indexOf(id)).toBeGreaterThan(0);
      expect(ids.indexOf(id)).toBeLessThan(ids.indexOf('province-land'));
    }
    expect(ids.indexOf('province-land')).toBeLessThan(ids.indexOf(BOUNDARY_LAYER_ID));
  });

  it('given no region (its request failed), when styled, then the province stands alone on the background', () => {
    const style = buildBasemapStyle(units, null, {});
    expect(style.layers.map((l) => l.id).filter((id) => id.startsWith('context-'))).toEqual([]);
    expect(Object.keys(style.sources)).not.toContain('context');
  });

  it('names no glyph, sprite or tile URL: every source is inline GeoJSON', () => {
    const style = buildBasemapStyle(units, context, {});
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });
});
