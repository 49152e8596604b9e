/**
 * Framing: the filtered district (or the whole province) is fitted into the view when the filter
 * changes, and kept fitted while the panels around the map settle (cards arriving change its
 * height), until someone moves the map themselves.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Map as MapLibreMap, MapLibreEvent } from 'maplibre-gl';
import type { Camera } from '../../state/atlasState';
import type { UnitLayers } from '../../state/useAtlasData';
import { FLY_DURATION_MS, toBounds, type Bbox, type FramePadding } from '../camera';
import { geometryBbox } from '../labelPoints';
import { useLatest } from './useLatest';

export interface FramingInputs {
  units: UnitLayers | null;
  district: string | null;
  provinceBbox: Bbox;
  /** The URL's camera: one given at the start wins over framing the province. */
  camera: Camera | null;
  /** Room around the framed area for what is drawn over the map. */
  padding: FramePadding;
}

export interface Framing {
  /** The camera is someone else's from now on (a search result was flown to). */
  stop(): void;
}

export function useDistrictFraming(map: MapLibreMap | null, { units, district, provinceBbox, camera, padding }: FramingInputs): Framing {
  /** True while the camera is ours (initial framing, district filter), not the user's. */
  const autoFramed = useRef(camera === null);
  const target = useRef<Bbox>(provinceBbox);
  const firstRun = useRef(true);
  const urlCamera = useLatest(camera);
  const latestPadding = useLatest(padding);

  useEffect(() => {
    if (!map) return;
    const onMoveStart = (event: MapLibreEvent<unknown>) => {
      if ('originalEvent' in event && event.originalEvent) autoFramed.current = false;
    };
    const onResize = () => {
      if (autoFramed.current) map.fitBounds(toBounds(target.current), { padding: latestPadding.current, duration: 0 });
    };
    map.on('movestart', onMoveStart);
    map.on('resize', onResize);
    return () => {
      map.off('movestart', onMoveStart);
      map.off('resize', onResize);
    };
  }, [map]);

  useEffect(() => {
    if (!map || !units) return;
    if (firstRun.current) {
      firstRun.current = false;
      if (urlCamera.current) return;
    }
    const feature = district ? units.districts.features.find((f) => f.properties.code === district) : units.province.features[0];
    if (!feature) return;
    target.current = geometryBbox(feature.geometry);
    autoFramed.current = true;
    map.fitBounds(toBounds(target.current), { padding: latestPadding.current, duration: FLY_DURATION_MS });
  }, [district, map, units]);

  // The overlays changed size (a longer legend, another language): keep the framed area clear of them.
  const { top, bottom, left, right } = padding;
  useEffect(() => {
    if (map && autoFramed.current) map.fitBounds(toBounds(target.current), { padding: { top, bottom, left, right }, duration: 0 });
  }, [map, top, bottom, left, right]);

  return useMemo(
    () => ({
      stop() {
        autoFramed.current = false;
      },
    }),
    [],
  );
}
