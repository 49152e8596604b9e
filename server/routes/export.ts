/**
 * GET /api/export/{tips|events} — raw records as CSV. The only way records of tips or outcome
 * events leave the server: admin only, and every export is written to the audit log.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { access } from '../auth/access';
import { badRequest } from '../http/errors';
import { toCsv } from '../http/csv';
import { audited } from '../http/middleware/audit';
import { EXPORT_LAYERS, exportRecords, type ExportLayer } from '../queries/records-export';
import { readQuery } from '../http/request-input';
import type { RouteDeps } from './deps';
import { filterSchema, toFilter } from './filter-params';

const query = z.object(filterSchema).strict();

export function exportRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/:layer', access('admin'), deps.heavy, audited(deps.audit, 'export'), ...deps.data, async (c) => {
    const layer = c.req.param('layer');
    if (!(EXPORT_LAYERS as readonly string[]).includes(layer)) {
      throw badRequest('unknown_value', `Invalid request: layer must be one of: ${EXPORT_LAYERS.join(', ')}.`, { parameter: 'layer' });
    }
    const dataset = c.get('dataset');
    const filter = toFilter(dataset, readQuery(c, query));
    const rows = await exportRecords(dataset.db, layer as ExportLayer, filter);
    const columns = rows[0] ? Object.keys(rows[0]) : ['id'];
    const name = `tlg-${layer}-${filter.period.from}-${filter.period.to}${dataset.synthetic ? '-simulated' : ''}.csv`;
    return c.body(toCsv(columns, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
  });
}
