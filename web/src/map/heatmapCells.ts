/**
 * Cells of the group-density surface: every H3 cell covering the province, with the density of
 * groups in it (count / cell area). Cells with no groups are kept at 0 so the mean density
 * falls off where nobody lives instead of spreading the neighbours' values.
 */
import { cellArea, cellToLatLng, getHexagonEdgeLengthAvg, polygonToCells } from 'h3-js';
import type { GridResponse } from '#contract/api';
import type { UnitCollection } from '#contract/api';

export interface DensityCell {
  h3: string;
  position: [number, number];
  /** Groups per km². */
  density: number;
}

/** Distance between neighbouring hexagon centres is √3 times the edge length. */
const CENTRE_SPACING_PER_EDGE = Math.sqrt(3);

export function cellSpacingMeters(resolution: number): number {
  return getHexagonEdgeLengthAvg(resolution, 'm') * CENTRE_SPACING_PER_EDGE;
}

/** All cells whose centre lies in one of the units (GeoJSON lon/lat order). */
export function coveringCells(units: UnitCollection, resolution: number): string[] {
  const cells = new Set<string>();
  for (const feature of units.features) {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons) {
      for (const cell of polygonToCells(polygon, resolution, true)) cells.add(cell);
    }
  }
  return [...cells];
}

export function densityCells(coverage: readonly string[], grid: GridResponse): DensityCell[] {
  const counts = new Map<string, number>();
  for (const cell of grid.cells) if (cell.count !== null) counts.set(cell.h3, cell.count);
  const all = new Set([...coverage, ...counts.keys()]);
  return [...all].map((h3) => {
    const [lat, lon] = cellToLatLng(h3);
    return { h3, position: [lon, lat], density: (counts.get(h3) ?? 0) / cellArea(h3, 'km2') };
  });
}
