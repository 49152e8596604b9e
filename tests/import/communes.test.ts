/**
 * Which 2019 commune a row names, on the real reference data: codes (also as number cells),
 * names folded like the search with or without their type word, shared names settled by the
 * district, the 2020 and 2025 renames and mergers, the 36 units of 1 Jul 2025 (a point decides),
 * and points checked against their commune with the boundary tolerance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer } from '../../data/import/communes/gazetteer';
import { resolveCommune, type CommuneResolution } from '../../data/import/communes/resolve';
import { readUnitChanges } from '../../data/import/communes/unit-changes';
import { BOUNDARY_TOLERANCE_M, PointPlacer } from '../../data/import/coordinates/placement';
import { loadReference } from '../../data/pipeline/reference/load-reference';
import type { Position } from '../../data/pipeline/sources/gadm';
import { dayFromIso } from '../../data/pipeline/support/dates';
import * as turf from '@turf/turf';

let gazetteer: Gazetteer;
let placer: PointPlacer;
const centreOf = (code: string): Position => gazetteer.communes.find((c) => c.code === code)!.centroid;

beforeAll(() => {
  const reference = loadReference();
  gazetteer = new Gazetteer(reference, readUnitChanges());
  placer = new PointPlacer(reference, gazetteer);
});

const D2019 = dayFromIso('2019-05-01');
function codeOf(r: CommuneResolution): string {
  if (!r.ok) return r.problem.code;
  return r.match.kind === 'commune' ? gazetteer.communes[r.match.index]!.code : `unit ${r.match.unit.code}`;
}

describe('commune names and codes', () => {
  it.each([
    ['08944', null],
    [8944, null],
    ['8944', null],
    ['Bá Hiến', null],
    ['ba hien', null],
    ['BAHIEN', null],
    ['Xã Bá Hiến', null],
    ['  xa   ba  hien ', null],
    ['Thị trấn Bá Hiến', null],
    ['Bá Hiến', 'Bình Xuyên'],
    ['Bá Hiến', 'Huyện Bình Xuyên'],
    ['Bá Hiến', 249],
  ] as const)('given commune %j and district %j, when resolved, then it is 08944 Bá Hiến', (commune, district) => {
    expect(codeOf(resolveCommune(gazetteer, commune, district, D2019))).toBe('08944');
  });

  it('given 8707 as a number cell, when resolved, then it is 08707 (the leading zero restored)', () => {
    expect(codeOf(resolveCommune(gazetteer, 8707, null, D2019))).toBe('08707');
  });

  it('given "Xuân Hòa" without a district, when resolved, then it is refused naming both candidates', () => {
    const r = resolveCommune(gazetteer, 'Xuân Hòa', null, D2019);
    expect(codeOf(r)).toBe('COMMUNE_AMBIGUOUS');
    if (r.ok) return;
    expect(r.problem.message.vi).toContain('Lập Thạch');
    expect(r.problem.message.vi).toContain('Phúc Yên');
  });

  it.each([
    ['Xuân Hòa', 'Lập Thạch', '08794'],
    ['Xuân Hoà', 'Phúc Yên', '08746'],
    ['xuan hoa', 'Thành phố Phúc Yên', '08746'],
    ['Phường Xuân Hòa', null, '08746'],
  ] as const)('given %s and district %j, when resolved, then it is %s', (commune, district, code) => {
    expect(codeOf(resolveCommune(gazetteer, commune, district, D2019))).toBe(code);
  });

  it('given a commune of another district, when resolved, then it is DISTRICT_MISMATCH naming where it is', () => {
    const r = resolveCommune(gazetteer, 'Bá Hiến', 'Vĩnh Yên', D2019);
    expect(codeOf(r)).toBe('DISTRICT_MISMATCH');
    if (!r.ok) expect(r.problem.message.vi).toContain('Bình Xuyên');
  });

  it.each(['Bá Hiến Mới', '99999', 'Hà Nội'])('given %s, when resolved, then it is COMMUNE_UNKNOWN', (text) => {
    expect(codeOf(resolveCommune(gazetteer, text, null, D2019))).toBe('COMMUNE_UNKNOWN');
  });
});

describe('units renamed or merged after 2019', () => {
  it('given "Xã Tân Phú" (Phú Thịnh + Tân Cương, 2020) without a point, when resolved, then it is the unit that kept the code, 09124 Phú Thịnh', () => {
    expect(codeOf(resolveCommune(gazetteer, 'Xã Tân Phú', null, dayFromIso('2021-03-01')))).toBe('09124');
  });

  it('given "Tân Phú" dated 2021 with a point in old Tân Cương, when placed, then the 2019 commune is 09121 Tân Cương', () => {
    const r = resolveCommune(gazetteer, 'Tân Phú', null, dayFromIso('2021-03-01'));
    if (!r.ok) throw new Error('not resolved');
    const placed = placer.check(centreOf('09121'), r.match);
    expect(placed.ok && gazetteer.communes[placed.communeIndex]!.code).toBe('09121');
  });

  it('given "Hai Bà Trưng" (Trưng Trắc + Trưng Nhị, 1 Jan 2025), when resolved, then it is 08740 and a point in Trưng Trắc places it in 08734', () => {
    const r = resolveCommune(gazetteer, 'Phường Hai Bà Trưng', null, dayFromIso('2025-03-01'));
    expect(codeOf(r)).toBe('08740');
    if (!r.ok) return;
    const placed = placer.check(centreOf('08734'), r.match);
    expect(placed.ok && gazetteer.communes[placed.communeIndex]!.code).toBe('08734');
  });

  it('given "Phường Vĩnh Yên" (a unit of 1 Jul 2025) on a record of 2025-08, when resolved, then it is that new unit and a point inside it gives the 2019 commune', () => {
    const r = resolveCommune(gazetteer, 'Phường Vĩnh Yên', null, dayFromIso('2025-08-01'));
    expect(codeOf(r)).toBe('unit 08707');
    if (!r.ok) return;
    const placed = placer.check(centreOf('08713'), r.match);
    expect(placed.ok && gazetteer.communes[placed.communeIndex]!.code).toBe('08713');
  });

  it('given a 2025 unit and a point in another one, when placed, then it is POINT_NOT_IN_NEW_UNIT', () => {
    const r = resolveCommune(gazetteer, 'Phường Vĩnh Yên', null, dayFromIso('2025-08-01'));
    if (!r.ok) throw new Error('not resolved');
    const placed = placer.check(centreOf('08944'), r.match);
    expect(placed.ok ? 'ok' : placed.problem.code).toBe('POINT_NOT_IN_NEW_UNIT');
  });

  it('given "Vĩnh Yên" dated before 1 Jul 2025, when resolved, then it is refused with the hint that it is a 2025 unit', () => {
    const r = resolveCommune(gazetteer, 'Phường Vĩnh Yên', null, dayFromIso('2024-08-01'));
    expect(codeOf(r)).toBe('COMMUNE_UNKNOWN');
    if (!r.ok) expect(r.problem.message.vi).toContain('01/07/2025');
  });

  it('given code 08707 dated 2025-08 with its 2019 district, when resolved, then the district makes it the 2019 commune Tích Sơn', () => {
    expect(codeOf(resolveCommune(gazetteer, '08707', 'Vĩnh Yên', dayFromIso('2025-08-01')))).toBe('08707');
    expect(codeOf(resolveCommune(gazetteer, '08707', null, dayFromIso('2025-08-01')))).toBe('unit 08707');
  });
});

describe('points against their commune', () => {
  const match = () => {
    const r = resolveCommune(gazetteer, 'Bá Hiến', null, D2019);
    if (!r.ok) throw new Error('not resolved');
    return r.match;
  };

  it(`given a point ${BOUNDARY_TOLERANCE_M / 2} m outside Bá Hiến's boundary, when checked, then it is accepted with its distance`, () => {
    const polygon = gazetteer.communes.find((c) => c.code === '08944')!.geometry;
    const ring = polygon.coordinates[0]![0]!;
    // From a boundary vertex, step away from the centre.
    const vertex = ring[0]!;
    const bearing = turf.bearing(centreOf('08944'), vertex);
    const outside = turf.destination(vertex, BOUNDARY_TOLERANCE_M / 2, bearing, { units: 'meters' }).geometry.coordinates as Position;
    const placed = placer.check(outside, match());
    expect(placed.ok && gazetteer.communes[placed.communeIndex]!.code).toBe('08944');
    expect(placed.ok && placed.outsideM).toBeLessThanOrEqual(BOUNDARY_TOLERANCE_M);
    const farOut = turf.destination(vertex, BOUNDARY_TOLERANCE_M * 3, bearing, { units: 'meters' }).geometry.coordinates as Position;
    const refused = placer.check(farOut, match());
    expect(refused.ok ? 'ok' : refused.problem.code).toMatch(/^POINT_OUTSIDE_(COMMUNE|PROVINCE)$/);
  });

  it('given a point in the middle of another commune, when checked, then it is POINT_OUTSIDE_COMMUNE naming that commune', () => {
    const placed = placer.check(centreOf('08707'), match());
    expect(placed.ok ? 'ok' : placed.problem.code).toBe('POINT_OUTSIDE_COMMUNE');
    if (!placed.ok) expect(placed.problem.message.vi).toContain('Tích Sơn');
  });

  it('given a point in Hà Nội, when checked, then it is POINT_OUTSIDE_PROVINCE', () => {
    const placed = placer.check([105.8542, 21.0285], match());
    expect(placed.ok ? 'ok' : placed.problem.code).toBe('POINT_OUTSIDE_PROVINCE');
  });
});
