/** Raw tip or outcome-event records as CSV for the audited admin export. */
import type { ExportLayer } from '#contract';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import { exportRecords } from '../queries/records-export';
import { toCsv } from './csv';

export async function recordsCsv(dataset: Dataset, layer: ExportLayer, filter: DataFilter): Promise<{ fileName: string; csv: string }> {
  const rows = await exportRecords(dataset.db, layer, filter);
  const columns = rows[0] ? Object.keys(rows[0]) : ['id'];
  return {
    fileName: `tlg-${layer}-${filter.period.from}-${filter.period.to}${dataset.synthetic ? '-simulated' : ''}.csv`,
    csv: toCsv(columns, rows),
  };
}
