/**
 * The datasets the current view needs, each fetched only while its layer (or view) is on and the
 * role may see it, keyed by exactly the inputs that change the answer (so toggling the language
 * or the side panel never refetches the map).
 */
import { useMemo } from 'react';
import { DEFAULT_CLASSES, PUBLISHED_PERIOD } from '#contract';
import type { ChoroplethResponse, GridResponse, SummaryResponse } from '#contract/api';
import {
  getBasemapContext,
  getChoropleth,
  getEmergingHotspots,
  getGrid,
  getHotspots,
  getModelPointsArrow,
  getPlanner,
  getSummary,
  getUnits,
  getUnits2025,
} from '../api/client';
import type { Role } from '#contract';
import type { BasemapContextResponse, EmergingResponse, HotspotsResponse, UnitsResponse } from '#contract/api';
import type { PlannerResponse, Units2025Response } from '#contract/api';
import type { ModelPoints } from '../api/decodePoints';
import { GRID_RESOLUTION } from '../style/domains';
import type { AtlasState, MapLayerId } from './atlasState';
import { hasEnoughYears } from './emergingPeriod';
import { breaksBasisFor } from './period';
import { canSeeLayer, canSeeView } from './permissions';
import { hasPositiveWeight, weightsKey } from './plannerWeights';
import { useResource, type Resource } from './useResource';

/** Hotspots on tips per 1,000 households, so big communes are not hot merely for being big. */
const HOTSPOT_VALUE = 'per_1k_households';
/** Benjamini–Hochberg correction on: 137 simultaneous tests would otherwise flag noise. */
const HOTSPOT_FDR = true;

export interface UnitLayers {
  communes: UnitsResponse;
  districts: UnitsResponse;
  province: UnitsResponse;
}

export interface AtlasData {
  units: Resource<UnitLayers>;
  /** The region around the province, drawn under it by the offline basemap. */
  context: Resource<BasemapContextResponse>;
  summary: Resource<SummaryResponse>;
  choropleth: Resource<ChoroplethResponse>;
  groupGrid: Resource<GridResponse>;
  tipGrid: Resource<GridResponse>;
  hotspots: Resource<HotspotsResponse>;
  /** Emerging hot-spot patterns; not asked for when the period has too few calendar years. */
  emerging: Resource<EmergingResponse>;
  models: Resource<ModelPoints>;
  /** The planner's ranking, while the planner view is open (analysts and above). */
  planner: Resource<PlannerResponse>;
  /** Today's units, while the 2025 boundaries are switched on. */
  units2025: Resource<Units2025Response>;
  /** Layers that are switched on and allowed for the role. */
  visibleLayers: ReadonlySet<MapLayerId>;
  /** Every resource the view needs has answered (or failed). */
  settled: boolean;
}

async function loadUnits(signal: AbortSignal): Promise<UnitLayers> {
  const [communes, districts, province] = await Promise.all([
    getUnits('commune', signal),
    getUnits('district', signal),
    getUnits('province', signal),
  ]);
  return { communes, districts, province };
}

async function loadModels(state: AtlasState, signal: AbortSignal): Promise<ModelPoints> {
  // Models count from their founding up to the end of the period: the network as it stood.
  const period = { from: PUBLISHED_PERIOD.from, to: state.period.to };
  const { buffer, cellDegrees } = await getModelPointsArrow({ period, district: state.district }, signal);
  const { decodeModelPoints } = await import('../api/decodePoints');
  return decodeModelPoints(buffer, cellDegrees);
}

export function useAtlasData(state: AtlasState, role: Role): AtlasData {
  const layerKey = state.layers.join(',');
  const visibleLayers = useMemo(
    () => new Set(state.layers.filter((layer) => canSeeLayer(role, layer))),
    // The key stands for the layer list; a new array with the same layers is the same set.
    [layerKey, role],
  );
  const on = (layer: MapLayerId) => visibleLayers.has(layer);
  const { period, district } = state;
  const areaKey = `${period.from}|${period.to}|${district ?? ''}`;

  const units = useResource('units-2019', loadUnits);
  const context = useResource('basemap-context', getBasemapContext);
  const summary = useResource(`summary|${areaKey}`, (signal) => getSummary({ period, district }, signal));
  const planning = state.view === 'planner' && canSeeView(role, 'planner');
  // In the planner the choropleth shows the gap score (from the ranking), not a metric.
  const breaks = breaksBasisFor(period);
  const choropleth = useResource(
    on('choropleth') && !planning ? `choropleth|${state.metric}|${state.level}|${state.scheme}|${breaks}|${areaKey}` : null,
    (signal) =>
      getChoropleth(
        { metric: state.metric, level: state.level, scheme: state.scheme, classes: DEFAULT_CLASSES, breaks, period, district },
        signal,
      ),
  );
  // Groups are "active at the end of the period", so only `to` and the district matter.
  const groupGrid = useResource(on('heatmap') ? `groups|${period.to}|${district ?? ''}` : null, (signal) =>
    getGrid({ layer: 'groups', resolution: GRID_RESOLUTION, period: { from: PUBLISHED_PERIOD.from, to: period.to }, district }, signal),
  );
  const tipGrid = useResource(on('tipHex') ? `tips|${areaKey}` : null, (signal) =>
    getGrid({ layer: 'tips', resolution: GRID_RESOLUTION, period, district }, signal),
  );
  const hotspots = useResource(on('hotspots') ? `hotspots|${period.from}|${period.to}` : null, (signal) =>
    getHotspots({ period, value: HOTSPOT_VALUE, fdr: HOTSPOT_FDR }, signal),
  );
  // The same correction as the Gi* layer: each yearly slice tests all 137 communes at once.
  const emerging = useResource(on('emerging') && hasEnoughYears(period) ? `emerging|${period.from}|${period.to}` : null, (signal) =>
    getEmergingHotspots({ period, fdr: HOTSPOT_FDR }, signal),
  );
  const models = useResource(on('models') ? `models|${period.to}|${district ?? ''}` : null, (signal) =>
    loadModels(state, signal),
  );

  // All-zero weights rank nothing (the server answers 400): the weights panel says so instead.
  const planner = useResource(
    planning && hasPositiveWeight(state.weights) ? `planner|${period.from}|${period.to}|${weightsKey(state.weights)}` : null,
    (signal) => getPlanner({ period, weights: state.weights }, signal),
  );
  const units2025 = useResource(state.units === '2025' ? 'units-2025' : null, getUnits2025);

  const all = [units, context, summary, choropleth, groupGrid, tipGrid, hotspots, emerging, models, planner, units2025];
  return {
    units,
    context,
    summary,
    choropleth,
    groupGrid,
    tipGrid,
    hotspots,
    emerging,
    models,
    planner,
    units2025,
    visibleLayers,
    settled: all.every((r) => r.settled),
  };
}
