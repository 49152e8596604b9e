/**
 * Simulated villages (thôn) and residential groups (tổ dân phố): the settlement centres
 * the groups cluster around. Several per commune, more in larger ones; towns get tổ dân phố
 * in proportion to their urban groups. Centres are spread out inside the commune
 * (best-candidate sampling), away from its boundary, and never in the Tam Đảo forest mask.
 */
import path from 'node:path';
import { PipelineError } from '../errors';
import { CONFIG_DIR, CONFIG_FILES } from '../config';
import type { Commune } from '../reference/types';
import type { Position } from '../sources/gadm';
import { allocateExactly } from '../support/allocate';
import type { Random } from '../support/prng';
import type { SimulationContext } from './context';
import { distanceMetres, METRES_PER_DEGREE_LAT, METRES_PER_DEGREE_LON, uniformInCommune } from './geo-sampling';
import type { CommunePlan } from './plan';
import type { VillageKind, VillageRow } from './records';

/** Typical households per village: thôn ≈ 260, tổ dân phố ≈ 320 (provincial averages, assumed). */
const HOUSEHOLDS_PER_THON = 260;
const HOUSEHOLDS_PER_TO_DAN_PHO = 320;
/** "Several per commune": even the smallest commune has this many. */
const MIN_VILLAGES_PER_COMMUNE = 3;
const MAX_VILLAGES_PER_COMMUNE = 30;
/** Size spread between villages of one commune (log-normal sigma). */
const VILLAGE_SIZE_SIGMA = 0.35;
/** Best-candidate sampling: candidates tried per village; more spreads them more evenly. */
const CANDIDATES_PER_VILLAGE = 24;
/** Rejection-sampling attempts per candidate inside the commune's bounding box. */
const CANDIDATE_ATTEMPTS = 400;
/** A centre this close to the commune boundary counts as far from it as villages twice as far apart. */
const BOUNDARY_WEIGHT = 2;

const VILLAGE_NAME_PREFIX: Record<VillageKind, string> = { thon: 'Thôn', to_dan_pho: 'Tổ dân phố' };

export interface VillagePlan {
  row: VillageRow;
  communeIndex: number;
}

/** Distance in metres from a point to the nearest edge of the commune's outer rings. */
function distanceToBoundaryMetres(point: Position, commune: Commune): number {
  let best = Infinity;
  for (const polygon of commune.geometry.coordinates) {
    const ring = (polygon[0] ?? []) as Position[];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ax = (a[0] - point[0]) * METRES_PER_DEGREE_LON;
      const ay = (a[1] - point[1]) * METRES_PER_DEGREE_LAT;
      const bx = (b[0] - point[0]) * METRES_PER_DEGREE_LON;
      const by = (b[1] - point[1]) * METRES_PER_DEGREE_LAT;
      const dx = bx - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

function villageCounts(commune: Commune, plan: CommunePlan): { thon: number; toDanPho: number } {
  const perVillage = commune.type === 'Xã' ? HOUSEHOLDS_PER_THON : HOUSEHOLDS_PER_TO_DAN_PHO;
  const total = Math.min(MAX_VILLAGES_PER_COMMUNE, Math.max(MIN_VILLAGES_PER_COMMUNE, Math.round(commune.households / perVillage)));
  if (plan.urbanGroups === 0) return { thon: total, toDanPho: 0 };
  const urbanShare = plan.urbanGroups / plan.groups;
  const maxToDanPho = plan.ruralGroups > 0 ? total - 1 : total;
  const toDanPho = Math.min(maxToDanPho, Math.max(1, Math.round(total * urbanShare)));
  return { thon: total - toDanPho, toDanPho };
}

function placeCentres(ctx: SimulationContext, random: Random, communeIndex: number, count: number): Position[] {
  const commune = ctx.communes[communeIndex]!;
  const exempt = ctx.maskExempt.has(commune.code);
  const allowed = (p: Position) => exempt || !ctx.mask.contains(p);
  const centres: Position[] = [];
  for (let v = 0; v < count; v++) {
    let best: Position | undefined;
    let bestScore = -Infinity;
    for (let c = 0; c < CANDIDATES_PER_VILLAGE; c++) {
      const candidate = uniformInCommune(random, ctx.locator, communeIndex, allowed, CANDIDATE_ATTEMPTS);
      if (!candidate) continue;
      const nearestVillage = centres.reduce((m, p) => Math.min(m, distanceMetres(p, candidate)), Infinity);
      const score = Math.min(nearestVillage, BOUNDARY_WEIGHT * distanceToBoundaryMetres(candidate, commune));
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) {
      throw new PipelineError({
        code: 'CONFIG_INVALID',
        message: `No place for villages in ${commune.type} ${commune.name} (${commune.code}): the settlement mask covers the whole commune.`,
        file: path.join(CONFIG_DIR, CONFIG_FILES.settlementMask),
        where: 'mask.polygon',
        fix: `Shrink the mask so part of the commune stays outside it, or list ${commune.code} under exempt_communes with the reason.`,
      });
    }
    centres.push(best);
  }
  return centres;
}

export function simulateVillages(ctx: SimulationContext, plans: CommunePlan[]): VillagePlan[] {
  const random = ctx.random('villages');
  const out: VillagePlan[] = [];
  ctx.communes.forEach((commune, communeIndex) => {
    const plan = plans[communeIndex]!;
    const counts = villageCounts(commune, plan);
    // Households follow the groups: the tổ dân phố hold the urban share of the commune.
    const urbanHouseholds = counts.toDanPho === 0 ? 0 : counts.thon === 0 ? commune.households : Math.round((commune.households * plan.urbanGroups) / plan.groups);
    const kinds: VillageKind[] = [...Array<VillageKind>(counts.toDanPho).fill('to_dan_pho'), ...Array<VillageKind>(counts.thon).fill('thon')];
    const households = [
      ...allocateExactly(urbanHouseholds, kinds.filter((k) => k === 'to_dan_pho').map(() => random.logNormal(VILLAGE_SIZE_SIGMA))),
      ...allocateExactly(commune.households - urbanHouseholds, kinds.filter((k) => k === 'thon').map(() => random.logNormal(VILLAGE_SIZE_SIGMA))),
    ];
    const centres = placeCentres(ctx, random, communeIndex, kinds.length);
    const numberByKind: Record<VillageKind, number> = { thon: 0, to_dan_pho: 0 };
    kinds.forEach((kind, v) => {
      numberByKind[kind] += 1;
      const [lon, lat] = centres[v]!;
      out.push({
        communeIndex,
        row: {
          id: `V${commune.code}-${String(v + 1).padStart(2, '0')}`,
          commune_code: commune.code,
          district_code: commune.districtCode,
          name: `${VILLAGE_NAME_PREFIX[kind]} ${numberByKind[kind]}`,
          kind,
          households: households[v] ?? 0,
          lon,
          lat,
          simulated: true,
        },
      });
    });
  });
  return out;
}
