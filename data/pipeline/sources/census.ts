/**
 * The 2019 census table (vinh_phuc_population_2019.csv): one province row, then each
 * district row followed by its commune rows. Names carry the unit type as a prefix
 * ("Phường Nam Viêm", "Huyện Tam Đảo"); the census type is the 2019 type, which is why it,
 * not GADM's TYPE_3, is used.
 */
import path from 'node:path';
import { COMMUNE_TYPES, type CommuneType } from '#contract';
import { PipelineError } from '../errors';
import { parseCsv, type CsvRow } from './csv';

export const CENSUS_HEADER = ['level', 'code', 'name', 'population', 'households', 'area_km2', 'source'] as const;

export const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Huyện'] as const;
export type DistrictType = (typeof DISTRICT_TYPES)[number];

export interface CensusUnit {
  code: string;
  name: string;
  population: number;
  households: number;
  line: number;
}
export interface CensusCommune extends CensusUnit {
  type: CommuneType;
  districtCode: string;
}
export interface CensusDistrict extends CensusUnit {
  type: DistrictType;
}
export interface Census {
  province: CensusUnit;
  districts: CensusDistrict[];
  communes: CensusCommune[];
}

const CODE_DIGITS = { province: 2, district: 3, commune: 5 } as const;
type Level = keyof typeof CODE_DIGITS;

/** Splits "Thị trấn Hoa Sơn" into type and name; the GSO spelling "Thị Trấn" is accepted. */
function splitPrefix<T extends string>(fullName: string, types: readonly T[]): { type: T; name: string } | undefined {
  for (const type of types) {
    const prefix = `${type} `;
    if (fullName.toLocaleLowerCase('vi').startsWith(prefix.toLocaleLowerCase('vi'))) {
      const name = fullName.slice(prefix.length).trim();
      if (name.length > 0) return { type, name };
    }
  }
  return undefined;
}

export function parseCensus(text: string, file: string): Census {
  const name = path.basename(file);
  const rows = parseCsv(text, file, CENSUS_HEADER);
  const fail = (row: CsvRow, message: string, fix: string): never => {
    throw new PipelineError({ code: 'CSV_VALUE', message: `${name} line ${row.line}: ${message}`, file, where: `line ${row.line}`, fix });
  };
  const count = (row: CsvRow, column: 'population' | 'households'): number => {
    const raw = row.values[column] ?? '';
    if (!/^\d+$/.test(raw) || Number(raw) <= 0) {
      fail(row, `${column} "${raw}" is not a positive whole number.`, `Write the census ${column} as digits only (no separators), as in the GSO source.`);
    }
    return Number(raw);
  };

  let province: CensusUnit | undefined;
  const districts: CensusDistrict[] = [];
  const communes: CensusCommune[] = [];
  for (const row of rows) {
    const level = row.values.level as Level;
    if (!(level in CODE_DIGITS)) {
      fail(row, `level "${row.values.level}" is not one of province, district, commune.`, 'Use one of the three levels for every row.');
    }
    const code = row.values.code ?? '';
    if (!new RegExp(`^\\d{${CODE_DIGITS[level]}}$`).test(code)) {
      fail(row, `code "${code}" is not a ${CODE_DIGITS[level]}-digit GSO ${level} code.`, 'Restore the GSO code with its leading zeros (e.g. 08707); spreadsheet tools often strip them.');
    }
    const fullName = (row.values.name ?? '').trim();
    const unit = { code, population: count(row, 'population'), households: count(row, 'households'), line: row.line };
    if (level === 'province') {
      if (province) fail(row, 'a second province row.', 'Keep exactly one province row (Tỉnh Vĩnh Phúc).');
      province = { ...unit, name: fullName.replace(/^Tỉnh\s+/u, '') };
    } else if (level === 'district') {
      const split = splitPrefix(fullName, DISTRICT_TYPES);
      if (!split) fail(row, `district name "${fullName}" does not start with ${DISTRICT_TYPES.join(' / ')}.`, 'Write the district name with its type prefix, e.g. "Huyện Tam Đảo".');
      districts.push({ ...unit, name: split!.name, type: split!.type });
    } else {
      const district = districts.at(-1);
      if (!district) fail(row, 'a commune row before any district row.', 'Put each commune row after the row of its district.');
      const split = splitPrefix(fullName, COMMUNE_TYPES);
      if (!split) fail(row, `commune name "${fullName}" does not start with ${COMMUNE_TYPES.join(' / ')}.`, 'Write the commune name with its 2019 type prefix, e.g. "Xã Bá Hiến".');
      communes.push({ ...unit, name: split!.name, type: split!.type, districtCode: district!.code });
    }
  }
  if (!province) {
    throw new PipelineError({ code: 'CSV_VALUE', message: `${name} has no province row.`, file, where: 'line 2', fix: 'Restore the province row (level "province", code 26).' });
  }
  checkSums(province, districts, communes, file);
  return { province, districts, communes };
}

/** The census is internally consistent: communes sum to their district, districts to the province. */
function checkSums(province: CensusUnit, districts: CensusDistrict[], communes: CensusCommune[], file: string): void {
  const name = path.basename(file);
  const seen = new Set<string>();
  for (const unit of [...districts, ...communes]) {
    if (seen.has(unit.code)) {
      throw new PipelineError({ code: 'CENSUS_INCONSISTENT', message: `${name} line ${unit.line}: code ${unit.code} appears twice.`, file, where: `line ${unit.line}`, fix: 'Remove the duplicate row.' });
    }
    seen.add(unit.code);
  }
  for (const district of districts) {
    const members = communes.filter((c) => c.districtCode === district.code);
    for (const key of ['population', 'households'] as const) {
      const sum = members.reduce((s, c) => s + c[key], 0);
      if (sum !== district[key]) {
        throw new PipelineError({
          code: 'CENSUS_INCONSISTENT',
          message: `${name}: the ${members.length} communes after line ${district.line} (${district.type} ${district.name}) sum to ${key} ${sum}, but the district row says ${district[key]}.`,
          file,
          where: `line ${district.line}`,
          fix: 'Correct the commune or district figure so they agree with the GSO census export, or restore the file from its source.',
        });
      }
    }
  }
  for (const key of ['population', 'households'] as const) {
    const sum = districts.reduce((s, d) => s + d[key], 0);
    if (sum !== province[key]) {
      throw new PipelineError({
        code: 'CENSUS_INCONSISTENT',
        message: `${name}: the districts sum to ${key} ${sum}, but the province row says ${province[key]}.`,
        file,
        where: `line ${province.line}`,
        fix: 'Correct the district or province figure so they agree with the GSO census export, or restore the file from its source.',
      });
    }
  }
}
