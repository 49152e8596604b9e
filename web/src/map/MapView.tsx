/**
 * The map: MapLibre with our offline basemap (or the deployment's external style), deck.gl
 * layers interleaved through MapLibreOverlay, the camera kept in the URL, and the signals the
 * ready flag needs. Loaded lazily: this module pulls in MapLibre, deck.gl, h3-js and Arrow.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { Camera, MapLayerId, UnitVersion, View } from '../state/atlasState';
import type { AtlasData, UnitLayers } from '../state/useAtlasData';
import type { HoverTarget } from '../state/hover';
import { MAP_CONTAINER_ATTRIBUTE, readiness } from '../state/readiness';
import { GRID_RESOLUTION } from '../style/domains';
import { gapScoreClasses } from '../style/gapScore';
import {
  basemapSources,
  boundaryLayers,
  buildBasemapStyle,
  COMMUNE_LABEL_LAYER_ID,
  SELECTED_LABEL_LAYER_ID,
  type BasemapData,
} from './basemapStyle';
import { buildLayers } from './buildLayers';
import { exportMapImage, type ExportSpec } from './exportPng';
import { labelFontFaces } from './fontFaces';
import { cellSpacingMeters, coveringCells, densityCells } from './heatmapCells';
import { hoverTarget } from './hoverTarget';
import { geometryBbox, labelPoint } from './labelPoints';
import {
  HATCH_IMAGE_ID,
  hatchImage,
  UNITS_2025_AREA_LAYER_IDS,
  UNITS_2025_LABEL_LAYER_ID,
  units2025Layers,
  units2025Sources,
} from './units2025Style';

setWorkerUrl(workerUrl);

export type Bbox = [number, number, number, number];

export interface MapHandle {
  fitBbox(bbox: Bbox): void;
  exportImage(spec: ExportSpec): Promise<Blob>;
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
  camera: Camera | null;
  provinceBbox: Bbox;
  basemapStyleUrl: string | null;
  ariaLabel: string;
  onCameraChange(camera: Camera): void;
  onHover(target: HoverTarget | null): void;
  onSelectUnit(code: string): void;
  ref?: Ref<MapHandle>;
}

/** Room around a framed unit so its edge is not under the panels. */
const FIT_PADDING_PIXELS = 40;
const FLY_DURATION_MS = 800;
/** Flying to a commune stops here: close enough to see it, far enough to see its neighbours. */
const UNIT_MAX_ZOOM = 12;
/** Heatmap radius follows zoom in quarter steps: smooth enough, and no rebuild per frame. */
const ZOOM_STEP = 0.25;
/** A camera in the URL within this of the map's own is the same camera (rounding in the URL). */
const CAMERA_EPSILON = { degrees: 1e-3, zoom: 0.02 };
const MAX_ZOOM = 16;
const MIN_ZOOM = 6;

function sameCamera(a: Camera, b: Camera): boolean {
  return (
    Math.abs(a.lon - b.lon) < CAMERA_EPSILON.degrees &&
    Math.abs(a.lat - b.lat) < CAMERA_EPSILON.degrees &&
    Math.abs(a.zoom - b.zoom) < CAMERA_EPSILON.zoom
  );
}

function cameraOf(map: MapLibreMap): Camera {
  const center = map.getCenter();
  return { lon: center.lng, lat: center.lat, zoom: map.getZoom() };
}

function toBounds(bbox: Bbox): LngLatBoundsLike {
  return [
    [bbox[0], bbox[1]],
    [bbox[2], bbox[3]],
  ];
}

/** Label points for district and commune names, from the boundaries. */
function basemapData(units: UnitLayers): BasemapData {
  const points = <P,>(features: UnitLayers['communes']['features'], props: (f: UnitLayers['communes']['features'][number]) => P) => ({
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({
      type: 'Feature' as const,
      properties: props(f),
      geometry: { type: 'Point' as const, coordinates: labelPoint(f.geometry) },
    })),
  });
  return {
    ...units,
    districtLabels: points(units.districts.features, (f) => ({ name: f.properties.name })),
    communeLabels: points(units.communes.features, (f) => ({
      code: f.properties.code,
      name: f.properties.name,
      population: f.properties.population,
    })),
  };
}

export default function MapView(props: MapViewProps) {
  const { data, visibleLayers, camera, district, ref } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [mapReady, setMapReady] = useState(false);
  /** Today's (2025) boundaries have been added to this map's style. */
  const [overlay2025Added, setOverlay2025Added] = useState(false);
  // Replaced by the map's own zoom as soon as it has loaded.
  const [zoom, setZoom] = useState<number>(camera?.zoom ?? MIN_ZOOM);
  const callbacks = useRef(props);
  callbacks.current = props;
  /** True while the camera is ours (initial framing, district filter), not the user's. */
  const autoFramed = useRef(camera === null);
  const frameTarget = useRef<Bbox | null>(null);
  const frame = (map: MapLibreMap, duration: number) => {
    if (frameTarget.current) map.fitBounds(toBounds(frameTarget.current), { padding: FIT_PADDING_PIXELS, duration });
  };
  const units = data.units.data;
  const models = data.models.latest;

  // Create the map once the boundaries are here (our style is built from them).
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !units) return;
    const basemap = basemapData(units);
    const external = props.basemapStyleUrl;
    const start = callbacks.current.camera;
    const bbox = props.provinceBbox;
    frameTarget.current = bbox;
    const map = new MapLibreMap({
      container,
      style: external ?? buildBasemapStyle(basemap, labelFontFaces()),
      ...(start
        ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom }
        : { bounds: toBounds(bbox), fitBoundsOptions: { padding: FIT_PADDING_PIXELS } }),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // Sources are credited in the page (translated) and in exports, not by MapLibre.
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    mapRef.current = map;
    readiness.mapAttached(() => map.triggerRepaint());
    map.on('movestart', () => readiness.mapBusy());
    map.on('idle', () => readiness.mapIdle());
    map.on('zoomend', () => setZoom(Math.round(map.getZoom() / ZOOM_STEP) * ZOOM_STEP));
    map.on('moveend', () => callbacks.current.onCameraChange(cameraOf(map)));
    // Until someone moves the map, keep the province (or district) framed as the panels
    // around the map settle (cards arriving change its height).
    map.on('movestart', (event) => {
      if ('originalEvent' in event && event.originalEvent) autoFramed.current = false;
    });
    map.on('resize', () => {
      if (autoFramed.current) frame(map, 0);
    });
    map.once('load', () => {
      if (external) {
        // The deployment's style brings land and water; our boundaries and names go on top.
        map.setFontFaces({ ...map.getFontFaces(), ...labelFontFaces() });
        for (const [id, source] of Object.entries(basemapSources(basemap))) if (!map.getSource(id)) map.addSource(id, source);
        for (const layer of boundaryLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
      }
      const overlay = new MapLibreOverlay({
        interleaved: true,
        layers: [],
        onAfterRender: () => readiness.deckRendered(),
        onHover: (info: PickingInfo) => callbacks.current.onHover(hoverTarget(info, callbacks.current.data.models.latest)),
        onClick: (info: PickingInfo) => {
          // The commune under the pointer, even when hexagons or points are drawn above it.
          const picks = overlayRef.current?.pickMultipleObjects({ x: info.x, y: info.y }) ?? [info];
          for (const pick of picks) {
            const target = hoverTarget(pick, null);
            if (target?.kind === 'unit') {
              callbacks.current.onSelectUnit(target.code);
              return;
            }
          }
        },
      });
      map.addControl(overlay);
      overlayRef.current = overlay;
      setZoom(Math.round(map.getZoom() / ZOOM_STEP) * ZOOM_STEP);
      setMapReady(true);
    });
    return () => {
      readiness.mapDetached();
      overlayRef.current = null;
      mapRef.current = null;
      setMapReady(false);
      setOverlay2025Added(false);
      map.remove();
    };
    // The map is created once per boundary set; later prop changes are applied by the effects below.
  }, [units]);

  // Follow the URL camera (back/forward, a pasted link); our own moves come back equal.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !camera) return;
    if (!sameCamera(camera, cameraOf(map))) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }, [camera, mapReady]);

  // Frame the filtered district (or the province) when the filter changes.
  const firstDistrict = useRef(true);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !units) return;
    if (firstDistrict.current) {
      firstDistrict.current = false;
      if (callbacks.current.camera) return;
    }
    const feature = district ? units.districts.features.find((f) => f.properties.code === district) : units.province.features[0];
    if (!feature) return;
    frameTarget.current = geometryBbox(feature.geometry);
    autoFramed.current = true;
    frame(map, FLY_DURATION_MS);
  }, [district, mapReady, units]);

  const coverage = useMemo(() => (units ? coveringCells(units.communes, GRID_RESOLUTION) : []), [units]);
  const groupGrid = data.groupGrid.latest;
  const cells = useMemo(() => (groupGrid ? densityCells(coverage, groupGrid) : []), [coverage, groupGrid]);
  const provinceLatitude = (props.provinceBbox[1] + props.provinceBbox[3]) / 2;

  // Layers ever switched on in this map (see buildLayers): grows, never shrinks.
  const createdRef = useRef(new Set<MapLayerId>());
  const created = useMemo(() => {
    const missing = [...visibleLayers].filter((id) => !createdRef.current.has(id));
    if (missing.length > 0) createdRef.current = new Set([...createdRef.current, ...missing]);
    return createdRef.current;
  }, [visibleLayers]);

  const planner = data.planner.latest;
  const gapScores = useMemo(() => (planner ? gapScoreClasses(planner.rows) : null), [planner]);

  const layers = useMemo(
    () =>
      buildLayers({
        units,
        choropleth: data.choropleth.latest,
        gapScores,
        view: props.view,
        level: props.level,
        densityCells: cells,
        tipGrid: data.tipGrid.latest,
        hotspots: data.hotspots.latest,
        models,
        visible: visibleLayers,
        created,
        district,
        selectedCode: props.selectedCode,
        zoom,
        latitude: provinceLatitude,
        cellSpacingMeters: cellSpacingMeters(GRID_RESOLUTION),
      }),
    [units, data.choropleth.latest, gapScores, props.view, props.level, cells, data.tipGrid.latest, data.hotspots.latest, models, visibleLayers, created, district, props.selectedCode, zoom, provinceLatitude],
  );

  // Today's units: added to the style once their data are here, then only shown or hidden.
  const units2025 = data.units2025.latest;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !units || !units2025 || overlay2025Added) return;
    if (!map.hasImage(HATCH_IMAGE_ID)) map.addImage(HATCH_IMAGE_ID, hatchImage());
    for (const [id, source] of Object.entries(units2025Sources(units2025, units.communes))) if (!map.getSource(id)) map.addSource(id, source);
    const { areas, labels } = units2025Layers();
    // Under the 2019 names (and above the deck.gl fills), so the hatch lets the classes show through.
    for (const layer of areas) if (!map.getLayer(layer.id)) map.addLayer(layer, COMMUNE_LABEL_LAYER_ID);
    if (!map.getLayer(labels.id)) map.addLayer(labels);
    setOverlay2025Added(true);
  }, [mapReady, units, units2025, overlay2025Added]);

  // Names are MapLibre layers: switch them and mark the selected one through the style. With
  // today's boundaries on, today's names replace the 2019 commune names.
  const labelsOn = visibleLayers.has('labels');
  const show2025 = props.unitVersion === '2025';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady) return;
    const shown = (on: boolean) => (on ? 'visible' : 'none');
    map.setLayoutProperty(COMMUNE_LABEL_LAYER_ID, 'visibility', shown(labelsOn && !show2025));
    map.setLayoutProperty(SELECTED_LABEL_LAYER_ID, 'visibility', shown(labelsOn));
    map.setFilter(SELECTED_LABEL_LAYER_ID, ['==', ['get', 'code'], props.selectedCode ?? '']);
    if (overlay2025Added) {
      for (const id of UNITS_2025_AREA_LAYER_IDS) map.setLayoutProperty(id, 'visibility', shown(show2025));
      map.setLayoutProperty(UNITS_2025_LABEL_LAYER_ID, 'visibility', shown(labelsOn && show2025));
    }
    // A style change is drawn on the next frame: not ready until MapLibre is idle again.
    readiness.mapBusy();
    map.triggerRepaint();
  }, [labelsOn, show2025, overlay2025Added, props.selectedCode, mapReady]);

  useEffect(() => {
    const overlay = overlayRef.current;
    const map = mapRef.current;
    if (!overlay || !map || !mapReady) return;
    const apply = () => {
      overlay.setProps({ layers });
      readiness.layersChanged(() => layers.every((layer) => layer.isLoaded));
      map.triggerRepaint();
    };
    apply();
    if (map.isStyleLoaded()) return;
    // MapLibreOverlay can only slot new layers under the boundaries (beforeId) once the style
    // has loaded; until then it draws them on top. Hand them over again when it has.
    const release = readiness.hold();
    const retry = () => {
      if (!map.isStyleLoaded()) return;
      map.off('sourcedata', retry);
      map.off('idle', retry);
      apply();
      release();
    };
    map.on('sourcedata', retry);
    map.on('idle', retry);
    return () => {
      map.off('sourcedata', retry);
      map.off('idle', retry);
      release();
    };
  }, [layers, mapReady]);

  // Print shows the map as an image of its last frame, scaled without distortion.
  const [printImage, setPrintImage] = useState<string | null>(null);
  useEffect(() => {
    const before = () => setPrintImage(mapRef.current?.getCanvas().toDataURL('image/png') ?? null);
    const after = () => setPrintImage(null);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      fitBbox(bbox: Bbox) {
        autoFramed.current = false;
        // The container may just have changed size (a panel opened): measure it first.
        mapRef.current?.resize();
        mapRef.current?.fitBounds(toBounds(bbox), { padding: FIT_PADDING_PIXELS, duration: FLY_DURATION_MS, maxZoom: UNIT_MAX_ZOOM });
      },
      exportImage(spec: ExportSpec) {
        const map = mapRef.current;
        if (!map) return Promise.reject(new Error('The map is not ready yet.'));
        return exportMapImage(map, spec);
      },
    }),
    [],
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
      {printImage && <img className="map-print-image" src={printImage} alt={props.ariaLabel} />}
    </>
  );
}
