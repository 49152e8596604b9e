/** GET /api/summary — the briefing's big numbers. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { OUTCOME_KINDS } from '#contract';
import type { SummaryOutcomeKey, SummaryResponse } from '#contract/api';
import { suppressionK } from '../privacy/policy';
import { suppressedKeys } from '../privacy/suppression';
import { provinceSummary, sensitiveOutcomesByDistrict } from '../queries/summary';
import { readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';
import { filterQuery, toFilter } from './filter-params';

const SENSITIVE_KEYS: SummaryOutcomeKey[] = ['security_tips_provided', ...OUTCOME_KINDS];

export function summaryRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('viewer'), ...deps.data, async (c) => {
    const dataset = c.get('dataset');
    const filter = toFilter(dataset, readQuery(c, filterQuery));
    const province = await provinceSummary(dataset, filter.period);
    const numbers = province.numbers(filter.district);
    const scope = filter.district ? dataset.unitByCode.get(filter.district) : dataset.province;
    const outcomes: SummaryResponse['outcomes'] = { ...numbers.outcomes };
    const suppressed: SummaryOutcomeKey[] = [];
    const k = suppressionK(c.get('session'), deps.config.privacyK);
    // Province totals are published and never suppressed; one district's small outcome counts
    // are, with the same pattern whichever district is asked for.
    if (filter.district && k > 0) {
      const byKind = sensitiveOutcomesByDistrict(province.byDistrict);
      for (const key of SENSITIVE_KEYS) {
        const counts = byKind.get(key) ?? new Map<string, number>();
        const cells = dataset.districts.map((d) => ({ key: d.code, count: counts.get(d.code) ?? 0 }));
        if (suppressedKeys(cells, k).has(filter.district)) {
          outcomes[key] = null;
          suppressed.push(key);
        }
      }
    }
    const body: SummaryResponse = {
      period: filter.period,
      synthetic: dataset.synthetic,
      district: filter.district,
      ...numbers,
      outcomes,
      census: { population: scope?.population ?? 0, households: scope?.households ?? 0 },
      ...(suppressed.length > 0 ? { suppressed } : {}),
    };
    return c.json(body);
  });
}
