/**
 * The 36 communes/wards of Phú Thọ from 1 July 2025, dissolved from the 2019 communes the
 * crosswalk maps into them. Old communes without a documented mapping are reported with the
 * source's reason and left out — their area stays a hole rather than a guess.
 */
import path from 'node:path';
import { PipelineError } from '../errors';
import type { CrosswalkRow } from '../sources/crosswalk';
import { dissolve } from './dissolve';
import { areaKm2, bboxOf, centroidOf } from './geometry';
import type { Commune, Unit2025, UnmappedCommune } from './types';

/** "Phường Vĩnh Yên" → "Vĩnh Yên" when the prefix is the unit's type. */
function stripTypePrefix(fullName: string, type: string): string {
  return fullName.startsWith(`${type} `) ? fullName.slice(type.length + 1) : fullName;
}

/** Every 2019 commune must have a crosswalk row (mapped or explicitly unresolved). */
export function indexCrosswalk(rows: CrosswalkRow[], communeCodes: string[], file: string): Map<string, CrosswalkRow> {
  const byCode = new Map(rows.map((r) => [r.oldCode, r]));
  const missing = communeCodes.filter((code) => !byCode.has(code));
  if (missing.length > 0) {
    throw new PipelineError({
      code: 'CROSSWALK_INCOMPLETE',
      message: `${path.basename(file)} has no row for ${missing.length} commune code(s) of 2019: ${missing.join(', ')}.`,
      file,
      where: `old_ward_code ${missing[0]}`,
      fix: 'Add a row for each code: the new unit when documented, or an empty new_ward_code with the reason in source.',
    });
  }
  return byCode;
}

export function buildUnits2025(
  communes: Commune[],
  crosswalk: Map<string, CrosswalkRow>,
  file: string,
): { units: Unit2025[]; unmapped: UnmappedCommune[] } {
  const members = new Map<string, { row: CrosswalkRow; communes: Commune[] }>();
  const unmapped: UnmappedCommune[] = [];
  for (const commune of communes) {
    const row = crosswalk.get(commune.code)!;
    if (row.newCode === null) {
      unmapped.push({ code: commune.code, name: commune.name, reason: row.source });
      continue;
    }
    const entry = members.get(row.newCode) ?? { row, communes: [] };
    if (entry.row.newName !== row.newName || entry.row.newType !== row.newType) {
      throw new PipelineError({
        code: 'CSV_VALUE',
        message: `${path.basename(file)} line ${row.line} names new unit ${row.newCode} "${row.newType} / ${row.newName}", but line ${entry.row.line} names it "${entry.row.newType} / ${entry.row.newName}".`,
        file,
        where: `line ${row.line}`,
        fix: 'Use one name and type per new unit code, as in the NSO conversion table.',
      });
    }
    entry.communes.push(commune);
    members.set(row.newCode, entry);
  }
  const units = [...members.entries()]
    .map(([code, { row, communes: parts }]) => {
      const type = row.newType ?? '';
      const geometry = dissolve(parts.map((c) => c.geometry));
      return {
        code,
        name: stripTypePrefix(row.newName ?? '', type),
        type,
        population: parts.reduce((s, c) => s + c.population, 0),
        households: parts.reduce((s, c) => s + c.households, 0),
        areaKm2: areaKm2(geometry),
        centroid: centroidOf(geometry),
        bbox: bboxOf(geometry),
        geometry,
        oldCodes: parts.map((c) => c.code).sort(),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { units, unmapped: unmapped.sort((a, b) => a.code.localeCompare(b.code)) };
}
