/**
 * The deck.gl layers of the view, derived from the data and the view state (buildLayers), with
 * the derived inputs kept stable: density cells per grid response, gap-score classes per planner
 * response, and the set of layers ever switched on.
 */
import { useMemo, useRef } from 'react';
import type { Layer } from '@deck.gl/core';
import type { MapLayerId, View } from '../../state/atlasState';
import type { AtlasData } from '../../state/useAtlasData';
import { GRID_RESOLUTION } from '../../style/domains';
import { gapScoreClasses } from '../../style/gapScore';
import { metricClasses } from '../../style/metricClasses';
import { buildLayers } from '../buildLayers';
import type { Bbox } from '../camera';
import { cellSpacingMeters, coveringCells, densityCells } from '../heatmapCells';

export interface AtlasLayerInputs {
  data: AtlasData;
  visibleLayers: ReadonlySet<MapLayerId>;
  view: View;
  level: 'commune' | 'district';
  district: string | null;
  provinceBbox: Bbox;
  /** The map's zoom in steps (useZoomStep). */
  zoom: number;
}

export function useAtlasLayers({ data, visibleLayers, view, level, district, provinceBbox, zoom }: AtlasLayerInputs): Layer[] {
  const units = data.units.data;
  const coverage = useMemo(() => (units ? coveringCells(units.communes, GRID_RESOLUTION) : []), [units]);
  const groupGrid = data.groupGrid.latest;
  const cells = useMemo(() => (groupGrid ? densityCells(coverage, groupGrid) : []), [coverage, groupGrid]);
  const latitude = (provinceBbox[1] + provinceBbox[3]) / 2;

  // Layers ever switched on in this map (see buildLayers): grows, never shrinks.
  const createdRef = useRef(new Set<MapLayerId>());
  const created = useMemo(() => {
    const missing = [...visibleLayers].filter((id) => !createdRef.current.has(id));
    if (missing.length > 0) createdRef.current = new Set([...createdRef.current, ...missing]);
    return createdRef.current;
  }, [visibleLayers]);

  const planner = data.planner.latest;
  const gapScores = useMemo(() => (planner ? gapScoreClasses(planner.rows) : null), [planner]);

  const response = data.choropleth.latest;
  const choropleth = useMemo(() => (response ? metricClasses(response) : null), [response]);
  const tipGrid = data.tipGrid.latest;
  const hotspots = data.hotspots.latest;
  const emerging = data.emerging.latest;
  const models = data.models.latest;
  return useMemo(
    () =>
      buildLayers({
        units,
        choropleth,
        gapScores,
        view,
        level,
        densityCells: cells,
        tipGrid,
        hotspots,
        emerging,
        models,
        visible: visibleLayers,
        created,
        district,
        zoom,
        latitude,
        cellSpacingMeters: cellSpacingMeters(GRID_RESOLUTION),
      }),
    [units, choropleth, gapScores, view, level, cells, tipGrid, hotspots, emerging, models, visibleLayers, created, district, zoom, latitude],
  );
}
