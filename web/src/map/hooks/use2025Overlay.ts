/**
 * Today's (2025) units over the map: added to the style once their data are here, then only
 * shown or hidden (useLabels), so switching back and forth costs nothing. What it adds (the hatch
 * image, three sources, five layers) belongs to the map's style and is freed with the map: there
 * is nothing of its own to tear down.
 */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Units2025Response } from '#contract/api';
import type { UnitLayers } from '../../state/useAtlasData';
import { COMMUNE_LABEL_LAYER_ID } from '../basemapStyle';
import { HATCH_IMAGE_ID, hatchImage, units2025Layers, units2025Sources } from '../units2025Style';

/** Whether the 2025 layers are in this map's style. */
export function use2025Overlay(map: MapLibreMap | null, units: UnitLayers | null, units2025: Units2025Response | null): boolean {
  const [addedTo, setAddedTo] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    if (!map || !units || !units2025 || addedTo === map) return;
    if (!map.hasImage(HATCH_IMAGE_ID)) map.addImage(HATCH_IMAGE_ID, hatchImage());
    for (const [id, source] of Object.entries(units2025Sources(units2025, units.communes))) if (!map.getSource(id)) map.addSource(id, source);
    const { areas, labels } = units2025Layers();
    // Under the 2019 names (and above the deck.gl fills), so the hatch lets the classes show through.
    for (const layer of areas) if (!map.getLayer(layer.id)) map.addLayer(layer, COMMUNE_LABEL_LAYER_ID);
    if (!map.getLayer(labels.id)) map.addLayer(labels);
    setAddedTo(map);
  }, [map, units, units2025, addedTo]);

  return map !== null && addedTo === map;
}
