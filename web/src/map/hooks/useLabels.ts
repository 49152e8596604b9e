/**
 * Names are MapLibre layers: this switches them with the labels layer and the boundary version,
 * and marks the selected commune's name. With today's boundaries on, today's names replace the
 * 2019 commune names. It only sets layout properties and a filter of layers the style owns.
 */
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { readiness } from '../../state/readiness';
import { COMMUNE_LABEL_LAYER_ID, SELECTED_LABEL_LAYER_ID } from '../basemapStyle';
import { codeFilter, NO_CODE } from '../highlightStyle';
import { UNITS_2025_AREA_LAYER_IDS, UNITS_2025_LABEL_LAYER_ID } from '../units2025Style';

export interface LabelState {
  labelsOn: boolean;
  show2025: boolean;
  /** The 2025 layers are in the style (use2025Overlay). */
  overlay2025: boolean;
  selectedCode: string | null;
}

const shown = (on: boolean) => (on ? 'visible' : 'none');

export function useLabels(map: MapLibreMap | null, { labelsOn, show2025, overlay2025, selectedCode }: LabelState): void {
  useEffect(() => {
    if (!map) return;
    map.setLayoutProperty(COMMUNE_LABEL_LAYER_ID, 'visibility', shown(labelsOn && !show2025));
    map.setLayoutProperty(SELECTED_LABEL_LAYER_ID, 'visibility', shown(labelsOn));
    // The selected name is placed first (its layer is last); the others leave that commune out and make way.
    map.setFilter(SELECTED_LABEL_LAYER_ID, codeFilter(selectedCode ?? NO_CODE));
    map.setFilter(COMMUNE_LABEL_LAYER_ID, ['!', codeFilter(selectedCode ?? NO_CODE)]);
    if (overlay2025) {
      for (const id of UNITS_2025_AREA_LAYER_IDS) map.setLayoutProperty(id, 'visibility', shown(show2025));
      map.setLayoutProperty(UNITS_2025_LABEL_LAYER_ID, 'visibility', shown(labelsOn && show2025));
    }
    // A style change is drawn on the next frame: not ready until MapLibre is idle again.
    readiness.mapBusy();
    map.triggerRepaint();
  }, [labelsOn, show2025, overlay2025, selectedCode, map]);
}
