/**
 * The logged-in application: header, simulated-data banner, the controls in a drawer (tucked
 * away in the briefing, open for exploring and planning), the map as the largest element with
 * its title, legend, toolbar and tooltip drawn on it, one strip of big numbers above it (briefing)
 * or the planner docked beside it (planner, with its weights in the drawer), and the selected
 * unit's panel. State comes from the URL; data from useAtlasData; the map is a lazy chunk.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '#contract/api';
import type { ConfigResponse, SessionResponse, UnitProperties } from '#contract/api';
import { useI18n } from './i18n/i18n';
import { buildLegend } from './legend/legendModel';
import type { MapHandle } from './map/MapView';
import { AppHeader } from './panels/AppHeader';
import { BriefingCards } from './panels/BriefingCards';
import { DataStatus } from './panels/DataStatus';
import { DistrictFilter } from './panels/DistrictFilter';
import { ErrorState } from './panels/ErrorState';
import { errorText } from './panels/errorText';
import { HoverTooltip } from './panels/HoverTooltip';
import { LayerPanel } from './panels/LayerPanel';
import { Legend } from './panels/Legend';
import { MapToolbar } from './panels/MapToolbar';
import { PeriodControls } from './panels/PeriodControls';
import { SearchBox } from './panels/SearchBox';
import { Skeleton } from './panels/Skeleton';
import { SyntheticBanner } from './panels/SyntheticBanner';
import { MapTitle } from './panels/MapTitle';
import { useOverlayPadding } from './panels/useOverlayPadding';
import type { ScenarioMarks } from './state/scenario';
import type { StaticMapView } from './staticMap/fromAtlas';
import { mapTitleText } from './legend/mapTitle';
import { DEFAULT_FRAME_PADDING } from './map/camera';
import { UnitPanel } from './panels/UnitPanel';
import { UnknownDistrict } from './panels/UnknownDistrict';
import { serializeAtlasState, toggleLayer, type AtlasState, type Language, type View } from './state/atlasState';
import type { HoverTarget } from './state/hover';
import { restrictToRole } from './state/permissions';
import { failedLayers } from './state/failedLayers';
import { readiness } from './state/readiness';
import { useAtlasData } from './state/useAtlasData';
import type { UpdateOptions } from './state/useAtlasState';
import { useExport } from './useExport';

const MapView = lazy(() => import('./map/MapView'));
// The admin screens are for admins only: they load when first opened.
const AdminView = lazy(() => import('./panels/admin/AdminView').then((m) => ({ default: m.AdminView })));
// The printable page (vector map): its own chunk, in the page as soon as it has loaded.
const PrintPage = lazy(() => import('./staticMap/PrintPage'));

/** The view is not ready (for a print, a test) until the printable page is there too. */
function HoldReady() {
  useEffect(() => readiness.hold(), []);
  return null;
}

// The planner is for analysts only: its panels load when the planner view first opens.
const PlannerPanel = lazy(() => import('./panels/planner/PlannerPanel').then((m) => ({ default: m.PlannerPanel })));

/** The controls drawer at first: tucked away for a meeting, open where the controls are the work. */
const DRAWER_OPEN_AT_FIRST: Record<View, boolean> = { briefing: false, explore: true, planner: false };

interface AtlasShellProps {
  state: AtlasState;
  update: (patch: Partial<AtlasState>, options?: UpdateOptions) => void;
  session: SessionResponse;
  config: ConfigResponse;
  onLogout: () => void;
}

function MapSkeleton() {
  const { t } = useI18n();
  return (
    <div className="map-skeleton" aria-busy="true" aria-label={t('map.loading')}>
      <Skeleton lines={3} />
    </div>
  );
}

export function AtlasShell({ state: urlState, update, session, config, onLogout }: AtlasShellProps) {
  const { t, fmt } = useI18n();
  const state = useMemo(() => restrictToRole(urlState, session.role), [urlState, session.role]);
  const data = useAtlasData(state, session.role);
  const mapHandle = useRef<MapHandle>(null);
  const mapAreaRef = useRef<HTMLElement>(null);
  const overlayRefs = {
    frame: useRef<HTMLDivElement>(null),
    title: useRef<HTMLDivElement>(null),
    legend: useRef<HTMLDivElement>(null),
    credits: useRef<HTMLParagraphElement>(null),
  };
  const framePadding = useOverlayPadding(overlayRefs, DEFAULT_FRAME_PADDING);
  const [hover, setHover] = useState<HoverTarget | null>(null);
  const [rowHover, setRowHover] = useState<string | null>(null);
  const [scenarioMarks, setScenarioMarks] = useState<ScenarioMarks | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState<Record<View, boolean>>(DRAWER_OPEN_AT_FIRST);
  const controlsOpen = drawerOpen[state.view];
  const [adminOpen, setAdminOpen] = useState(false);
  const datasetChanged = useRef(false);
  // The latest answer says what is served now (an import or a rollback may have switched it since login).
  const synthetic = data.summary.data ? data.summary.data.synthetic : config.synthetic;
  // After the data set in use changed, every figure on the page is stale: reload it whole.
  const closeAdmin = useCallback(() => (datasetChanged.current ? window.location.reload() : setAdminOpen(false)), []);
  const onDatasetChanged = useCallback(() => {
    datasetChanged.current = true;
  }, []);

  const stateKey = serializeAtlasState(state);
  useEffect(() => readiness.invalidate(), [stateKey]);
  useEffect(() => readiness.setDataSettled(data.settled), [data.settled]);
  const failed = failedLayers(data).join(',');
  useEffect(() => readiness.setFailedLayers(failed === '' ? [] : failed.split(',')), [failed]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const units = data.units.data;
  const unitsByCode = useMemo(() => {
    const map = new Map<string, UnitProperties>();
    for (const f of units?.communes.features ?? []) map.set(f.properties.code, f.properties);
    for (const f of units?.districts.features ?? []) map.set(f.properties.code, f.properties);
    return map;
  }, [units]);

  const planning = state.view === 'planner';
  const units2025 = state.units === '2025' ? data.units2025.latest : null;
  const models = data.models.latest;
  const modelClusters = useMemo(
    () => (models?.counts ? { records: models.records, clusters: models.count, cellDegrees: models.cellDegrees } : null),
    [models],
  );
  const legend = useMemo(
    () =>
      buildLegend({
        choropleth: data.choropleth.latest,
        lang: state.lang,
        planning,
        units2025: units2025 ? { units: units2025.features.length, unmapped: units2025.unmapped.length } : null,
        scenario: planning ? scenarioMarks : null,
        privacyK: config.privacy_k,
        modelClusters,
        emerging: { response: data.emerging.latest, period: state.period },
        visibleLayers: data.visibleLayers,
        t,
        fmt,
      }),
    [data.choropleth.latest, data.emerging.latest, state.period, state.lang, planning, units2025, scenarioMarks, config.privacy_k, modelClusters, data.visibleLayers, t, fmt],
  );
  // The planner table follows the district filter: the district's communes, ranks still province-wide.
  const districtCodes = useMemo(() => {
    if (!state.district) return null;
    const codes = (units?.communes.features ?? []).filter((f) => f.properties.district_code === state.district).map((f) => f.properties.code);
    return new Set(codes);
  }, [state.district, units]);
  const scenario = useMemo(() => ({ period: state.period, weights: state.weights }), [state.period, state.weights]);

  const districtName = state.district ? unitsByCode.get(state.district)?.name ?? state.district : null;
  const title = mapTitleText({ metric: state.metric, planning, visibleLayers: data.visibleLayers, period: state.period, districtName, t, fmt });
  const staticView = useMemo<StaticMapView>(
    () => ({
      units: data.units.data,
      context: data.context.data,
      choropleth: data.choropleth.latest,
      planner: data.planner.latest,
      hotspots: data.hotspots.latest,
      emerging: data.emerging.latest,
      groupGrid: data.groupGrid.latest,
      tipGrid: data.tipGrid.latest,
      models: data.models.latest,
      visibleLayers: data.visibleLayers,
      planning,
      district: state.district,
      selectedCode: state.unit,
      scenario: planning ? scenarioMarks : null,
      provinceBbox: config.province.bbox,
      words: { north: t('map.northLetter') },
    }),
    [data.units.data, data.context.data, data.choropleth.latest, data.planner.latest, data.hotspots.latest, data.emerging.latest, data.groupGrid.latest, data.tipGrid.latest, data.models.latest, data.visibleLayers, planning, state.district, state.unit, scenarioMarks, config.province.bbox, t],
  );
  const protection = data.summary.data?.protection;
  const notes = [
    ...(synthetic ? [t('synthetic.body')] : []),
    ...(protection && protection.method !== 'exact' ? [protection.note[state.lang]] : []),
    t('map.attribution'),
    t('export.generated', { date: fmt.date(new Date().toISOString().slice(0, 10)) }),
  ];
  const { exporting, exportError, exportPng } = useExport({
    view: staticView,
    spec: {
      title: title.title,
      subtitle: [title.subtitle, title.unit].filter(Boolean).join(' · '),
      banner: synthetic ? t('synthetic.title') : null,
      legendTitle: t('legend.title'),
      legend,
      notes,
    },
    fileName: `tlg-atlas-${state.metric}-${state.period.from}-${state.period.to}.png`,
  });

  const onLanguage = useCallback((lang: Language) => update({ lang }), [update]);
  const onSelectUnit = useCallback(
    (code: string) => {
      // The tooltip belongs to the pointer's last move; a click changes what is under it.
      setHover(null);
      update({ unit: code });
    },
    [update],
  );
  const onCameraChange = useCallback((camera: AtlasState['camera']) => update({ camera }, { replace: true }), [update]);
  const onSearch = useCallback(
    (hit: SearchHit) => {
      update({ unit: hit.code });
      // After React has opened the unit panel, which narrows the map.
      window.setTimeout(() => mapHandle.current?.fitBbox(hit.bbox), 0);
    },
    [update],
  );
  const closeUnit = useCallback(() => update({ unit: null }), [update]);
  const toggleControls = () => setDrawerOpen((open) => ({ ...open, [state.view]: !open[state.view] }));

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void mapAreaRef.current?.requestFullscreen();
  }

  const mapResources = [
    { labelKey: 'layer.boundaries' as const, resource: data.units },
    { labelKey: 'layer.context' as const, resource: data.context },
    { labelKey: 'layer.choropleth' as const, resource: data.choropleth },
    { labelKey: 'layer.heatmap' as const, resource: data.groupGrid },
    { labelKey: 'layer.tipHex' as const, resource: data.tipGrid },
    { labelKey: 'layer.hotspots' as const, resource: data.hotspots },
    { labelKey: 'layer.emerging' as const, resource: data.emerging },
    { labelKey: 'layer.models' as const, resource: data.models },
    { labelKey: 'planner.title' as const, resource: data.planner },
    { labelKey: 'units.2025' as const, resource: data.units2025 },
  ];

  return (
    <div className={`app app--${state.view}`}>
      <AppHeader
        view={state.view}
        session={session}
        controlsOpen={controlsOpen}
        onControls={toggleControls}
        onView={(view) => {
          update({ view });
          if (adminOpen) closeAdmin();
        }}
        onLanguage={onLanguage}
        onLogout={onLogout}
        adminOpen={adminOpen}
        onAdmin={() => setAdminOpen(true)}
      />
      {synthetic && <SyntheticBanner />}
      {adminOpen && (
        <Suspense fallback={<Skeleton lines={8} />}>
          <AdminView onClose={closeAdmin} onDatasetChanged={onDatasetChanged} />
        </Suspense>
      )}
      {/* Hidden, not unmounted, behind the admin screens: the map is there again at once. */}
      <div className="workspace" style={adminOpen ? { display: 'none' } : undefined}>
        <aside id="atlas-controls" className="controls" aria-label={t('controls.label')} hidden={!controlsOpen} data-testid="controls">
          <SearchBox onSelect={onSearch} />
          <PeriodControls period={state.period} role={session.role} onChange={(period) => update({ period })} />
          <DistrictFilter districts={units?.districts ?? null} value={state.district} onChange={(district) => update({ district, camera: null })} />
          <LayerPanel
            role={session.role}
            layers={state.layers}
            metric={state.metric}
            level={state.level}
            scheme={state.scheme}
            advanced={state.view !== 'briefing'}
            planning={planning}
            unitVersion={state.units}
            onToggle={(layer, on) => update({ layers: toggleLayer(state.layers, layer, on) })}
            onMetric={(metric) => update({ metric })}
            onLevel={(level) => update({ level })}
            onScheme={(scheme) => update({ scheme })}
            onUnitVersion={(version) => update({ units: version })}
          />
        </aside>
        <main className="main">
          {state.view === 'briefing' && <BriefingCards summary={data.summary} dataPeriod={config.period} />}
          <div className="stage">
            <section ref={mapAreaRef} className="map-area" aria-label={t('map.label')}>
              <div ref={overlayRefs.frame} className="map-frame" data-testid="map-frame">
                {data.units.error && !units ? (
                  <ErrorState message={errorText(data.units.error, t)} onRetry={data.units.retry} />
                ) : (
                  <Suspense fallback={<MapSkeleton />}>
                    {!units && <MapSkeleton />}
                    <MapView
                      ref={mapHandle}
                      data={data}
                      visibleLayers={data.visibleLayers}
                      view={state.view}
                      unitVersion={state.units}
                      level={state.level}
                      district={state.district}
                      selectedCode={state.unit}
                      hoverCode={planning ? rowHover : null}
                      scenario={planning ? scenarioMarks : null}
                      camera={state.camera}
                      provinceBbox={config.province.bbox}
                      framePadding={framePadding}
                      basemapStyleUrl={config.basemap_style_url}
                      ariaLabel={t('map.label')}
                      onCameraChange={onCameraChange}
                      onHover={setHover}
                      onSelectUnit={onSelectUnit}
                    />
                  </Suspense>
                )}
                <div className="map-overlay map-overlay--top-left">
                  <MapTitle ref={overlayRefs.title} text={title} synthetic={synthetic} />
                  {units && state.district && !unitsByCode.has(state.district) ? (
                    <UnknownDistrict code={state.district} onClear={() => update({ district: null, camera: null })} />
                  ) : (
                    <DataStatus resources={mapResources} />
                  )}
                </div>
                <div ref={overlayRefs.legend} className="map-overlay map-overlay--bottom-left">
                  <Legend sections={legend} />
                </div>
                <HoverTooltip
                  target={hover}
                  unitsByCode={unitsByCode}
                  choropleth={data.choropleth.latest}
                  hotspots={data.hotspots.latest}
                  emerging={data.emerging.latest}
                  planner={planning ? data.planner.latest : null}
                  privacyK={config.privacy_k}
                />
                <MapToolbar
                  fullscreen={fullscreen}
                  exporting={exporting}
                  onFullscreen={toggleFullscreen}
                  onExport={exportPng}
                  onPrint={() => window.print()}
                />
                {exportError && <ErrorState message={t('export.failed')} onRetry={exportPng} compact />}
                <p ref={overlayRefs.credits} className="map-attribution">
                  {t('map.attribution')}
                </p>
              </div>
            </section>
            {planning && (
              <Suspense fallback={<Skeleton lines={8} className="planner" />}>
                <PlannerPanel
                  planner={data.planner}
                  scenario={scenario}
                  sort={state.plannerSort}
                  districtCodes={districtCodes}
                  selectedCode={state.unit}
                  onSort={(plannerSort) => update({ plannerSort })}
                  onSelect={onSelectUnit}
                  onWeights={(weights) => update({ weights })}
                  onHoverRow={setRowHover}
                  onScenario={setScenarioMarks}
                />
              </Suspense>
            )}
          </div>
        </main>
        {/* In the planner the selected commune's row tells its story; elsewhere its panel opens beside the map. */}
        {state.unit && !planning && <UnitPanel code={state.unit} period={state.period} onClose={closeUnit} />}
      </div>
      <Suspense fallback={<HoldReady />}>
        <PrintPage
          view={staticView}
          title={title}
          synthetic={synthetic}
          legend={legend}
          summary={data.summary.data}
          dataPeriod={config.period}
          showCards={!planning}
          notes={notes}
        />
      </Suspense>
    </div>
  );
}
