/**
 * How many groups each commune gets, and how many of them are urban. Counts follow census
 * households with a commune-level coverage factor, so coverage differs realistically between
 * communes (what the planner is meant to find): thinner where migrant workers rent near
 * industrial parks and in towns. Totals are the published figures times the scale, exactly.
 */
import { PipelineError } from '../errors';
import { allocateExactly } from '../support/allocate';
import type { SimulationContext } from './context';

/** Spread of commune coverage around the provincial mean (log-normal sigma): roughly ±35 % for one sd. */
const COVERAGE_SIGMA = 0.3;
/** Industrial-park communes: renters move often and join groups less (simulation assumption). */
const INDUSTRIAL_COVERAGE_FACTOR = 0.8;
/** Towns: apartment blocks and shop-houses organise into groups less readily. */
const URBAN_COVERAGE_FACTOR = 0.9;
/** Never more households in groups than this share of the commune's census households. */
export const MAX_HOUSEHOLD_COVERAGE = 0.95;
/** The smallest group (DOMAIN.md: roughly 10–30 households per group). */
export const MIN_GROUP_HOUSEHOLDS = 10;
export const MAX_GROUP_HOUSEHOLDS = 30;
/**
 * A commune never gets more groups than would cover MAX_HOUSEHOLD_COVERAGE of its households
 * at this many households each: a saturated commune still has groups of typical size.
 */
const SATURATED_GROUP_HOUSEHOLDS = 18;
/** Share of a town's groups that sit in tổ dân phố (urban) rather than in its remaining thôn. */
const URBAN_GROUP_SHARE = { Phường: 0.85, 'Thị trấn': 0.5, Xã: 0 } as const;

export interface CommunePlan {
  groups: number;
  urbanGroups: number;
  ruralGroups: number;
}

export function planGroups(ctx: SimulationContext): CommunePlan[] {
  const random = ctx.random('plan:coverage');
  const { communes, scale, traits } = ctx;
  const total = ctx.totals.groupsTotal * scale;
  const urbanTotal = ctx.totals.groupsUrban * scale;

  const weights = communes.map((c, i) => {
    const t = traits[i]!;
    const factor =
      random.logNormal(COVERAGE_SIGMA) * (t.has('industrial') ? INDUSTRIAL_COVERAGE_FACTOR : 1) * (t.has('urban') ? URBAN_COVERAGE_FACTOR : 1);
    return c.households * factor;
  });
  const caps = communes.map((c) => Math.floor((c.households * scale * MAX_HOUSEHOLD_COVERAGE) / SATURATED_GROUP_HOUSEHOLDS));
  let groups: number[];
  try {
    // One group per commune first, so every commune can host tips and outcome events.
    groups = allocateExactly(total - communes.length, weights, caps.map((cap) => cap - 1)).map((n) => n + 1);
  } catch {
    throw infeasible(`${total} groups do not fit the census households at ${SATURATED_GROUP_HOUSEHOLDS} households per group.`);
  }

  const urbanWeights = communes.map((c, i) => (groups[i] ?? 0) * URBAN_GROUP_SHARE[c.type]);
  const urbanCaps = communes.map((c, i) => (c.type === 'Xã' ? 0 : (groups[i] ?? 0)));
  let urban: number[];
  try {
    urban = allocateExactly(urbanTotal, urbanWeights, urbanCaps);
  } catch {
    throw infeasible(`${urbanTotal} urban groups do not fit the groups of the phường and thị trấn.`);
  }
  return groups.map((g, i) => ({ groups: g, urbanGroups: urban[i] ?? 0, ruralGroups: g - (urban[i] ?? 0) }));
}

function infeasible(message: string): PipelineError {
  return new PipelineError({
    code: 'SIMULATION_INFEASIBLE',
    message,
    fix: 'Check the published totals and the census file; at scale N the simulation needs N × the census households.',
  });
}
