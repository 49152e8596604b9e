/**
 * The filter every data query takes: an inclusive period and an optional district. Stock layers
 * (groups, models) count what is active at `to`; flow layers (tips, events) what happened
 * between `from` and `to`.
 */
import type { Period } from '#contract';
import type { Params } from '../dataset/database';

export interface DataFilter {
  period: Period;
  district: string | null;
}

/** Parameters of a stock query: $1 end of period, $2 district (NULL = whole province). */
export const stockParams = (f: DataFilter): Params => [f.period.to, f.district];

/** Parameters of a flow query: $1 start, $2 end of period, $3 district (NULL = whole province). */
export const flowParams = (f: DataFilter): Params => [f.period.from, f.period.to, f.district];
