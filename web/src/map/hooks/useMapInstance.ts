/**
 * The MapLibre map: created once the boundaries (and the attempt to load the region around them)
 * are in, because the offline style is built from them; removed with everything it holds when
 * they change or the view unmounts. Reports to the ready flag from creation to removal.
 */
import { useEffect, useState, type RefObject } from 'react';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { BasemapContextResponse } from '#contract/api';
import type { Camera } from '../../state/atlasState';
import { readiness } from '../../state/readiness';
import type { UnitLayers } from '../../state/useAtlasData';
import { basemapData } from '../basemapData';
import { basemapSources, boundaryLayers, buildBasemapStyle } from '../basemapStyle';
import { toBounds, type Bbox, type FramePadding } from '../camera';
import { contextLabels } from '../contextLabels';
import { provideContextImage } from '../contextStyle';
import { labelFontFaces } from '../fontFaces';
import { useLatest } from './useLatest';

setWorkerUrl(workerUrl);

export const MAX_ZOOM = 16;
export const MIN_ZOOM = 6;

export interface MapInstanceOptions {
  container: RefObject<HTMLDivElement | null>;
  units: UnitLayers | null;
  /** The region around the province; null while loading or when its request failed. */
  context: BasemapContextResponse | null;
  /** False until the region has loaded or failed: the map waits for it rather than restyle later. */
  contextSettled: boolean;
  /** The deployment's own style, which brings land and water; null = the offline basemap. */
  basemapStyleUrl: string | null;
  provinceBbox: Bbox;
  /** Where the map opens; null frames the province. Read when the map is created. */
  initialCamera: Camera | null;
  /** Room around the framed province for what is drawn over the map. */
  framePadding: FramePadding;
}

/** The map once its style has loaded; null before that and after it is removed. */
export function useMapInstance(options: MapInstanceOptions): MapLibreMap | null {
  const [loaded, setLoaded] = useState<MapLibreMap | null>(null);
  const latest = useLatest(options);
  const { units, context, contextSettled } = options;

  useEffect(() => {
    const { container, basemapStyleUrl: external, provinceBbox: bbox, initialCamera: start, framePadding } = latest.current;
    if (!container.current || !units || !contextSettled) return;
    const basemap = basemapData(units);
    const region = context ? { features: context, labels: contextLabels(context, bbox) } : null;
    const map = new MapLibreMap({
      container: container.current,
      style: external ?? buildBasemapStyle(basemap, region, labelFontFaces()),
      ...(start
        ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom }
        : { bounds: toBounds(bbox), fitBoundsOptions: { padding: framePadding } }),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // Sources are credited in the page (translated) and in exports, not by MapLibre.
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    if (region && !external) map.setMissingStyleImageResolver((id) => provideContextImage(map, id));
    readiness.mapAttached(() => map.triggerRepaint());
    map.on('movestart', () => readiness.mapBusy());
    map.on('idle', () => readiness.mapIdle());
    map.once('load', () => {
      if (external) {
        // The deployment's style brings land and water; our boundaries and names go on top.
        map.setFontFaces({ ...map.getFontFaces(), ...labelFontFaces() });
        for (const [id, source] of Object.entries(basemapSources(basemap))) if (!map.getSource(id)) map.addSource(id, source);
        for (const layer of boundaryLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
      }
      setLoaded(map);
    });
    return () => {
      readiness.mapDetached();
      setLoaded(null);
      map.remove();
    };
    // One map per boundary set and region; camera and style changes are applied by the other hooks.
  }, [units, context, contextSettled]);

  return loaded;
}
