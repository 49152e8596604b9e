/**
 * Which commune a point lies in, with turf point-in-polygon over a coarse grid index.
 * GADM's communes overlap slightly in places, so a simulated point is accepted only when it
 * lies inside exactly one commune — its own — and never in a gap between communes.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import type { Commune } from './types';
import type { Position } from '../sources/gadm';

/** Grid cell size in degrees (~1.1 km): a few communes per cell, cheap to scan. */
const CELL_DEGREES = 0.01;

export class CommuneLocator {
  private readonly features: Feature<MultiPolygon>[];
  private readonly cells = new Map<string, number[]>();

  constructor(readonly communes: readonly Commune[]) {
    // A bbox on each feature lets turf reject far points before the ring test.
    this.features = communes.map((c) => turf.feature(c.geometry, {}, { bbox: c.bbox }));
    communes.forEach((commune, i) => {
      const [minLon, minLat, maxLon, maxLat] = commune.bbox;
      for (let x = Math.floor(minLon / CELL_DEGREES); x <= Math.floor(maxLon / CELL_DEGREES); x++) {
        for (let y = Math.floor(minLat / CELL_DEGREES); y <= Math.floor(maxLat / CELL_DEGREES); y++) {
          const key = `${x}:${y}`;
          const list = this.cells.get(key) ?? [];
          list.push(i);
          this.cells.set(key, list);
        }
      }
    });
  }

  /** Indices of every commune whose polygon contains the point (boundary excluded). */
  containing(point: Position): number[] {
    const key = `${Math.floor(point[0] / CELL_DEGREES)}:${Math.floor(point[1] / CELL_DEGREES)}`;
    return (this.cells.get(key) ?? []).filter((i) =>
      turf.booleanPointInPolygon(point, this.features[i]!, { ignoreBoundary: true }),
    );
  }

  /** The one commune containing the point, or undefined in a gap, an overlap or outside. */
  uniqueCommuneAt(point: Position): number | undefined {
    const found = this.containing(point);
    return found.length === 1 ? found[0] : undefined;
  }

  /** True when the point lies in this commune and in no other. */
  isOnlyIn(point: Position, communeIndex: number): boolean {
    if (!turf.booleanPointInPolygon(point, this.features[communeIndex]!, { ignoreBoundary: true })) return false;
    return this.uniqueCommuneAt(point) === communeIndex;
  }
}
