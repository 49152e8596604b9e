/**
 * What the map should draw but cannot: the data of a switched-on layer (or of the boundaries
 * under everything) that failed to load. The ready flag stays down while any has, so a page that
 * silently lacks a layer never reports itself ready (readiness.ts).
 */
import type { AtlasData } from './useAtlasData';

export function failedLayers(data: AtlasData): string[] {
  const needed: [string, { error: Error | null }][] = [
    ['units', data.units],
    ['choropleth', data.choropleth],
    ['heatmap', data.groupGrid],
    ['tipHex', data.tipGrid],
    ['hotspots', data.hotspots],
    ['emerging', data.emerging],
    ['models', data.models],
    ['planner', data.planner],
    ['units2025', data.units2025],
  ];
  // A resource that is not needed has no key and so no error: every error here is a layer on the map.
  return needed.filter(([, resource]) => resource.error !== null).map(([name]) => name);
}
