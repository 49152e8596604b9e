/**
 * The map's own controls, in the lower right corner where no panel of ours sits (the toolbar is
 * top right, loading and errors top left, the credits bottom left): zoom buttons and the compass
 * as north arrow (NavigationControl, pitch not shown), and under them a metric scale bar.
 * Their tooltips, and the letter for north on the compass (app.css draws it), are ours, in the
 * UI's language, and follow a language switch.
 */
import { useEffect } from 'react';
import { NavigationControl, ScaleControl, type Map as MapLibreMap } from 'maplibre-gl';

export interface ControlLabels {
  zoomIn: string;
  zoomOut: string;
  north: string;
  /** One letter: B (Bắc) in Vietnamese, N in English. */
  northLetter: string;
}

/** Widest the scale bar grows, in CSS pixels: a round distance always fits in it. */
const SCALE_MAX_WIDTH_PIXELS = 120;

/** MapLibre's class names of the buttons (part of its styling API), and which label each gets. */
const BUTTON_LABELS: [selector: string, label: 'zoomIn' | 'zoomOut' | 'north'][] = [
  ['.maplibregl-ctrl-zoom-in', 'zoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'zoomOut'],
  ['.maplibregl-ctrl-compass', 'north'],
];

export function useMapControls(map: MapLibreMap | null, labels: ControlLabels): void {
  useEffect(() => {
    if (!map) return;
    const scale = new ScaleControl({ unit: 'metric', maxWidth: SCALE_MAX_WIDTH_PIXELS });
    const navigation = new NavigationControl({ showZoom: true, showCompass: true, visualizePitch: false });
    // A corner stacks its controls upwards: the scale bar first, so it ends up at the bottom.
    map.addControl(scale, 'bottom-right');
    map.addControl(navigation, 'bottom-right');
    return () => {
      // A removed map has already let go of its controls.
      if (map.hasControl(navigation)) map.removeControl(navigation);
      if (map.hasControl(scale)) map.removeControl(scale);
    };
  }, [map]);

  const { zoomIn, zoomOut, north, northLetter } = labels;
  useEffect(() => {
    if (!map) return;
    const text = { zoomIn, zoomOut, north };
    const container = map.getContainer();
    for (const [selector, label] of BUTTON_LABELS) {
      const button = container.querySelector(selector);
      button?.setAttribute('title', text[label]);
      button?.setAttribute('aria-label', text[label]);
    }
    // On the needle's own element, so the letter turns with it.
    container.querySelector('.maplibregl-ctrl-compass .maplibregl-ctrl-icon')?.setAttribute('data-north', northLetter);
  }, [map, zoomIn, zoomOut, north, northLetter]);
}
