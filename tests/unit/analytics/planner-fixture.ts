import type { PlannerCommune } from '../../../server/analytics/planner';

/** Six communes with plausible numbers for one period (codes in Vĩnh Yên's GSO range). */
export const SIX_COMMUNES: PlannerCommune[] = [
  { code: '08707', households: 4200, groups: 120, householdsInGroups: 2600, models: 6, tips: 95, events: 12, hotspotBin: 2, trend: 1.8 },
  { code: '08710', households: 2100, groups: 40, householdsInGroups: 900, models: 1, tips: 60, events: 9, hotspotBin: 3, trend: 2.4 },
  { code: '08713', households: 3300, groups: 150, householdsInGroups: 3000, models: 9, tips: 30, events: 2, hotspotBin: 0, trend: -0.5 },
  { code: '08716', households: 1800, groups: 35, householdsInGroups: 700, models: 0, tips: 8, events: 1, hotspotBin: 0, trend: 0 },
  { code: '08719', households: 5100, groups: 200, householdsInGroups: 4500, models: 12, tips: 40, events: 5, hotspotBin: -2, trend: -1.2 },
  { code: '08722', households: 2600, groups: 60, householdsInGroups: 1300, models: 2, tips: 25, events: 4, hotspotBin: 1, trend: 0.6 },
];

/**
 * Two communes, so every standardised input is exactly +1 or −1: HIGH_NEED is above LOW_NEED in
 * every need input and below it in every coverage input.
 */
export const HIGH_NEED: PlannerCommune = {
  code: '09001', households: 1000, groups: 10, householdsInGroups: 300, models: 1, tips: 50, events: 10, hotspotBin: 2, trend: 1.5,
};
export const LOW_NEED: PlannerCommune = {
  code: '09002', households: 1000, groups: 30, householdsInGroups: 800, models: 4, tips: 10, events: 2, hotspotBin: 0, trend: -0.5,
};
