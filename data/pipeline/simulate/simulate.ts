/**
 * The demo data set: villages → groups (+ flags) → models → tips and outcome events, all
 * from the real communes, the reviewed configs and the published totals, deterministic for
 * a seed. Points get their H3 cells (res 7 and 8) here; ids are assigned in a stable order
 * (tips and events chronologically).
 */
import { latLngToCell } from 'h3-js';
import type { SimulationConfig } from '../config';
import type { ReferenceData } from '../reference/types';
import type { Position } from '../sources/gadm';
import type { PublishedTotals } from '../sources/published-totals';
import { GroupActivity } from './activity';
import { checkConfig } from './check-config';
import { createContext, type SimulationContext } from './context';
import { simulateEvents } from './events';
import { flagGroups } from './flags';
import { simulateGroups } from './groups';
import { simulateModels } from './models';
import { planGroups } from './plan';
import { recordId, type DemoData, type EventRow, type GroupRow, type ModelRow, type TipRow } from './records';
import { simulateTips, tipCounts } from './tips';
import { simulateVillages } from './villages';

const H3_FINE = 8;
const H3_COARSE = 7;

function pointColumns(point: Position) {
  const [lon, lat] = point;
  return { lon, lat, h3_r7: latLngToCell(lat, lon, H3_COARSE), h3_r8: latLngToCell(lat, lon, H3_FINE), located_by: 'point' as const, simulated: true as const };
}

/** Indices sorted by day, ties in generation order: ids then read chronologically. */
function chronological<T extends { date: number }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.date - b.item.date || a.index - b.index)
    .map((entry) => entry.item);
}

export interface SimulationReport {
  tipsPerCluster: Record<string, number>;
  tipsBackground: number;
}

export function simulateDemoData(
  reference: ReferenceData,
  config: SimulationConfig,
  totals: PublishedTotals,
  options: { seed: number; scale: number; step?: (stage: string) => void },
): { data: DemoData; report: SimulationReport } {
  const step = options.step ?? (() => {});
  const ctx: SimulationContext = createContext(reference, config, totals, options.seed, options.scale);
  checkConfig(config, ctx.communes, ctx.locator, totals, ctx.period);

  step('villages');
  const plans = planGroups(ctx);
  const villages = simulateVillages(ctx, plans);

  step('groups');
  const groupDrafts = simulateGroups(ctx, plans, villages);
  flagGroups(ctx, groupDrafts);
  const villageNames = new Map(villages.map((v) => [v.row.id, v.row.name]));
  const groups: GroupRow[] = groupDrafts.map((g) => ({
    id: g.id,
    commune_code: g.commune_code,
    district_code: g.district_code,
    village_id: g.village_id,
    village: villageNames.get(g.village_id)!,
    area_class: g.area_class,
    ethnic_minority: g.ethnic_minority,
    religious: g.religious,
    founded_on: g.founded_on,
    dissolved_on: null,
    households: g.households,
    ...pointColumns(g.point),
  }));

  step('models');
  const models: ModelRow[] = simulateModels(ctx, villages).map((m, i) => {
    const commune = ctx.communes[m.communeIndex]!;
    return {
      id: recordId('M', i + 1),
      name: m.name,
      setting: m.setting,
      commune_code: commune.code,
      district_code: commune.districtCode,
      founded_on: m.founded_on,
      dissolved_on: null,
      ...pointColumns(m.point),
    };
  });

  step('tips and outcome events');
  const activity = new GroupActivity(groupDrafts, ctx.period.end);
  const tipDrafts = simulateTips(ctx, activity);
  const tips: TipRow[] = chronological(tipDrafts).map((t, i) => {
    const group = groupDrafts[t.groupIndex]!;
    return {
      id: recordId('T', i + 1),
      date: t.date,
      commune_code: group.commune_code,
      district_code: group.district_code,
      group_id: group.id,
      category: t.category,
      ...pointColumns(t.point),
    };
  });
  const events: EventRow[] = chronological(simulateEvents(ctx, activity)).map((e, i) => {
    const group = groupDrafts[e.groupIndex]!;
    return {
      id: recordId('E', i + 1),
      date: e.date,
      commune_code: group.commune_code,
      district_code: group.district_code,
      group_id: group.id,
      kind: e.kind,
      quantity: e.quantity,
      ...pointColumns(e.point),
    };
  });

  const counts = tipCounts(ctx);
  return {
    data: { villages: villages.map((v) => v.row), groups, models, tips, events },
    report: { tipsPerCluster: Object.fromEntries(counts.clusters), tipsBackground: counts.background },
  };
}
