/**
 * Joins the GADM commune polygons to the GSO census units: district by folded district
 * name, then commune by folded name WITHIN that district. GADM's VARNAME_3 is never used
 * (it drops words), and a name shared by two districts (Xuân Hòa / Xuân Hoà) is safe
 * because the match is per district. Every feature and every census commune must match
 * exactly once; anything else fails loudly.
 */
import path from 'node:path';
import { foldForSearch } from '#contract';
import { PipelineError } from '../errors';
import type { Census, CensusCommune, CensusDistrict } from '../sources/census';
import type { GadmCommune } from '../sources/gadm';

export interface JoinedCommune {
  gadm: GadmCommune;
  census: CensusCommune;
  district: CensusDistrict;
}

export function joinCommunes(features: GadmCommune[], census: Census, gadmFile: string, censusFile: string): JoinedCommune[] {
  const gadmName = path.basename(gadmFile);
  const censusName = path.basename(censusFile);
  const districtsByFold = new Map(census.districts.map((d) => [foldForSearch(d.name), d]));
  const communesByKey = new Map<string, CensusCommune>();
  for (const c of census.communes) communesByKey.set(`${c.districtCode}:${foldForSearch(c.name)}`, c);

  const used = new Map<string, GadmCommune>();
  const joined = features.map((feature) => {
    const label = `feature #${feature.index} (GID_3 ${feature.gid}, NAME_3 "${feature.name}", NAME_2 "${feature.districtName}")`;
    const district = districtsByFold.get(foldForSearch(feature.districtName));
    if (!district) {
      throw new PipelineError({
        code: 'JOIN_FAILED',
        message: `${gadmName} ${label}: district "${feature.districtName}" matches no district of ${censusName} (${census.districts.map((d) => d.name).join(', ')}).`,
        file: gadmFile,
        where: label,
        fix: `Correct NAME_2 of that feature (or the district row of ${censusName}) so both fold to the same letters, ignoring spaces and diacritics.`,
      });
    }
    const census_ = communesByKey.get(`${district.code}:${foldForSearch(feature.name)}`);
    if (!census_) {
      const unmatched = census.communes
        .filter((c) => c.districtCode === district.code && !used.has(c.code))
        .map((c) => `${c.name} (${c.code})`);
      throw new PipelineError({
        code: 'JOIN_FAILED',
        message: `${gadmName} ${label} has no commune of that name in ${district.type} ${district.name} (${district.code}) of ${censusName}. Not yet matched there: ${unmatched.join(', ') || 'none'}.`,
        file: gadmFile,
        where: label,
        fix: `Correct NAME_3 of that feature or the commune name in ${censusName} so that both name the same commune (spaces and diacritics are ignored; the join never uses VARNAME_3).`,
      });
    }
    const previous = used.get(census_.code);
    if (previous) {
      throw new PipelineError({
        code: 'JOIN_FAILED',
        message: `${gadmName} ${label} and feature #${previous.index} (GID_3 ${previous.gid}) both match census commune ${census_.name} (${census_.code}).`,
        file: gadmFile,
        where: label,
        fix: 'Remove the duplicate feature or correct its NAME_3.',
      });
    }
    used.set(census_.code, feature);
    return { gadm: feature, census: census_, district };
  });

  const missing = census.communes.filter((c) => !used.has(c.code));
  if (missing.length > 0) {
    const first = missing[0]!;
    throw new PipelineError({
      code: 'JOIN_FAILED',
      message: `${missing.length} commune(s) of ${censusName} have no polygon in ${gadmName}: ${missing.map((c) => `${c.name} (${c.code}, line ${c.line})`).join(', ')}.`,
      file: censusFile,
      where: `line ${first.line}`,
      fix: `Restore the missing feature(s) in ${gadmName}, or correct the commune name so it matches the GADM NAME_3 of its district.`,
    });
  }
  return joined;
}
