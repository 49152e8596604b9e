/**
 * The naive alternative a user might otherwise build, measured on the same requests: every
 * record held in memory as GeoJSON points (no commune codes), and each request answered by
 * filtering the features and assigning them to communes or a district with turf
 * point-in-polygon. Class breaks use the same classifier as the server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { classBreaks } from '../../server/analytics/classification';
import { METRIC_LAYER, type ChoroplethMetric, type ClassificationScheme } from '#contract';
import { BUILD_FILES } from '../../data/schema';

type Area = Feature<Polygon | MultiPolygon, { code: string; households: number; area_km2: number }>;
type Record = Feature<Point, { [key: string]: string | number | boolean }>;

interface Layers {
  groups: Record[];
  models: Record[];
  tips: Record[];
  events: Record[];
}

const DATE_COLUMN: { [L in keyof Layers]: string } = { groups: 'founded_on', models: 'founded_on', tips: 'date', events: 'date' };
const SELECT: { [L in keyof Layers]: string } = {
  groups: "lon, lat, strftime(founded_on, '%Y-%m-%d') AS founded_on, area_class, ethnic_minority, religious, households",
  models: "lon, lat, strftime(founded_on, '%Y-%m-%d') AS founded_on, setting",
  tips: "lon, lat, strftime(date, '%Y-%m-%d') AS date",
  events: "lon, lat, strftime(date, '%Y-%m-%d') AS date, kind, quantity",
};

async function loadLayers(dataDir: string): Promise<Layers> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  const layers = {} as Layers;
  for (const layer of ['groups', 'models', 'tips', 'events'] as const) {
    const reader = await connection.runAndReadAll(`SELECT ${SELECT[layer]} FROM read_parquet($1)`, [path.join(dataDir, `${layer}.parquet`)]);
    layers[layer] = reader.getRowObjectsJS().map((row) => {
      const { lon, lat, ...properties } = row as { lon: number; lat: number } & { [key: string]: string | number | boolean };
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
    });
  }
  connection.closeSync();
  instance.closeSync();
  return layers;
}

export class NaiveAtlas {
  private constructor(
    private readonly layers: Layers,
    private readonly communes: Area[],
    private readonly districts: Area[],
  ) {}

  static async load(dataDir: string): Promise<NaiveAtlas> {
    const read = (file: string) => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    return new NaiveAtlas(
      await loadLayers(dataDir),
      read(BUILD_FILES.communesGeojson).features as Area[],
      read(BUILD_FILES.districtsGeojson).features as Area[],
    );
  }

  get recordCount(): number {
    return Object.values(this.layers).reduce((n, l: Record[]) => n + l.length, 0);
  }

  summary(params: URLSearchParams): Record['properties'] {
    const { from, to } = this.period(params);
    const districtCode = params.get('district');
    const district = districtCode ? this.districts.find((d) => d.properties.code === districtCode) : undefined;
    const inScope = (f: Record) => !district || booleanPointInPolygon(f.geometry.coordinates, district);
    const groups = this.layers.groups.filter((f) => (f.properties.founded_on as string) <= to && inScope(f));
    const models = this.layers.models.filter((f) => (f.properties.founded_on as string) <= to && inScope(f));
    const within = (f: Record) => (f.properties.date as string) >= from && (f.properties.date as string) <= to && inScope(f);
    const tips = this.layers.tips.filter(within);
    const events = this.layers.events.filter(within);
    const out: Record['properties'] = {
      total_active: groups.length,
      rural: groups.filter((g) => g.properties.area_class === 'rural').length,
      urban: groups.filter((g) => g.properties.area_class === 'urban').length,
      ethnic: groups.filter((g) => g.properties.ethnic_minority).length,
      religious: groups.filter((g) => g.properties.religious).length,
      models: models.length,
      tips: tips.length,
    };
    for (const e of events) out[e.properties.kind as string] = ((out[e.properties.kind as string] as number) ?? 0) + (e.properties.quantity as number);
    return out;
  }

  choropleth(params: URLSearchParams): { breaks: number[]; values: { code: string; value: number }[] } {
    const { from, to } = this.period(params);
    const metric = params.get('metric') as ChoroplethMetric;
    const level = params.get('level') === 'district' ? 'district' : 'commune';
    const layer = METRIC_LAYER[metric];
    const stock = layer === 'groups' || layer === 'models';
    const features = this.layers[layer].filter((f) => {
      const date = f.properties[DATE_COLUMN[layer]] as string;
      return date <= to && (stock || date >= from);
    });
    const areas = level === 'district' ? this.districts : this.communes;
    const counts = new Map<string, { n: number; households: number }>();
    for (const feature of features) {
      const area = areas.find((a) => booleanPointInPolygon(feature.geometry.coordinates, a));
      if (!area) continue;
      const tally = counts.get(area.properties.code) ?? { n: 0, households: 0 };
      tally.n += metric === 'events_count' ? (feature.properties.quantity as number) : 1;
      tally.households += (feature.properties.households as number | undefined) ?? 0;
      counts.set(area.properties.code, tally);
    }
    const values = areas.map((area) => {
      const t = counts.get(area.properties.code) ?? { n: 0, households: 0 };
      const hh = area.properties.households;
      const value = metric.endsWith('per_1k_households')
        ? (t.n / hh) * 1000
        : metric === 'households_covered_pct'
          ? (t.households / hh) * 100
          : metric === 'groups_per_km2'
            ? t.n / area.properties.area_km2
            : t.n;
      return { code: area.properties.code, value };
    });
    const scheme = (params.get('scheme') ?? 'quantile') as ClassificationScheme;
    return { breaks: classBreaks(values.map((v) => v.value), scheme, 5), values };
  }

  private period(params: URLSearchParams): { from: string; to: string } {
    return { from: params.get('from') ?? '2017-01-01', to: params.get('to') ?? '2022-10-25' };
  }
}
