/**
 * The map: MapLibre with our offline basemap (or the deployment's external style), deck.gl
 * layers interleaved through MapLibreOverlay, the camera kept in the URL, and the signals the
 * ready flag needs. Each concern is a hook of ./hooks that owns its own listeners and teardown;
 * this component composes them. Loaded lazily: it pulls in MapLibre, deck.gl, h3-js and Arrow.
 */
import { useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { useI18n } from '../i18n/i18n';
import type { Camera, MapLayerId, UnitVersion, View } from '../state/atlasState';
import type { HoverTarget } from '../state/hover';
import type { ScenarioMarks } from '../state/scenario';
import { MAP_CONTAINER_ATTRIBUTE } from '../state/readiness';
import type { AtlasData } from '../state/useAtlasData';
import { FLY_DURATION_MS, toBounds, type Bbox, type FramePadding } from './camera';
import { hoverTarget } from './hoverTarget';
import { use2025Overlay } from './hooks/use2025Overlay';
import { useAtlasLayers } from './hooks/useAtlasLayers';
import { useCamera } from './hooks/useCamera';
import { useDeckLayers } from './hooks/useDeckLayers';
import { useDeckOverlay } from './hooks/useDeckOverlay';
import { useDistrictFraming } from './hooks/useDistrictFraming';
import { useHighlights } from './hooks/useHighlights';
import { significantSpots } from '../style/layerColors';
import { useLabels } from './hooks/useLabels';
import { useMapControls } from './hooks/useMapControls';
import { MIN_ZOOM, useMapInstance } from './hooks/useMapInstance';
import { useZoomStep } from './hooks/useZoomStep';

export type { Bbox };

export interface MapHandle {
  fitBbox(bbox: Bbox): void;
}

export interface MapViewProps {
  data: AtlasData;
  visibleLayers: ReadonlySet<MapLayerId>;
  view: View;
  /** Boundaries drawn over the map: 2019 only, or today's (2025) units as well. */
  unitVersion: UnitVersion;
  level: 'commune' | 'district';
  district: string | null;
  selectedCode: string | null;
  /** A commune pointed at outside the map (a row of the planner's table). */
  hoverCode: string | null;
  /** A planner scenario's result, drawn as marks on the communes it changes. */
  scenario: ScenarioMarks | null;
  camera: Camera | null;
  provinceBbox: Bbox;
  /** Room around the framed province or district for the title, legend and credits drawn over the map. */
  framePadding: FramePadding;
  basemapStyleUrl: string | null;
  ariaLabel: string;
  onCameraChange(camera: Camera): void;
  onHover(target: HoverTarget | null): void;
  onSelectUnit(code: string): void;
  ref?: Ref<MapHandle>;
}

/** Flying to a commune stops here: close enough to see it, far enough to see its neighbours. */
const UNIT_MAX_ZOOM = 12;

export default function MapView(props: MapViewProps) {
  const { data, camera, district, provinceBbox, ref } = props;
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const units = data.units.data;

  const map = useMapInstance({
    container: containerRef,
    units,
    context: data.context.data,
    contextSettled: data.context.settled,
    basemapStyleUrl: props.basemapStyleUrl,
    provinceBbox,
    initialCamera: camera,
    framePadding: props.framePadding,
  });
  const overlay = useDeckOverlay(map, {
    onHover: (info: PickingInfo) => props.onHover(hoverTarget(info, data.models.latest)),
    onClick: (picks: PickingInfo[]) => {
      // The commune under the pointer, even when hexagons or points are drawn above it.
      for (const pick of picks) {
        const target = hoverTarget(pick, null);
        if (target?.kind === 'unit') {
          props.onSelectUnit(target.code);
          return;
        }
      }
    },
  });
  useCamera(map, camera, props.onCameraChange);
  const framing = useDistrictFraming(map, { units, district, provinceBbox, camera, padding: props.framePadding });
  const zoom = useZoomStep(map, camera?.zoom ?? MIN_ZOOM);
  const overlay2025 = use2025Overlay(map, units, data.units2025.latest);
  useLabels(map, {
    labelsOn: props.visibleLayers.has('labels'),
    show2025: props.unitVersion === '2025',
    overlay2025,
    selectedCode: props.selectedCode,
  });
  const layers = useAtlasLayers({
    data,
    visibleLayers: props.visibleLayers,
    view: props.view,
    level: props.level,
    district,
    provinceBbox,
    zoom,
  });
  const hotspots = data.hotspots.latest;
  const outlined = props.visibleLayers.has('hotspots') && props.visibleLayers.has('choropleth');
  const hotspotOutlines = useMemo(() => (outlined && hotspots ? significantSpots(hotspots) : null), [outlined, hotspots]);
  useHighlights(map, { units, hotspotOutlines, hoverCode: props.hoverCode, selectedCode: props.selectedCode, scenario: props.scenario });
  useDeckLayers(map, overlay, layers);
  const controlLabels = useMemo(
    () => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), north: t('map.north'), northLetter: t('map.northLetter') }),
    [t],
  );
  useMapControls(map, controlLabels);

  useImperativeHandle(
    ref,
    () => ({
      fitBbox(bbox: Bbox) {
        framing.stop();
        // The container may just have changed size (a panel opened): measure it first.
        map?.resize();
        map?.fitBounds(toBounds(bbox), { padding: props.framePadding, duration: FLY_DURATION_MS, maxZoom: UNIT_MAX_ZOOM });
      },
    }),
    [map, framing, props.framePadding],
  );

  return (
    <>
      <div
        ref={containerRef}
        className="map-canvas"
        {...{ [MAP_CONTAINER_ATTRIBUTE]: '' }}
        data-ready="false"
        role="region"
        aria-label={props.ariaLabel}
      />
    </>
  );
}
