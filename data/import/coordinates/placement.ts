/**
 * Checks a row's point against the commune it names, and places rows without a point.
 *
 * Tolerance: a point may lie up to BOUNDARY_TOLERANCE_M outside its stated commune's polygon.
 * The GADM boundaries are simplified (4 decimals, a few dozen vertices per commune, neighbours
 * that do not quite meet), so a house near the edge can fall a few hundred metres outside; 500 m
 * accepts that and still refuses a point in the middle of another commune. Outside the province
 * (beyond the same tolerance) is always refused.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { CommuneLocator } from '../../pipeline/reference/locator';
import type { ReferenceData } from '../../pipeline/reference/types';
import type { Position } from '../../pipeline/sources/gadm';
import type { CommuneMatch } from '../communes/resolve';
import type { Gazetteer } from '../communes/gazetteer';
import { cellProblem, type CellProblem } from '../problems';

export const BOUNDARY_TOLERANCE_M = 500;

export type PointCheck =
  | { ok: true; communeIndex: number; /** metres outside the polygon (0 inside) */ outsideM: number }
  | { ok: false; problem: CellProblem };

const metres = (m: number) => `${Math.round(m).toLocaleString('vi-VN')} m`;

export class PointPlacer {
  private readonly locator: CommuneLocator;
  private readonly features: Feature<MultiPolygon>[];
  private readonly province: Feature<Polygon | MultiPolygon>;
  private readonly indexByCode: Map<string, number>;
  private readonly centres: Position[];

  constructor(
    reference: ReferenceData,
    private readonly gazetteer: Gazetteer,
  ) {
    this.locator = new CommuneLocator(reference.communes);
    this.features = reference.communes.map((c) => turf.feature(c.geometry, {}, { bbox: c.bbox }));
    this.province = turf.feature(reference.province.geometry);
    this.indexByCode = new Map(reference.communes.map((c, i) => [c.code, i]));
    // The centre of mass can fall outside a concave commune; then a point on its surface is used.
    this.centres = reference.communes.map((c, i) =>
      turf.booleanPointInPolygon(c.centroid, this.features[i]!) ? c.centroid : (turf.pointOnFeature(this.features[i]!).geometry.coordinates as Position),
    );
  }

  communeCentre(index: number): Position {
    return this.centres[index]!;
  }

  private distanceOutside(point: Position, index: number): number {
    const feature = this.features[index]!;
    if (turf.booleanPointInPolygon(point, feature)) return 0;
    return turf.pointToPolygonDistance(point, feature, { units: 'meters' });
  }

  /** The 2019 commune of a point that must lie in one of `allowed` (within the tolerance). */
  private nearestAllowed(point: Position, allowed: readonly number[]): { index: number; outsideM: number } {
    let best = { index: allowed[0]!, outsideM: Infinity };
    for (const index of allowed) {
      const outsideM = this.distanceOutside(point, index);
      if (outsideM < best.outsideM) best = { index, outsideM };
      if (outsideM === 0) break;
    }
    return best;
  }

  check(point: Position, match: CommuneMatch): PointCheck {
    const allowed = match.kind === 'commune' ? [match.index, ...match.alsoCovers] : match.unit.oldCodes.map((c) => this.indexByCode.get(c)!).filter((i) => i !== undefined);
    const nearest = this.nearestAllowed(point, allowed);
    if (nearest.outsideM <= BOUNDARY_TOLERANCE_M) return { ok: true, communeIndex: nearest.index, outsideM: nearest.outsideM };

    const [lon, lat] = point;
    const where = `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
    const provinceOutside = turf.booleanPointInPolygon(point, this.province) ? 0 : turf.pointToPolygonDistance(point, this.province, { units: 'meters' });
    if (provinceOutside > BOUNDARY_TOLERANCE_M) {
      return {
        ok: false,
        problem: cellProblem(
          'POINT_OUTSIDE_PROVINCE',
          `Điểm (${where}) nằm ngoài tỉnh Vĩnh Phúc, cách ranh giới ${metres(provinceOutside)}. Sửa: kiểm tra tọa độ (kinh độ khoảng 105,3–105,8; vĩ độ 21,1–21,6) và hệ tọa độ (--crs).`,
          `The point (${where}) lies outside Vĩnh Phúc, ${Math.round(provinceOutside)} m from its boundary. Fix: check the coordinates (lon about 105.3–105.8, lat 21.1–21.6) and the coordinate system (--crs).`,
        ),
      };
    }
    const inside = this.locator.containing(point).map((i) => this.gazetteer.describe(i));
    const stated = match.kind === 'commune' ? this.gazetteer.describe(match.index) : `${match.unit.type} ${match.unit.name} (${match.unit.code}, từ 01/07/2025)`;
    const lies = inside.length > 0 ? { vi: `nằm trong ${inside.join(', ')}`, en: `lies in ${inside.join(', ')}` } : { vi: 'nằm ngoài mọi xã', en: 'lies in no commune' };
    const code = match.kind === 'commune' ? 'POINT_OUTSIDE_COMMUNE' : 'POINT_NOT_IN_NEW_UNIT';
    return {
      ok: false,
      problem: cellProblem(
        code,
        `Điểm (${where}) ${lies.vi}, cách ${stated} ${metres(nearest.outsideM)} (cho phép tối đa ${metres(BOUNDARY_TOLERANCE_M)}). Sửa: sửa tọa độ hoặc tên xã.`,
        `The point (${where}) ${lies.en}, ${Math.round(nearest.outsideM)} m outside ${stated} (at most ${BOUNDARY_TOLERANCE_M} m allowed). Fix: correct the coordinates or the commune.`,
      ),
    };
  }
}
