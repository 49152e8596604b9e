/**
 * The columns of each register (API_CONTRACT.md § "Import of real records") with their
 * Vietnamese template headings, and the matching of a file's header row to them: case-,
 * spacing- and diacritic-insensitive (foldForSearch), by English name, Vietnamese heading or
 * a common synonym.
 */
import { foldForSearch } from '#contract';
import type { RecordKind } from '../schema';

export type ColumnName =
  | 'id'
  | 'commune'
  | 'district'
  | 'village'
  | 'area_class'
  | 'ethnic_minority'
  | 'religious'
  | 'founded_on'
  | 'dissolved_on'
  | 'households'
  | 'name'
  | 'setting'
  | 'date'
  | 'group_id'
  | 'category'
  | 'kind'
  | 'quantity'
  | 'lon'
  | 'lat'
  | 'x'
  | 'y'
  | 'northing'
  | 'easting';

export interface ColumnSpec {
  name: ColumnName;
  /** The heading of the downloadable template. */
  heading: string;
  required: boolean;
  /** Other headings accepted for it (folded on comparison). */
  synonyms: readonly string[];
}

const column = (name: ColumnName, heading: string, required: boolean, synonyms: readonly string[] = []): ColumnSpec => ({ name, heading, required, synonyms });

const COMMUNE = column('commune', 'Xã/phường/thị trấn', true, ['xã', 'xa phuong', 'commune_code', 'mã xã', 'đơn vị hành chính']);
const DISTRICT = column('district', 'Huyện/thành phố', false, ['huyện', 'district_code', 'mã huyện']);
const GROUP_ID = column('group_id', 'Mã tổ liên gia', true, ['group', 'mã tổ']);

/** Point columns, common to every kind; which pair is read depends on --crs. */
export const POINT_COLUMNS: readonly ColumnSpec[] = [
  column('lon', 'Kinh độ', false, ['longitude', 'lng', 'long']),
  column('lat', 'Vĩ độ', false, ['latitude']),
  column('x', 'Tọa độ X', false, ['toa do x', 'x (m)']),
  column('y', 'Tọa độ Y', false, ['toa do y', 'y (m)']),
  column('northing', 'Tọa độ Bắc (N)', false, ['n', 'north']),
  column('easting', 'Tọa độ Đông (E)', false, ['e', 'east']),
];

export const KIND_COLUMNS: Record<RecordKind, readonly ColumnSpec[]> = {
  groups: [
    column('id', 'Mã tổ liên gia', true, ['mã tổ', 'group_id']),
    COMMUNE,
    DISTRICT,
    column('village', 'Thôn/tổ dân phố', false, ['thôn', 'tổ dân phố', 'village_name']),
    column('area_class', 'Khu vực (nông thôn/đô thị)', false, ['khu vực']),
    column('ethnic_minority', 'Vùng đồng bào dân tộc thiểu số', false, ['vùng dân tộc thiểu số', 'dân tộc thiểu số']),
    column('religious', 'Vùng có đông đồng bào tôn giáo', false, ['vùng tôn giáo', 'tôn giáo']),
    column('founded_on', 'Ngày thành lập', true, ['founded']),
    column('dissolved_on', 'Ngày giải thể', false, ['dissolved']),
    column('households', 'Số hộ', true, ['số hộ gia đình', 'households_count']),
  ],
  models: [
    column('id', 'Mã mô hình', true, ['model_id']),
    column('name', 'Tên mô hình', true, ['tên cơ quan, đơn vị', 'tên đơn vị']),
    column('setting', 'Loại hình (cơ quan/doanh nghiệp/bệnh viện/nhà trường)', true, ['loại hình']),
    COMMUNE,
    DISTRICT,
    column('founded_on', 'Ngày thành lập', true, ['founded', 'ngày xây dựng']),
    column('dissolved_on', 'Ngày giải thể', false, ['dissolved', 'ngày dừng hoạt động']),
  ],
  tips: [
    column('id', 'Mã nguồn tin', true, ['tip_id']),
    column('date', 'Ngày cung cấp', true, ['ngày', 'ngày tiếp nhận']),
    COMMUNE,
    DISTRICT,
    GROUP_ID,
    column('category', 'Loại tin', true, ['lĩnh vực', 'phân loại']),
  ],
  events: [
    column('id', 'Mã kết quả', true, ['event_id']),
    column('date', 'Ngày', true, ['ngày ghi nhận']),
    COMMUNE,
    DISTRICT,
    GROUP_ID,
    column('kind', 'Loại kết quả', true, ['kết quả', 'loại']),
    column('quantity', 'Số lượng', true, ['số lượt', 'số người']),
  ],
};

export interface HeaderMatch {
  /** Per column of the file: the register column it is, or undefined (ignored). */
  columns: (ColumnName | undefined)[];
  /** Index in the file of each register column found. */
  index: Partial<Record<ColumnName, number>>;
  missing: ColumnSpec[];
  /** Headings of columns that are not part of the register (reported as ignored). */
  ignored: string[];
  /** Register columns named by more than one heading, with those headings. */
  duplicates: { name: ColumnName; headings: string[] }[];
}

export function specsOf(kind: RecordKind): readonly ColumnSpec[] {
  return [...KIND_COLUMNS[kind], ...POINT_COLUMNS];
}

export function matchHeader(kind: RecordKind, headings: readonly string[]): HeaderMatch {
  const lookup = new Map<string, ColumnName>();
  // Register columns first, so e.g. groups' `id` heading "Mã tổ liên gia" is the id, not a group_id.
  for (const spec of specsOf(kind)) {
    for (const word of [spec.name, spec.heading, ...spec.synonyms]) {
      const folded = foldForSearch(word);
      if (!lookup.has(folded)) lookup.set(folded, spec.name);
    }
  }
  const columns = headings.map((h) => lookup.get(foldForSearch(h)));
  const index: Partial<Record<ColumnName, number>> = {};
  const named = new Map<ColumnName, string[]>();
  columns.forEach((name, i) => {
    if (!name) return;
    named.set(name, [...(named.get(name) ?? []), headings[i]!]);
    index[name] ??= i;
  });
  return {
    columns,
    index,
    missing: KIND_COLUMNS[kind].filter((spec) => spec.required && index[spec.name] === undefined),
    ignored: headings.filter((h, i) => columns[i] === undefined && h.trim() !== ''),
    duplicates: [...named].filter(([, list]) => list.length > 1).map(([name, list]) => ({ name, headings: list })),
  };
}
