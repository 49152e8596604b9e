/** The unit boundaries as served: GeoJSON text prepared at load, and the units a request names. */
import type { UnitLevel, UnitVersion } from '#contract';
import type { Dataset } from '../dataset/dataset';
import type { UnitRecord } from '../dataset/unit-record';
import { ApiError, badRequest } from '../errors';

export function unitGeojson(dataset: Dataset, level: UnitLevel, version: UnitVersion): string {
  if (version === '2025' && level !== 'commune') {
    throw badRequest('unknown_value', 'Invalid request: the 2025 units have no district level (districts were abolished on 1 July 2025); use level=commune.', {
      parameter: 'level',
      allowed: ['commune'],
    });
  }
  return version === '2025' ? dataset.geojson['2025'] : dataset.geojson[level];
}

/** A 2019 unit by code, or 404. */
export function unitByCode(dataset: Dataset, code: string): UnitRecord {
  const unit = dataset.unitByCode.get(code);
  if (!unit) throw new ApiError(404, 'unknown_unit', `There is no unit with code ${code} in the 2019 units.`);
  return unit;
}

/** The unit a series or profile is asked for at a level: the province by default at province level. */
export function unitAtLevel(dataset: Dataset, level: UnitLevel, code: string | undefined): UnitRecord {
  const resolved = level === 'province' ? (code ?? dataset.province.code) : code;
  if (!resolved) throw badRequest('missing_parameter', `Invalid request: code is required for level=${level}.`, { parameter: 'code' });
  const unit = unitByCode(dataset, resolved);
  if (unit.level !== level) {
    throw badRequest('invalid_parameter', `Invalid request: ${resolved} is a ${unit.level}, not a ${level}.`, { parameter: 'code' });
  }
  return unit;
}

/** A 2019 commune by code, or 404. */
export function communeByCode(dataset: Dataset, code: string): UnitRecord {
  const unit = dataset.unitByCode.get(code);
  if (!unit || unit.level !== 'commune') throw new ApiError(404, 'unknown_unit', `There is no commune with code ${code}.`);
  return unit;
}
