/**
 * Queen contiguity of polygons by shared vertices, as API_CONTRACT.md specifies for communes:
 * two units are neighbours when SOME vertex of one lies within the snap distance of SOME vertex
 * of the other, distance being planar Euclidean distance in lon/lat degrees.
 *
 * This reproduces R spdep `poly2nb(x, queen = TRUE, snap = 0.0005)` (C routine `polypolyC` in
 * spdep/src/polypoly.c): dx = x₁ − x₂ and dy = y₁ − y₂ on the raw doubles, neighbours iff
 * hypot(dx, dy) ≤ snap. All rings count (outer rings and holes, every part of a MultiPolygon),
 * as spdep reads every coordinate of a feature. Instead of spdep's bounding-box pre-filter a
 * spatial hash grid finds candidate vertex pairs, so hundreds of polygons with thousands of
 * vertices each take milliseconds; the final test is the same.
 */
import { AnalyticsError } from './errors';

/**
 * Snap distance in degrees (≈ 55 m of latitude): absorbs the small gaps and overlaps between
 * neighbouring GADM commune boundaries without joining communes that merely face each other.
 */
export const QUEEN_SNAP_DEGREES = 0.0005;

/**
 * Grid cells are this many snap distances wide, so any two vertices within the snap distance lie
 * in the same or adjacent cells even when x/cell rounds across a cell border.
 */
const GRID_CELL_IN_SNAPS = 2;

/** A GeoJSON position: [longitude, latitude] (a third coordinate is ignored). */
export type Position = readonly number[];
/** GeoJSON Polygon coordinates: rings of positions, the first the outer ring. */
export type PolygonCoordinates = readonly (readonly Position[])[];
export type AreaGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: PolygonCoordinates }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly PolygonCoordinates[] };

interface Vertex {
  unit: number;
  x: number;
  y: number;
}

/**
 * Queen-contiguity neighbour lists of polygonal units.
 * @param geometries one GeoJSON Polygon or MultiPolygon per unit; null = no geometry (isolated).
 * @param snap snap distance in degrees, default QUEEN_SNAP_DEGREES.
 * @returns for each unit, the indices of its neighbours in ascending order, without the unit
 *   itself; symmetric (j in list i ⇔ i in list j).
 * @throws AnalyticsError `invalid_input` for a non-finite coordinate or a non-positive snap.
 */
export function queenContiguity(geometries: readonly (AreaGeometry | null)[], snap: number = QUEEN_SNAP_DEGREES): number[][] {
  if (!(Number.isFinite(snap) && snap > 0)) {
    throw new AnalyticsError('invalid_input', `The snap distance must be a positive number of degrees, not ${snap}.`, { snap });
  }
  const cellSize = snap * GRID_CELL_IN_SNAPS;
  const grid = new Map<number, Map<number, Vertex[]>>();
  const neighbourSets = geometries.map(() => new Set<number>());

  geometries.forEach((geometry, unit) => {
    for (const position of verticesOf(geometry, unit)) {
      const vertex = { unit, x: position[0]!, y: position[1]! };
      const column = Math.floor(vertex.x / cellSize);
      const row = Math.floor(vertex.y / cellSize);
      for (let dc = -1; dc <= 1; dc += 1) {
        const gridColumn = grid.get(column + dc);
        if (!gridColumn) continue;
        for (let dr = -1; dr <= 1; dr += 1) {
          for (const other of gridColumn.get(row + dr) ?? []) {
            if (other.unit === unit || neighbourSets[unit]!.has(other.unit)) continue;
            if (withinSnap(vertex, other, snap)) {
              neighbourSets[unit]!.add(other.unit);
              neighbourSets[other.unit]!.add(unit);
            }
          }
        }
      }
      cellOf(grid, column, row).push(vertex);
    }
  });

  return neighbourSets.map((set) => [...set].sort((a, b) => a - b));
}

/** spdep's test, operation for operation: |dx| or |dy| > snap rejects, else hypot(dx, dy) ≤ snap. */
function withinSnap(a: Vertex, b: Vertex, snap: number): boolean {
  const dx = a.x - b.x;
  if (Math.abs(dx) > snap) return false;
  const dy = a.y - b.y;
  if (Math.abs(dy) > snap) return false;
  return Math.hypot(dx, dy) <= snap;
}

function cellOf(grid: Map<number, Map<number, Vertex[]>>, column: number, row: number): Vertex[] {
  let gridColumn = grid.get(column);
  if (!gridColumn) {
    gridColumn = new Map();
    grid.set(column, gridColumn);
  }
  let cell = gridColumn.get(row);
  if (!cell) {
    cell = [];
    gridColumn.set(row, cell);
  }
  return cell;
}

function* verticesOf(geometry: AreaGeometry | null, unit: number): Generator<Position> {
  if (geometry === null) return;
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    throw new AnalyticsError('invalid_input', `Unit ${unit} is not a Polygon or MultiPolygon.`, { unit });
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const position of ring) {
        if (!(Number.isFinite(position[0]) && Number.isFinite(position[1]))) {
          throw new AnalyticsError('invalid_input', `Unit ${unit} has a vertex with a non-finite coordinate.`, { unit });
        }
        yield position;
      }
    }
  }
}
