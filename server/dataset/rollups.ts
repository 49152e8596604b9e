/** The daily rollup the data build derives (`commune_day`, see data/schema.ts): its measures and the days it covers. */
import { ROLLUP_MEASURES, ROLLUP_TABLE } from '../../data/schema';
import type { Database } from './database';

export { ROLLUP_MEASURES as MEASURES, ROLLUP_TABLE };

export interface RollupBounds {
  firstDay: string;
  lastDay: string;
}

export async function rollupBounds(db: Database): Promise<RollupBounds> {
  const bounds = await db.one<{ first_day: string; last_day: string }>(
    // first and last day of the rollup
    `SELECT strftime(min(day), '%Y-%m-%d') AS first_day, strftime(max(day), '%Y-%m-%d') AS last_day FROM ${ROLLUP_TABLE}`,
  );
  return { firstDay: bounds.first_day, lastDay: bounds.last_day };
}
