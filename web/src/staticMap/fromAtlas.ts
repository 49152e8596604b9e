/**
 * What the static map shows, from what the screen map shows: the same visible layers, classes
 * and colours (style/layerColors), the province or the filtered district in view. Hexagons get
 * their outlines from h3-js; the group density is drawn per hexagon in the heatmap's colours.
 */
import { cellToBoundary } from 'h3-js';
import { MODEL_SETTINGS } from '#contract';
import type { Bbox } from '../map/camera';
import { coveringCells, densityCells } from '../map/heatmapCells';
import { geometryBbox, type LonLat } from '../map/labelPoints';
import type { MapLayerId } from '../state/atlasState';
import type { ScenarioMarks } from '../state/scenario';
import type { BasemapContextResponse, ChoroplethResponse, EmergingResponse, GridResponse, HotspotsResponse, PlannerResponse } from '#contract/api';
import type { ModelPoints } from '../api/decodePoints';
import type { UnitLayers } from '../state/useAtlasData';
import { GRID_RESOLUTION } from '../style/domains';
import { EMERGING_NO_PATTERN_ALPHA, EMERGING_PATTERN_ALPHA, EMERGING_PATTERN_COLORS } from '../style/emergingPalette';
import { GAP_SCORE_PALETTE, gapScoreClasses } from '../style/gapScore';
import { densityColor, hotspotColor, significantSpots, tipCellColor, unitFillColors } from '../style/layerColors';
import { metricClasses } from '../style/metricClasses';
import { choroplethPalette, MODEL_SETTING_COLORS, NO_DATA_COLOR, type Rgb } from '../style/palettes';
import type { PageSize } from './projection';
import type { StaticMapInput, UnitFill } from './scene';

/** Opacities of the screen layers (their alpha bytes / 255). */
const OPACITY = { fill: 0.88, outsideFilter: 0.16, hotspot: 0.9, hotspotNone: 0.43, heatmap: 0.85, tipHex: 0.84 };

/** The data of the view's layers (each the latest answer), and the view state that selects and frames them. */
export interface StaticMapView {
  units: UnitLayers | null;
  context: BasemapContextResponse | null;
  choropleth: ChoroplethResponse | null;
  planner: PlannerResponse | null;
  hotspots: HotspotsResponse | null;
  emerging: EmergingResponse | null;
  groupGrid: GridResponse | null;
  tipGrid: GridResponse | null;
  models: ModelPoints | null;
  visibleLayers: ReadonlySet<MapLayerId>;
  planning: boolean;
  district: string | null;
  selectedCode: string | null;
  scenario: ScenarioMarks | null;
  provinceBbox: Bbox;
  words: StaticMapInput['words'];
}

function unitFills(colors: ReadonlyMap<string, Rgb>, hidden: ReadonlySet<string>, inFilter: (code: string) => boolean): Map<string, UnitFill> {
  const fills = new Map<string, UnitFill>();
  for (const [code, color] of colors) {
    fills.set(code, { color, opacity: inFilter(code) ? OPACITY.fill : OPACITY.outsideFilter, ...(hidden.has(code) ? { hatch: true } : {}) });
  }
  return fills;
}

/** The group-density cells in colour: every hexagon of the province that reaches the heatmap's fade-in density. */
function densityHexagons(view: StaticMapView): StaticMapInput['cells'] {
  const { units, groupGrid: grid } = view;
  if (!units || !grid) return [];
  return densityCells(coveringCells(units.communes, GRID_RESOLUTION), grid).flatMap((cell) => {
    const color = densityColor(cell.density);
    return color ? [{ boundary: cellToBoundary(cell.h3, true) as LonLat[], color, opacity: OPACITY.heatmap }] : [];
  });
}

export function staticMapInput(view: StaticMapView, size: PageSize): StaticMapInput | null {
  const { units, visibleLayers: on, district } = view;
  if (!units) return null;
  const districtFeature = district ? units.districts.features.find((f) => f.properties.code === district) : undefined;
  const area = districtFeature ? geometryBbox(districtFeature.geometry) : view.provinceBbox;
  const districtOf = new Map(units.communes.features.map((f) => [f.properties.code, f.properties.district_code]));
  const inFilter = (code: string) => district === null || code === district || districtOf.get(code) === district;

  const fills: StaticMapInput['fills'] = [];
  const response = view.choropleth;
  if (on.has('choropleth') && view.planning && view.planner) {
    fills.push({ level: 'commune', colors: unitFills(unitFillColors(gapScoreClasses(view.planner.rows), GAP_SCORE_PALETTE), new Set(), inFilter) });
  } else if (on.has('choropleth') && !view.planning && response) {
    const classes = metricClasses(response);
    const hidden = new Set(response.values.filter((v) => v.suppressed).map((v) => v.code));
    fills.push({ level: response.level, colors: unitFills(unitFillColors(classes, choroplethPalette(classes.breaks.length - 1)), hidden, inFilter) });
  }

  // Over a choropleth hot spots are outlines, so neither layer's colours mix into the other.
  let outlines = new Map<string, Rgb>();
  const hotspots = on.has('hotspots') ? view.hotspots : null;
  if (hotspots && fills.length > 0) outlines = significantSpots(hotspots);
  else if (hotspots) {
    const colors = new Map<string, UnitFill>(
      hotspots.features.map((f) => [f.code, { color: hotspotColor(f.bin), opacity: f.bin === 0 ? OPACITY.hotspotNone : OPACITY.hotspot }]),
    );
    fills.push({ level: 'commune', colors });
  }

  // The emerging layer switches the choropleth and the Gi* fills off (state/atlasState.ts): never mixed.
  const emerging = on.has('emerging') ? view.emerging : null;
  if (emerging) {
    const colors = new Map<string, UnitFill>(
      emerging.features.map((f) => [
        f.code,
        { color: EMERGING_PATTERN_COLORS[f.pattern], opacity: (f.pattern === 'no_pattern' ? EMERGING_NO_PATTERN_ALPHA : EMERGING_PATTERN_ALPHA) / 255 },
      ]),
    );
    fills.push({ level: 'commune', colors });
  }

  const cells: StaticMapInput['cells'] = on.has('heatmap') ? densityHexagons(view) : [];
  const tipGrid = on.has('tipHex') ? view.tipGrid : null;
  for (const cell of tipGrid?.cells ?? []) {
    if (!cell.suppressed && (cell.count ?? 0) <= 0) continue;
    cells.push({ boundary: cellToBoundary(cell.h3, true) as LonLat[], color: tipCellColor(cell), opacity: OPACITY.tipHex });
  }

  const points: StaticMapInput['points'] = [];
  const models = on.has('models') ? view.models : null;
  for (let i = 0; models && i < models.count; i += 1) {
    const setting = MODEL_SETTINGS[models.kinds[i] as number];
    points.push({ at: [models.positions[2 * i] as number, models.positions[2 * i + 1] as number], color: setting ? MODEL_SETTING_COLORS[setting] : NO_DATA_COLOR });
  }

  return {
    size,
    area,
    units,
    context: view.context,
    fills,
    outlines,
    cells,
    points,
    marks: view.scenario?.marks ?? [],
    selectedCode: view.selectedCode,
    labels: on.has('labels'),
    words: view.words,
  };
}
