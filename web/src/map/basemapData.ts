/** The boundaries as the offline basemap needs them: the areas, plus label points for their names. */
import type { UnitLayers } from '../state/useAtlasData';
import type { BasemapData } from './basemapStyle';
import { labelPoint } from './labelPoints';

type UnitFeature = UnitLayers['communes']['features'][number];

function labelPoints<P>(features: readonly UnitFeature[], properties: (f: UnitFeature) => P) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({
      type: 'Feature' as const,
      properties: properties(f),
      geometry: { type: 'Point' as const, coordinates: labelPoint(f.geometry) },
    })),
  };
}

export function basemapData(units: UnitLayers): BasemapData {
  return {
    ...units,
    districtLabels: labelPoints(units.districts.features, (f) => ({ name: f.properties.name })),
    communeLabels: labelPoints(units.communes.features, (f) => ({
      code: f.properties.code,
      name: f.properties.name,
      population: f.properties.population,
    })),
  };
}
