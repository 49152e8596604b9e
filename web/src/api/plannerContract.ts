/**
 * Response shapes of the planner routes (server/routes/planner.ts) and of the 2025 units, which
 * server/contract does not export yet. The row and result types come from the planner's own
 * analytics module, so they cannot drift; the routes add the names, the period and `synthetic`.
 * Move these to server/contract/responses.ts when the server exports them, and delete this file.
 */
import type {
  AddGroupsResult,
  AllocationResult,
  AllocationStep,
  CommuneAllocation,
  PlannerWeights,
  RankedCommune,
} from '../../../server/analytics/planner';
import type { Period } from '../../../server/contract';
import type { UnitGeometry } from './pendingContract';
import type { Feature, FeatureCollection } from 'geojson';

export { PLANNER_FACTORS, NEED_FACTORS, type PlannerFactor, type PlannerWeights } from '../../../server/analytics/planner/types';
export { DEFAULT_PLANNER_WEIGHTS } from '../../../server/analytics/planner/weights';
export { LOW_CONFIDENCE_MIN_INCIDENTS } from '../../../server/analytics/planner/indicators';

/** What the routes add to every commune they name. */
interface Named {
  name: string;
  district_name: string | null;
}

export type PlannerRow = RankedCommune & Named;
export type PlannerWhy = PlannerRow['why'][number];

/** GET /api/planner */
export interface PlannerResponse {
  period: Period;
  /** The weights used, rescaled to sum to 1. */
  weights: PlannerWeights;
  households_per_group_default: number;
  /** Every commune, in rank order. */
  rows: PlannerRow[];
  synthetic: boolean;
}

/** What every planner request is asked under: the period and the six (relative) weights. */
export interface PlannerScenario {
  period: Period;
  weights: PlannerWeights;
}

/** POST /api/planner/what-if */
export type WhatIfResponse = AddGroupsResult & Named & { period: Period; synthetic: boolean };

export type AllocationStepRow = AllocationStep & Named;
export type CommuneAllocationRow = CommuneAllocation & Named;

/** POST /api/planner/allocate */
export type AllocateResponse = Omit<AllocationResult, 'steps' | 'communes'> & {
  period: Period;
  steps: AllocationStepRow[];
  communes: CommuneAllocationRow[];
  synthetic: boolean;
};

export interface Unit2025Properties {
  code: string;
  name: string;
  type: string;
  population: number;
  households: number;
  area_km2: number;
  /** The 2019 commune codes merged into this unit, comma-separated. */
  old_codes: string;
}

/** A 2019 commune whose receiving 2025 unit is not documented: left out, never guessed. */
export interface UnmappedCommune {
  code: string;
  name: string;
  reason: string;
}

/** GET /api/units?level=commune&version=2025 */
export type Units2025Response = FeatureCollection<UnitGeometry, Unit2025Properties> & {
  unmapped: UnmappedCommune[];
  note: string;
  attribution: string;
};

export type Unit2025Feature = Feature<UnitGeometry, Unit2025Properties>;
