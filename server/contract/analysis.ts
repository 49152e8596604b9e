/**
 * Responses of the analysis routes: Gi* hot spots, emerging hot spots and the planner.
 * Statistic shapes come from the pure analytics modules; the routes add names, the period,
 * which counts were used (published ones below admin) and `synthetic`.
 */
import type { EmergingPattern } from '../analytics/emerging-hotspots';
import type { HotSpotWarning } from '../analytics/hot-spots';
import type { MannKendallResult } from '../analytics/mann-kendall';
import type { AddGroupsResult, AllocationResult, AllocationStep, CommuneAllocation, RankedCommune } from '../analytics/planner';
import type { PlannerFactor, PlannerWeights } from '#contract';
import type { Period } from '#contract';

export type { EmergingPattern, HotSpotWarning };

/** Exact counts (admin) or published counts with hidden cells imputed from published totals. */
export type StatisticInputs = 'exact_counts' | 'published_counts';

/** Gi* confidence bin: ±3/±2/±1 = 99/95/90 % hot (+) or cold (−) spot, 0 = not significant. */
export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export interface HotspotFeature {
  code: string;
  name?: string;
  /** The analysed value (count or rate); null when hidden for privacy. */
  value: number | null;
  count: number | null;
  suppressed?: true;
  z: number;
  p: number;
  bin: HotspotBin;
  neighbours: number;
}

/** GET /api/hotspots */
export interface HotspotsResponse {
  method: 'gi_star';
  weights: 'queen' | 'h3_grid_disk';
  neighbour_rule: Record<string, unknown>;
  layer: 'tips' | 'events';
  unit: 'commune' | 'h3';
  value: 'count' | 'per_1k_households';
  fdr: boolean;
  period: Period;
  features: HotspotFeature[];
  inputs: StatisticInputs;
  warnings: HotSpotWarning[];
  synthetic: boolean;
}

export interface EmergingFeature {
  code: string;
  name: string;
  pattern: EmergingPattern;
  trend: MannKendallResult;
  hot_steps: number;
  cold_steps: number;
  /** Confidence bin per yearly slice, oldest first. */
  bins: number[];
  z: number[];
}

/** GET /api/hotspots/emerging */
export interface EmergingResponse {
  method: 'emerging_hot_spot';
  weights: 'queen';
  layer: 'tips' | 'events';
  fdr: boolean;
  period: Period;
  inputs: StatisticInputs;
  slices: Period[];
  min_time_steps: number;
  features: EmergingFeature[];
  synthetic: boolean;
}

/** What the routes add to every commune they name. */
interface Named {
  name: string;
  district_name: string | null;
}

/** A ranked commune as served: where its tip or event count is hidden, so are the numbers made from it. */
export type PlannerRow = Omit<RankedCommune, 'incidents' | 'values' | 'why'> &
  Named & {
    incidents: number | null;
    incidents_suppressed?: true;
    values: Record<PlannerFactor, number | null>;
    why: (Omit<RankedCommune['why'][number], 'value'> & { value: number | null })[];
  };
export type PlannerWhy = PlannerRow['why'][number];

/** GET /api/planner */
export interface PlannerResponse {
  period: Period;
  /** The weights used, rescaled to sum to 1. */
  weights: PlannerWeights;
  households_per_group_default: number;
  inputs: StatisticInputs;
  /** Every commune, in rank order. */
  rows: PlannerRow[];
  synthetic: boolean;
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

