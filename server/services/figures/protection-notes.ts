/** What the protection of informant figures means, in the words a reader of the map needs. */
import type { Protection } from '#contract/api';

export const EXACT_NOTE: Protection['note'] = {
  vi: 'Số liệu chính xác (quyền quản trị).',
  en: 'Exact figures (admin role).',
};

export function protectedNote(threshold: number, noiseBound: number): Protection['note'] {
  return {
    vi: `Để bảo vệ người báo tin, số nguồn tin và kết quả được làm nhiễu nhẹ (chênh tối đa ±${noiseBound}), số từ 1 đến ${threshold - 1} không công bố, và chỉ công bố theo năm. Tổng toàn tỉnh cả giai đoạn là số chính xác.`,
    en: `To protect informants, tip and outcome counts carry a small fixed noise (at most ±${noiseBound}), counts from 1 to ${threshold - 1} are not published, and figures are published by calendar year. Province totals for the whole programme are exact.`,
  };
}

export const EXACT_FIGURES = 'Province totals over the whole data range (the published programme figures).';
