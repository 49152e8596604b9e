/**
 * The requests the benchmark sends: for each endpoint a deterministic stream of varied, valid
 * URLs (periods, districts, metrics…), so latency is measured on realistic uncached work.
 */
import { createRandom, type Random } from '../../data/pipeline/support/prng';
import { CHOROPLETH_METRICS, CLASSIFICATION_SCHEMES } from '#contract';
import type { Role } from '../../server/auth/roles';

const DAY_MS = 86_400_000;
const START = Date.UTC(2017, 0, 1);
const END = Date.UTC(2022, 9, 25);
const DISTRICTS = ['243', '244', '246', '247', '248', '249', '251', '252', '253'];
const COMMUNE_SAMPLE = ['08707', '08728', '08944', '08953', '09085', '08761', '08866', '09040', '08911', '08740'];
const SEARCHES = ['ba hien', 'VINH YEN', 'phuc', 'dao duc', 'tam dao', 'xa yen', 'huong canh', 'lap thach'];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type Period = { from: string; to: string };

function randomPeriod(r: Random): Period {
  const a = START + r.int(0, Math.floor((END - START) / DAY_MS) - 30) * DAY_MS;
  const b = a + r.int(30, Math.floor((END - a) / DAY_MS)) * DAY_MS;
  return { from: iso(a), to: iso(Math.min(b, END)) };
}

/**
 * A union of whole calendar years of the data (the last clipped to its end): below admin, tip and
 * event figures are published for these periods only (server/privacy/reporting-calendar.ts), and
 * any other period answers 403.
 */
function calendarPeriod(r: Random): Period {
  const first = r.int(2017, 2022);
  const last = r.int(first, 2022);
  return { from: `${first}-01-01`, to: last === 2022 ? iso(END) : `${last}-12-31` };
}

const pick = <T>(r: Random, items: readonly T[]): T => items[r.int(0, items.length - 1)]!;
const qs = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

export interface BenchEndpoint {
  name: string;
  role: Role;
  /** The nth URL of this endpoint's stream. */
  url: (r: Random) => string;
}

export const ENDPOINTS: BenchEndpoint[] = [
  {
    name: 'summary',
    role: 'viewer',
    url: (r) => `/api/summary?${qs({ ...randomPeriod(r), district: r.chance(0.5) ? pick(r, DISTRICTS) : undefined })}`,
  },
  {
    name: 'choropleth',
    role: 'viewer',
    url: (r) =>
      `/api/choropleth?${qs({
        metric: pick(r, CHOROPLETH_METRICS),
        level: r.chance(0.8) ? 'commune' : 'district',
        scheme: pick(r, CLASSIFICATION_SCHEMES),
        ...calendarPeriod(r),
      })}`,
  },
  { name: 'units', role: 'viewer', url: (r) => `/api/units?level=${pick(r, ['commune', 'district', 'province'])}` },
  { name: 'units/{code}', role: 'viewer', url: (r) => `/api/units/${pick(r, COMMUNE_SAMPLE)}?${qs(calendarPeriod(r))}` },
  { name: 'search', role: 'viewer', url: (r) => `/api/search?${qs({ q: pick(r, SEARCHES) })}` },
  {
    name: 'timeseries',
    role: 'viewer',
    url: (r) => {
      const level = pick(r, ['province', 'district', 'commune'] as const);
      const code = level === 'district' ? pick(r, DISTRICTS) : level === 'commune' ? pick(r, COMMUNE_SAMPLE) : undefined;
      const layer = pick(r, ['groups_active', 'groups_new', 'tips', 'events', 'models'] as const);
      // Below admin, tips and events are published by calendar year only (monthly series answer 403).
      const interval = layer === 'tips' || layer === 'events' ? 'year' : pick(r, ['year', 'month']);
      return `/api/timeseries?${qs({ layer, interval, level, code })}`;
    },
  },
  {
    name: 'grid',
    role: 'viewer',
    url: (r) => `/api/grid?${qs({ layer: pick(r, ['groups', 'tips', 'models']), resolution: pick(r, ['7', '8']), ...calendarPeriod(r) })}`,
  },
  {
    name: 'points (arrow)',
    role: 'analyst',
    url: (r) => {
      const lon = 105.33 + r.next() * 0.35;
      const lat = 21.16 + r.next() * 0.3;
      const size = 0.05 + r.next() * 0.1;
      return `/api/points?${qs({ layer: pick(r, ['groups', 'models']), bbox: [lon, lat, lon + size, lat + size].map((v) => v.toFixed(4)).join(','), limit: '500000', to: randomPeriod(r).to })}`;
    },
  },
  {
    name: 'hotspots',
    role: 'analyst',
    url: (r) => `/api/hotspots?${qs({ value: pick(r, ['count', 'per_1k_households']), fdr: pick(r, ['true', 'false']), ...calendarPeriod(r) })}`,
  },
  { name: 'planner', role: 'analyst', url: (r) => `/api/planner?${qs(calendarPeriod(r))}` },
];

/** `count` URLs of an endpoint, the same for every run. */
export function requestStream(endpoint: BenchEndpoint, count: number, seed = 7): string[] {
  const random = createRandom(seed, `bench:${endpoint.name}`);
  return Array.from({ length: count }, () => endpoint.url(random));
}
