/** Period and district parameters as most data routes take them, checked against the data set. */
import { z } from 'zod';
import type { Dataset } from '../dataset/dataset';
import { badRequest } from '../http/errors';
import type { DataFilter } from '../queries/filters';
import { districtCode, periodParams, resolvePeriod } from '../http/request-input';

export const filterSchema = { ...periodParams, district: districtCode.optional() };

export function toFilter(dataset: Dataset, input: { from?: string; to?: string; district?: string }): DataFilter {
  const period = resolvePeriod(input, dataset.period);
  if (input.district !== undefined && !dataset.districts.some((d) => d.code === input.district)) {
    throw badRequest('unknown_value', `Invalid request: district ${input.district} is not a district of the province.`, {
      parameter: 'district',
      allowed: dataset.districts.map((d) => d.code),
    });
  }
  return { period, district: input.district ?? null };
}

export const filterQuery = z.object(filterSchema).strict();
