/**
 * The planner's ranking as a table for people: headings in the reader's language (Vietnamese by
 * default), the reasons behind each rank as sentences, numbers rounded to what they can tell
 * (gap scores to hundredths, rates to tenths, shares as percentages), and a note on what the
 * table is. One model, written as CSV (services/csv.ts) and as XLSX (services/xlsx.ts).
 */
import { PLANNER_FACTORS, type PlannerFactor } from '#contract';
import type { PlannerResponse, PlannerRow, PlannerWhy } from '#contract/api';

export const SHEET_LANGUAGES = ['vi', 'en'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** How a column's values are written: whole numbers, a fixed number of decimals, or text. */
export type CellFormat = { kind: 'integer' } | { kind: 'decimal'; decimals: number } | { kind: 'text' };
export type Cell = string | number | null;

export interface SheetColumn {
  key: string;
  heading: string;
  format: CellFormat;
  /** Width in characters, for spreadsheets. */
  width: number;
}

export interface Sheet {
  /** Sheet (tab) name: at most 31 characters, as Excel allows. */
  name: string;
  columns: SheetColumn[];
  rows: Record<string, Cell>[];
  /** Sentences about the table: period, weights, simulated data, protection of informants. */
  notes: string[];
  /** Heading of the notes sheet. */
  notesName: string;
}

const integer: CellFormat = { kind: 'integer' };
const decimals = (n: number): CellFormat => ({ kind: 'decimal', decimals: n });
const text: CellFormat = { kind: 'text' };

/** Decimals of each factor's raw value in the table: rates to tenths, Mann–Kendall z to hundredths. */
const FACTOR_DECIMALS: Record<PlannerFactor, number> = {
  incidents_per_1k_households: 1,
  hotspot_bin: 0,
  trend: 2,
  households_covered_share: 1,
  groups_per_1k_households: 1,
  models_per_1k_households: 2,
};

interface Words {
  sheet: string;
  notes: string;
  headings: Record<'rank' | 'code' | 'name' | 'district' | 'gap' | 'need' | 'why' | 'lowConfidence' | 'simulated', string>;
  factors: Record<PlannerFactor, string>;
  /** Wording of a factor on either side of the province mean. */
  sides: Record<Exclude<PlannerFactor, 'hotspot_bin'>, { above: string; below: string }>;
  hot: (confidence: number) => string;
  cold: (confidence: number) => string;
  noHotspot: string;
  hidden: string;
  yes: string;
  no: string;
  note: (ranking: PlannerResponse, period: string) => string[];
}

const WORDS: Record<SheetLanguage, Words> = {
  vi: {
    sheet: 'Xếp hạng',
    notes: 'Ghi chú',
    headings: {
      rank: 'Hạng',
      code: 'Mã xã',
      name: 'Xã, phường, thị trấn',
      district: 'Huyện, thành phố',
      gap: 'Điểm khoảng trống',
      need: 'Chỉ số nhu cầu',
      why: 'Lý do (các yếu tố chính)',
      lowConfidence: 'Ít số liệu',
      simulated: 'Dữ liệu mô phỏng',
    },
    factors: {
      incidents_per_1k_households: 'Nguồn tin và vụ việc / 1.000 hộ',
      hotspot_bin: 'Điểm nóng nguồn tin (Gi*, −3…3)',
      trend: 'Xu hướng nguồn tin (Mann–Kendall z)',
      households_covered_share: 'Tỷ lệ hộ tham gia tổ liên gia (%)',
      groups_per_1k_households: 'Tổ liên gia / 1.000 hộ',
      models_per_1k_households: 'Mô hình "4 an toàn" / 1.000 hộ',
    },
    sides: {
      incidents_per_1k_households: { above: 'nhiều nguồn tin, vụ việc / 1.000 hộ', below: 'ít nguồn tin, vụ việc / 1.000 hộ' },
      trend: { above: 'nguồn tin tăng nhanh hơn trung bình tỉnh', below: 'nguồn tin tăng chậm hơn trung bình tỉnh (hoặc giảm)' },
      households_covered_share: { above: 'nhiều hộ đã vào tổ', below: 'ít hộ tham gia tổ liên gia' },
      groups_per_1k_households: { above: 'nhiều tổ / 1.000 hộ', below: 'ít tổ / 1.000 hộ' },
      models_per_1k_households: { above: 'nhiều mô hình "4 an toàn" / 1.000 hộ', below: 'ít mô hình "4 an toàn" / 1.000 hộ' },
    },
    hot: (c) => `điểm nóng nguồn tin, tin cậy ${c}%`,
    cold: (c) => `điểm lạnh nguồn tin, tin cậy ${c}%`,
    noHotspot: 'không phải điểm nóng nguồn tin',
    hidden: 'ẩn',
    yes: 'có',
    no: 'không',
    note: (r, period) => [
      `Xếp hạng các xã, phường theo điểm khoảng trống giữa nhu cầu và độ phủ, ${period}. Hạng 1 là nơi nên mở rộng tổ liên gia trước.`,
      `Điểm khoảng trống = tổng có trọng số của các yếu tố đã chuẩn hóa (độ lệch chuẩn so với trung bình tỉnh); yếu tố nhu cầu làm tăng điểm, yếu tố độ phủ làm giảm điểm.`,
      `Trọng số: ${PLANNER_FACTORS.map((f) => `${WORDS.vi.factors[f]} ${formatNumber(r.weights[f], 2, 'vi')}`).join('; ')}.`,
      ...(r.synthetic ? ['DỮ LIỆU MÔ PHỎNG: số liệu tổng khớp với số liệu công bố ngày 25/10/2022; phân bố chi tiết là mô phỏng, không phải hồ sơ thật.'] : []),
      r.protection.note.vi,
    ],
  },
  en: {
    sheet: 'Ranking',
    notes: 'Notes',
    headings: {
      rank: 'Rank',
      code: 'Commune code',
      name: 'Commune',
      district: 'District',
      gap: 'Gap score',
      need: 'Need index',
      why: 'Why (main drivers)',
      lowConfidence: 'Few records',
      simulated: 'Simulated data',
    },
    factors: {
      incidents_per_1k_households: 'Tips and events per 1,000 households',
      hotspot_bin: 'Tip hot spot (Gi*, −3…3)',
      trend: 'Tip trend (Mann–Kendall z)',
      households_covered_share: 'Households in groups (%)',
      groups_per_1k_households: 'Groups per 1,000 households',
      models_per_1k_households: '"4 an toàn" models per 1,000 households',
    },
    sides: {
      incidents_per_1k_households: { above: 'many tips and events per 1,000 households', below: 'few tips and events per 1,000 households' },
      trend: { above: 'tips rising faster than the province average', below: 'tips rising slower than the province average (or falling)' },
      households_covered_share: { above: 'many households already in groups', below: 'few households in groups' },
      groups_per_1k_households: { above: 'many groups per 1,000 households', below: 'few groups per 1,000 households' },
      models_per_1k_households: { above: 'many "4 an toàn" models per 1,000 households', below: 'few "4 an toàn" models per 1,000 households' },
    },
    hot: (c) => `tip hot spot, ${c}% confidence`,
    cold: (c) => `tip cold spot, ${c}% confidence`,
    noHotspot: 'not a tip hot spot',
    hidden: 'hidden',
    yes: 'yes',
    no: 'no',
    note: (r, period) => [
      `Communes ranked by the gap between need and coverage, ${period}. Rank 1 is where to expand the groups first.`,
      'Gap score = weighted sum of the standardised factors (standard deviations from the province mean); need factors raise it, coverage factors lower it.',
      `Weights: ${PLANNER_FACTORS.map((f) => `${WORDS.en.factors[f]} ${formatNumber(r.weights[f], 2, 'en')}`).join('; ')}.`,
      ...(r.synthetic ? ['SIMULATED DATA: totals match the figures published on 25 Oct 2022; the detailed distribution is simulated, not real records.'] : []),
      r.protection.note.en,
    ],
  },
};

const LOCALES: Record<SheetLanguage, string> = { vi: 'vi-VN', en: 'en-GB' };
/** Confidence of each Gi* bin size (1, 2, 3 = 90, 95, 99 %). */
const HOTSPOT_CONFIDENCE: Record<number, number> = { 1: 90, 2: 95, 3: 99 };
/** Decimals of gap scores, need indices and contributions: hundredths of a standard deviation. */
const SCORE_DECIMALS = 2;

function formatNumber(value: number, digits: number, lang: SheetLanguage, signed = false): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value);
}

const formatDate = (iso: string, lang: SheetLanguage) =>
  new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A number rounded to `digits` decimals, as the table holds it (never −0, which a sheet would show as "-0"). */
export const rounded = (value: number, digits: number): number => Number(value.toFixed(digits)) + 0;

function factorValueText(item: PlannerWhy, lang: SheetLanguage): string {
  const words = WORDS[lang];
  if (item.value === null) return words.hidden;
  if (item.factor === 'households_covered_share') return `${formatNumber(100 * item.value, 1, lang)}%`;
  if (item.factor === 'trend') return `z = ${formatNumber(item.value, 2, lang)}`;
  return formatNumber(item.value, FACTOR_DECIMALS[item.factor], lang);
}

/** One driver as a phrase: "many tips and events per 1,000 households: 86.1 (+1.10)". */
export function whySentence(item: PlannerWhy, lang: SheetLanguage): string {
  const words = WORDS[lang];
  const contribution = formatNumber(item.contribution, SCORE_DECIMALS, lang, true);
  if (item.factor === 'hotspot_bin') {
    const bin = item.value ?? 0;
    const confidence = HOTSPOT_CONFIDENCE[Math.abs(bin)];
    const label = bin > 0 && confidence ? words.hot(confidence) : bin < 0 && confidence ? words.cold(confidence) : words.noHotspot;
    return `${label} (${contribution})`;
  }
  const side = words.sides[item.factor];
  return `${item.standardised >= 0 ? side.above : side.below}: ${factorValueText(item, lang)} (${contribution})`;
}

function factorCell(row: PlannerRow, factor: PlannerFactor, hidden: string): Cell {
  const value = row.values[factor];
  if (value === null) return hidden;
  return rounded(factor === 'households_covered_share' ? 100 * value : value, FACTOR_DECIMALS[factor]);
}

export function rankingSheet(ranking: PlannerResponse, lang: SheetLanguage): Sheet {
  const words = WORDS[lang];
  const h = words.headings;
  const columns: SheetColumn[] = [
    { key: 'rank', heading: h.rank, format: integer, width: 7 },
    { key: 'code', heading: h.code, format: text, width: 9 },
    { key: 'name', heading: h.name, format: text, width: 18 },
    { key: 'district', heading: h.district, format: text, width: 14 },
    { key: 'gap', heading: h.gap, format: decimals(SCORE_DECIMALS), width: 11 },
    { key: 'need', heading: h.need, format: decimals(SCORE_DECIMALS), width: 10 },
    ...PLANNER_FACTORS.map((factor) => ({ key: factor, heading: words.factors[factor], format: decimals(FACTOR_DECIMALS[factor]), width: 14 })),
    { key: 'why', heading: h.why, format: text, width: 70 },
    { key: 'lowConfidence', heading: h.lowConfidence, format: text, width: 9 },
    { key: 'simulated', heading: h.simulated, format: text, width: 10 },
  ];
  const rows = ranking.rows.map((row) => ({
    rank: row.rank,
    code: row.code,
    name: row.name,
    district: row.district_name,
    gap: rounded(row.gapScore, SCORE_DECIMALS),
    need: rounded(row.needIndex, SCORE_DECIMALS),
    ...Object.fromEntries(PLANNER_FACTORS.map((factor) => [factor, factorCell(row, factor, words.hidden)])),
    why: row.why.map((item) => whySentence(item, lang)).join('; '),
    lowConfidence: row.lowConfidence ? words.yes : words.no,
    simulated: ranking.synthetic ? words.yes : words.no,
  }));
  const period = `${formatDate(ranking.period.from, lang)} – ${formatDate(ranking.period.to, lang)}`;
  return { name: words.sheet, columns, rows, notes: words.note(ranking, period), notesName: words.notes };
}
