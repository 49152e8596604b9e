/**
 * The expansion planner as served: the ranking with reasons, its CSV, what-if for one commune
 * and the allocation of N new groups, each with commune names and the period.
 */
import { PLANNER_FACTORS, type Period, type PlannerFactor } from '#contract';
import type { AllocateResponse, PlannerResponse, PlannerRow, WhatIfResponse } from '#contract/api';
import { isAnalyticsError } from '../analytics/errors';
import { addGroupsWhatIf, allocateGroups, defaultHouseholdsPerGroup, rankCommunes, type RankedCommune } from '../analytics/planner';
import type { Dataset } from '../dataset/dataset';
import { badRequest } from '../errors';
import { toCsv } from './csv';
import { rankingSheet, type SheetLanguage } from './planner-sheet';
import { sheetXlsx } from './xlsx';
import type { FigureSource } from './figures/figure-source';
import { statisticInputs } from './hotspots';
import { plannerInputs } from './planner-inputs';
import { communeByCode } from './units';

export type Weights = Partial<Record<PlannerFactor, number>>;

/** The `w_<factor>` query parameters as weights. */
export function weightsFromQuery(query: Partial<Record<`w_${PlannerFactor}`, number>>): Weights {
  const weights: Weights = {};
  for (const factor of PLANNER_FACTORS) {
    const value = query[`w_${factor}`];
    if (typeof value === 'number') weights[factor] = value;
  }
  return weights;
}

/** Planner inputs are invalid only through user-supplied weights or counts: answer 400. */
function analytics<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isAnalyticsError(error)) throw badRequest(error.code, `Invalid request: ${error.message}`, error.details);
    throw error;
  }
}

function describe(dataset: Dataset, code: string) {
  const unit = dataset.unitByCode.get(code);
  return { name: unit?.name ?? code, district_name: unit?.district_name ?? null };
}

/** A row as served: where the commune's tip or event count is hidden, so are the numbers made from it. */
function publishedRow(row: RankedCommune, hidden: boolean): Omit<PlannerRow, 'name' | 'district_name'> {
  if (!hidden) return row;
  return {
    ...row,
    incidents: null,
    incidents_suppressed: true,
    values: { ...row.values, incidents_per_1k_households: null },
    why: row.why.map((item) => (item.factor === 'incidents_per_1k_households' ? { ...item, value: null } : item)),
  };
}

export async function plannerRanking(dataset: Dataset, figures: FigureSource, period: Period, weights: Weights): Promise<PlannerResponse> {
  const { communes, hidden } = await plannerInputs(dataset, figures, period);
  const result = analytics(() => rankCommunes(communes, weights));
  return {
    period,
    weights: result.weights,
    households_per_group_default: defaultHouseholdsPerGroup(communes),
    inputs: statisticInputs(figures, period),
    rows: result.communes.map((row) => ({ ...publishedRow(row, hidden.has(row.code)), ...describe(dataset, row.code) })),
    synthetic: dataset.synthetic,
    protection: figures.protection(period),
  };
}

export async function plannerWhatIf(
  dataset: Dataset,
  figures: FigureSource,
  scenario: { period: Period; weights: Weights; code: string; groups: number; householdsPerGroup?: number },
): Promise<WhatIfResponse> {
  communeByCode(dataset, scenario.code);
  const { communes } = await plannerInputs(dataset, figures, scenario.period);
  const result = analytics(() => addGroupsWhatIf(communes, { code: scenario.code, groups: scenario.groups, householdsPerGroup: scenario.householdsPerGroup }, scenario.weights));
  return { period: scenario.period, ...result, ...describe(dataset, scenario.code), synthetic: dataset.synthetic };
}

export async function plannerAllocation(
  dataset: Dataset,
  figures: FigureSource,
  scenario: { period: Period; weights: Weights; groups: number; householdsPerGroup?: number },
): Promise<AllocateResponse> {
  const { communes } = await plannerInputs(dataset, figures, scenario.period);
  const result = analytics(() => allocateGroups(communes, { groups: scenario.groups, householdsPerGroup: scenario.householdsPerGroup }, scenario.weights));
  return {
    period: scenario.period,
    ...result,
    steps: result.steps.map((s) => ({ ...s, ...describe(dataset, s.code) })),
    communes: result.communes.map((row) => ({ ...row, ...describe(dataset, row.code) })),
    synthetic: dataset.synthetic,
  };
}

/** The ranking for spreadsheets: the table of planner-sheet.ts, one heading per column. */
export function plannerCsv(ranking: PlannerResponse, lang: SheetLanguage): string {
  const sheet = rankingSheet(ranking, lang);
  const headings = sheet.columns.map((column) => column.heading);
  const rows = sheet.rows.map((row) => Object.fromEntries(sheet.columns.map((column) => [column.heading, row[column.key]])));
  return toCsv(headings, rows);
}

/** The ranking as an Excel workbook, streamed. */
export function plannerXlsx(ranking: PlannerResponse, lang: SheetLanguage): ReadableStream<Uint8Array> {
  return sheetXlsx(rankingSheet(ranking, lang));
}
