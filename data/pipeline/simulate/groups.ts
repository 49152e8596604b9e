/**
 * Simulated Tổ liên gia tự quản groups: counts per commune from the plan, split over the
 * commune's villages by size, 10–30 households each (never more group households than the
 * village — hence the commune — has, times the scale), founded along the roll-out ramp after
 * the commune's launch, located around their village centre.
 */
import type { AreaClass } from '#contract';
import { PipelineError } from '../errors';
import type { Position } from '../sources/gadm';
import { allocateExactly } from '../support/allocate';
import { groupBy } from '../support/group-by';
import { dayFromIso } from '../support/dates';
import type { Random } from '../support/prng';
import { YearRamp } from '../support/ramp';
import type { SimulationContext } from './context';
import { jitterInCommune } from './geo-sampling';
import { MAX_GROUP_HOUSEHOLDS, MAX_HOUSEHOLD_COVERAGE, MIN_GROUP_HOUSEHOLDS, type CommunePlan } from './plan';
import { recordId, type VillageKind } from './records';
import type { VillagePlan } from './villages';

/** Spread of a group's homes around its village centre, in metres, for a village of 250 households. */
const GROUP_SPREAD_M: Record<VillageKind, number> = { thon: 260, to_dan_pho: 170 };
const REFERENCE_VILLAGE_HOUSEHOLDS = 250;
const MIN_SPREAD_M = 90;
const MAX_SPREAD_M = 520;

/** A group before flags and H3 are added (see simulate/index.ts). */
export interface GroupDraft {
  id: string;
  communeIndex: number;
  commune_code: string;
  district_code: string;
  village_id: string;
  area_class: AreaClass;
  ethnic_minority: boolean;
  religious: boolean;
  founded_on: number;
  households: number;
  point: Position;
}

/** 10–30 households, triangular around 20: neighbouring households, a few more or less. */
function groupHouseholds(random: Random): number {
  const span = MAX_GROUP_HOUSEHOLDS - MIN_GROUP_HOUSEHOLDS;
  return MIN_GROUP_HOUSEHOLDS + Math.floor(((random.next() + random.next()) / 2) * (span + 1));
}

/** Trims the largest groups (never below the minimum) until they fit the village's cap. */
function fitHouseholds(sizes: number[], cap: number): number[] {
  let excess = sizes.reduce((s, n) => s + n, 0) - cap;
  const order = sizes.map((n, i) => ({ n, i })).sort((a, b) => b.n - a.n || a.i - b.i);
  while (excess > 0) {
    let trimmed = false;
    for (const entry of order) {
      if (excess <= 0) break;
      if ((sizes[entry.i] ?? 0) > MIN_GROUP_HOUSEHOLDS) {
        sizes[entry.i] = (sizes[entry.i] ?? 0) - 1;
        excess -= 1;
        trimmed = true;
      }
    }
    if (!trimmed) break;
  }
  return sizes;
}

export function simulateGroups(ctx: SimulationContext, plans: CommunePlan[], villages: VillagePlan[]): GroupDraft[] {
  const random = ctx.random('groups');
  const launchRandom = ctx.random('groups:launch');
  const ramp = new YearRamp(ctx.config.rollout.groups.year_weights, ctx.period);
  const [launchFrom, launchTo] = ctx.config.rollout.groups.commune_launch_window.map(dayFromIso) as [number, number];

  const villagesByCommune = groupBy(
    villages.map((_, i) => i),
    (i) => villages[i]!.communeIndex,
  );

  const drafts: GroupDraft[] = [];
  ctx.communes.forEach((commune, communeIndex) => {
    const plan = plans[communeIndex]!;
    const launch = launchRandom.int(launchFrom, launchTo);
    const members = villagesByCommune.get(communeIndex) ?? [];
    const exempt = ctx.maskExempt.has(commune.code);
    for (const kind of ['to_dan_pho', 'thon'] as const) {
      const wanted = kind === 'to_dan_pho' ? plan.urbanGroups : plan.ruralGroups;
      if (wanted === 0) continue;
      const ofKind = members.filter((v) => villages[v]!.row.kind === kind);
      const caps = ofKind.map((v) => Math.floor((villages[v]!.row.households * ctx.scale * MAX_HOUSEHOLD_COVERAGE) / MIN_GROUP_HOUSEHOLDS));
      if (caps.reduce((s, c) => s + c, 0) < wanted) {
        throw new PipelineError({
          code: 'SIMULATION_INFEASIBLE',
          message: `${wanted} ${kind} groups do not fit the villages of ${commune.type} ${commune.name} (${commune.code}).`,
          fix: 'Check the census households of that commune; the plan should never ask for this.',
        });
      }
      const perVillage = allocateExactly(wanted, ofKind.map((v) => villages[v]!.row.households), caps);
      ofKind.forEach((villageIndex, k) => {
        const village = villages[villageIndex]!.row;
        const count = perVillage[k] ?? 0;
        const sizes = fitHouseholds(
          Array.from({ length: count }, () => groupHouseholds(random)),
          Math.floor(village.households * ctx.scale * MAX_HOUSEHOLD_COVERAGE),
        );
        const spread = Math.min(MAX_SPREAD_M, Math.max(MIN_SPREAD_M, GROUP_SPREAD_M[kind] * Math.sqrt(village.households / REFERENCE_VILLAGE_HOUSEHOLDS)));
        const centre: Position = [village.lon, village.lat];
        for (let g = 0; g < count; g++) {
          drafts.push({
            id: recordId('G', drafts.length + 1),
            communeIndex,
            commune_code: commune.code,
            district_code: commune.districtCode,
            village_id: village.id,
            area_class: kind === 'to_dan_pho' ? 'urban' : 'rural',
            ethnic_minority: false,
            religious: false,
            founded_on: ramp.sample(random, launch),
            households: sizes[g] ?? MIN_GROUP_HOUSEHOLDS,
            point: jitterInCommune(random, ctx.locator, communeIndex, centre, spread, (p) => exempt || !ctx.mask.contains(p)),
          });
        }
      });
    }
  });
  markUnclassified(ctx, drafts);
  return drafts;
}

/**
 * The published rural + urban split falls short of the total by 50 groups; that many rural-
 * village groups are left `unclassified` (chosen at random) so the gap stays visible.
 */
function markUnclassified(ctx: SimulationContext, drafts: GroupDraft[]): void {
  const count = (ctx.totals.groupsTotal - ctx.totals.groupsRural - ctx.totals.groupsUrban) * ctx.scale;
  const random = ctx.random('groups:unclassified');
  const rural = drafts.filter((d) => d.area_class === 'rural');
  for (const draft of random.shuffled(rural).slice(0, count)) draft.area_class = 'unclassified';
}
