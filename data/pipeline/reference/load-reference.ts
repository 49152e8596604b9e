/** Reads the reference sources and builds the real layer: communes, districts, province, 2025 units, the region around. */
import path from 'node:path';
import { sourcesDir } from '../../paths';
import { parseCensus } from '../sources/census';
import { loadContext } from '../sources/context';
import { parseCrosswalk } from '../sources/crosswalk';
import { decodeUtf8, readInput, SOURCE_FILES } from '../sources/files';
import { parseGadm } from '../sources/gadm';
import { buildCommunes } from './communes';
import { buildDistricts, buildProvince } from './districts';
import { joinCommunes } from './join';
import type { ReferenceData } from './types';
import { buildUnits2025, indexCrosswalk } from './units-2025';

export function loadReference(): ReferenceData {
  const dir = sourcesDir();
  const gadmFile = path.join(dir, SOURCE_FILES.communes);
  const censusFile = path.join(dir, SOURCE_FILES.census);
  const crosswalkFile = path.join(dir, SOURCE_FILES.crosswalk);

  const features = parseGadm(decodeUtf8(readInput(gadmFile), gadmFile), gadmFile);
  const census = parseCensus(decodeUtf8(readInput(censusFile), censusFile), censusFile);
  const crosswalkRows = parseCrosswalk(decodeUtf8(readInput(crosswalkFile), crosswalkFile), crosswalkFile);

  const joined = joinCommunes(features, census, gadmFile, censusFile);
  const crosswalk = indexCrosswalk(
    crosswalkRows,
    census.communes.map((c) => c.code),
    crosswalkFile,
  );
  const communes = buildCommunes(joined, crosswalk);
  const { units, unmapped } = buildUnits2025(communes, crosswalk, crosswalkFile);
  return {
    communes,
    districts: buildDistricts(communes, census, gadmFile),
    province: buildProvince(communes, census),
    units2025: units,
    crosswalk: crosswalkRows.slice().sort((a, b) => a.oldCode.localeCompare(b.oldCode)),
    unmapped2025: unmapped,
    context: loadContext(),
  };
}
