/** The period and district a request asks for, checked against the data set. */
import type { Period } from '#contract';
import type { Dataset } from '../dataset/dataset';
import { ApiError, badRequest } from '../errors';
import type { DataFilter } from '../queries/filters';

/**
 * The inclusive period a request is answered for: the data range by default; a period that
 * reaches beyond the data is clamped to it (the response's `period` says so), one entirely
 * outside it or reversed is an error. Nothing is ever computed outside the data, so no date,
 * however far off, costs more than the data itself.
 */
export function resolvePeriod(input: { from?: string; to?: string }, range: Period): Period {
  const asked = { from: input.from ?? range.from, to: input.to ?? range.to };
  if (asked.from > asked.to) {
    throw new ApiError(
      400,
      'invalid_period',
      `Yêu cầu không hợp lệ: from (${asked.from}) sau to (${asked.to}). / Invalid request: from (${asked.from}) is after to (${asked.to}).`,
      { ...asked },
    );
  }
  if (asked.to < range.from || asked.from > range.to) {
    throw new ApiError(
      400,
      'period_outside_data',
      `Yêu cầu không hợp lệ: dữ liệu có từ ${range.from} đến ${range.to}; kỳ ${asked.from} … ${asked.to} nằm ngoài khoảng đó. / ` +
        `Invalid request: the data cover ${range.from} … ${range.to}; ${asked.from} … ${asked.to} lies outside.`,
      { period: asked, data_range: range },
    );
  }
  return { from: asked.from < range.from ? range.from : asked.from, to: asked.to > range.to ? range.to : asked.to };
}

export function resolveDistrict(dataset: Dataset, district: string | undefined): string | null {
  if (district !== undefined && !dataset.districts.some((d) => d.code === district)) {
    throw badRequest('unknown_value', `Yêu cầu không hợp lệ: ${district} không phải mã huyện của tỉnh. / Invalid request: district ${district} is not a district of the province.`, {
      parameter: 'district',
      allowed: dataset.districts.map((d) => d.code),
    });
  }
  return district ?? null;
}

export function toFilter(dataset: Dataset, input: { from?: string; to?: string; district?: string }): DataFilter {
  return { period: resolvePeriod(input, dataset.period), district: resolveDistrict(dataset, input.district) };
}
