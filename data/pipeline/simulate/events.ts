/**
 * Simulated outcome events: for each published outcome kind, events whose `quantity` sums to
 * the published figure times the scale, exactly. Events lean towards the communes the
 * kind is typical of (data/config/outcome-events.json) and belong to a group of the commune
 * active on the event date.
 */
import { OUTCOME_KINDS, type OutcomeKind } from '#contract';
import type { Position } from '../sources/gadm';
import type { GroupActivity } from './activity';
import type { SimulationContext } from './context';
import { jitterInCommune } from './geo-sampling';

/** Where the outcome happened relative to the group's centre, in metres (one sd). */
const EVENT_SPREAD_M = 300;

export interface EventDraft {
  groupIndex: number;
  communeIndex: number;
  date: number;
  kind: OutcomeKind;
  quantity: number;
  point: Position;
}

export function simulateEvents(ctx: SimulationContext, activity: GroupActivity): EventDraft[] {
  const events: EventDraft[] = [];
  for (const kind of OUTCOME_KINDS) {
    const spec = ctx.config.outcomeEvents.kinds[kind];
    const random = ctx.random(`events:${kind}`);
    const affinity = ctx.traits.map((traits) => [...traits].reduce((w, trait) => w * (spec.affinity[trait] ?? 1), 1));
    const sampler = activity.sampler((g) => affinity[g.communeIndex] ?? 1);
    const [minQuantity, maxQuantity] = spec.quantity;
    let remaining = ctx.totals.outcomes[kind] * ctx.scale;
    while (remaining > 0) {
      const quantity = Math.min(remaining, random.int(minQuantity, maxQuantity));
      remaining -= quantity;
      const groupIndex = sampler.sample(random);
      const group = activity.groups[groupIndex]!;
      events.push({
        groupIndex,
        communeIndex: group.communeIndex,
        date: activity.dayFor(random, groupIndex),
        kind,
        quantity,
        point: jitterInCommune(random, ctx.locator, group.communeIndex, group.point, EVENT_SPREAD_M),
      });
    }
  }
  return events;
}
