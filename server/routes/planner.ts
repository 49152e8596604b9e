/**
 * The expansion planner: GET /api/planner (ranking with reasons), GET /api/planner.csv and .xlsx,
 * POST /api/planner/what-if, POST /api/planner/allocate.
 */
import { ENDPOINTS } from '#contract/api';
import { defineRoute } from '../http/route';
import { resolvePeriod } from '../services/filter';
import { plannerAllocation, plannerCsv, plannerRanking, plannerWhatIf, plannerXlsx, weightsFromQuery } from '../services/planner';
import { XLSX_MEDIA_TYPE } from '../services/xlsx';
import type { RouteDeps } from './deps';

export function plannerRoutes(deps: RouteDeps) {
  const heavyData = [deps.heavy, ...deps.data];
  return [
    defineRoute(ENDPOINTS.getPlanner, heavyData, (c, { query }) => {
      const dataset = c.get('dataset');
      return plannerRanking(dataset, c.get('figures'), resolvePeriod(query, dataset.period), weightsFromQuery(query));
    }),
    defineRoute(ENDPOINTS.getPlannerCsv, heavyData, async (c, { query }) => {
      const dataset = c.get('dataset');
      const ranking = await plannerRanking(dataset, c.get('figures'), resolvePeriod(query, dataset.period), weightsFromQuery(query));
      return c.body(plannerCsv(ranking, query.lang), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="tlg-planner-${ranking.period.from}-${ranking.period.to}.csv"`,
      });
    }),
    defineRoute(ENDPOINTS.getPlannerXlsx, heavyData, async (c, { query }) => {
      const dataset = c.get('dataset');
      const ranking = await plannerRanking(dataset, c.get('figures'), resolvePeriod(query, dataset.period), weightsFromQuery(query));
      return c.body(plannerXlsx(ranking, query.lang), 200, {
        'Content-Type': XLSX_MEDIA_TYPE,
        'Content-Disposition': `attachment; filename="tlg-planner-${ranking.period.from}-${ranking.period.to}.xlsx"`,
      });
    }),
    defineRoute(ENDPOINTS.postWhatIf, heavyData, (c, { body }) => {
      const dataset = c.get('dataset');
      const scenario = { period: resolvePeriod(body, dataset.period), weights: body.weights ?? {}, code: body.code, groups: body.groups, householdsPerGroup: body.households_per_group };
      return plannerWhatIf(dataset, c.get('figures'), scenario);
    }),
    defineRoute(ENDPOINTS.postAllocate, heavyData, (c, { body }) => {
      const dataset = c.get('dataset');
      const scenario = { period: resolvePeriod(body, dataset.period), weights: body.weights ?? {}, groups: body.groups, householdsPerGroup: body.households_per_group };
      return plannerAllocation(dataset, c.get('figures'), scenario);
    }),
  ];
}
