import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  parseAtlasState,
  serializeAtlasState,
  toggleLayer,
  type AtlasState,
} from '../../../web/src/state/atlasState';

describe('URL state', () => {
  it('given an empty query, when parsed, then the briefing defaults apply', () => {
    expect(parseAtlasState('')).toEqual(DEFAULT_STATE);
  });

  it('given a full view, when serialised and parsed again, then it is the same view', () => {
    const view: AtlasState = {
      view: 'explore',
      lang: 'en',
      layers: ['heatmap', 'tipHex', 'labels'],
      metric: 'tips_per_1k_households',
      level: 'district',
      scheme: 'jenks',
      period: { from: '2019-01-01', to: '2019-12-31' },
      district: '246',
      unit: '08707',
      camera: { zoom: 11.25, lat: 21.2815, lon: 105.6012 },
      units: '2025',
      weights: { ...DEFAULT_STATE.weights, trend: 0.5, hotspot_bin: 0 },
      plannerSort: { key: 'district', descending: true },
    };
    const search = serializeAtlasState(view);
    expect(search).toContain('layers=heatmap,tipHex,labels');
    expect(search).toContain('map=11.25/21.2815/105.6012');
    expect(search).toContain('units=2025');
    expect(search).toContain('w_trend=0.5');
    expect(search).toContain('w_hotspot_bin=0');
    expect(search).not.toContain('w_incidents_per_1k_households');
    expect(search).toContain('sort=-district');
    expect(parseAtlasState(search)).toEqual(view);
  });

  it('given unknown values, when parsed, then each falls back to its default and nothing throws', () => {
    const state = parseAtlasState('?view=admin&lang=fr&metric=DROP&layers=foo,heatmap&from=2030-01-01&to=x&district=9x&unit=../1&map=a/b/c');
    expect(state.view).toBe('briefing');
    expect(state.lang).toBe('vi');
    expect(state.metric).toBe(DEFAULT_STATE.metric);
    expect(state.layers).toEqual(['heatmap']);
    expect(state.period).toEqual(DEFAULT_STATE.period);
    expect(state.district).toBeNull();
    expect(state.unit).toBeNull();
    expect(state.camera).toBeNull();
  });

  it('given an empty layer list, when parsed, then no layer is on', () => {
    expect(parseAtlasState('?layers=').layers).toEqual([]);
  });

  it('given a layer switched on out of order, when toggled, then layers stay in drawing order', () => {
    expect(toggleLayer(['labels'], 'choropleth', true)).toEqual(['choropleth', 'labels']);
    expect(toggleLayer(['choropleth', 'labels'], 'choropleth', false)).toEqual(['labels']);
  });
});
