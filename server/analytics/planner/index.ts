/** The expansion planner: gap score and ranking, what-if for one commune, greedy allocation. */
export * from './types';
export { resolvePlannerWeights } from './weights';
export { assertPlannerCommunes, coverageOf, indicatorsOf } from './indicators';
export { FALLBACK_HOUSEHOLDS_PER_GROUP, defaultHouseholdsPerGroup } from './households-per-group';
export { WHY_LIST_LENGTH, rankCommunes, type PlannerRanking, type RankedCommune, type WhyItem } from './gap-score';
export { addGroupsWhatIf, type AddGroupsRequest, type AddGroupsResult } from './what-if';
export {
  MIN_NEED_MULTIPLIER,
  allocateGroups,
  type AllocationRequest,
  type AllocationResult,
  type AllocationStep,
  type CommuneAllocation,
  type ProvinceCoverage,
} from './allocate';
