/**
 * GET /api/export/{tips|events}?format=csv|xlsx|geojson|parquet — raw records as a file. The only
 * way records of tips or outcome events leave the server: admin only, and every export is
 * written to the audit log.
 */
import { ENDPOINTS } from '#contract/api';
import { fileBody } from '../http/file-body';
import { audited } from '../http/middleware/audit';
import { defineRoute } from '../http/route';
import { exportFile } from '../services/export';
import { toFilter } from '../services/filter';
import type { RouteDeps } from './deps';

export function recordRoutes(deps: RouteDeps) {
  return [
    defineRoute(ENDPOINTS.exportRecords, [deps.heavy, audited(deps.audit, 'export'), ...deps.data], async (c, { params, query }) => {
      const dataset = c.get('dataset');
      const file = await exportFile(dataset, params.layer, query.format, toFilter(dataset, query));
      const { body, bytes } = await fileBody(file.file, file.prefix, file.suffix);
      return c.body(body, 200, {
        'Content-Type': file.contentType,
        'Content-Length': String(bytes),
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Record-Count': String(file.rows),
        'X-Export-Bytes': String(bytes),
      });
    }),
  ];
}
