/**
 * GET /api/export/{tips|events} — raw records as CSV. The only way records of tips or outcome
 * events leave the server: admin only, and every export is written to the audit log.
 */
import { ENDPOINTS } from '#contract/api';
import { audited } from '../http/middleware/audit';
import { defineRoute } from '../http/route';
import { recordsCsv } from '../services/export';
import { toFilter } from '../services/filter';
import type { RouteDeps } from './deps';

export function recordRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.exportRecords, [deps.heavy, audited(deps.audit, 'export'), ...deps.data], async (c, { params, query }) => {
      const dataset = c.get('dataset');
      const { fileName, csv } = await recordsCsv(dataset, params.layer, toFilter(dataset, query));
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      });
    }),
  ];
}
