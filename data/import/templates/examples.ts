/**
 * One example row per register, valid as it stands (a test imports each template): Xã Bá Hiến
 * (08944, Bình Xuyên), a point inside it, dates in the past. The ids say they are examples.
 */
import type { RecordKind } from '../../schema';
import type { ColumnName } from '../columns';

/** Inside Bá Hiến (near its centre of mass). */
const EXAMPLE_POINT = { lon: 105.6864, lat: 21.3165 };

export const EXAMPLE_ROWS: Record<RecordKind, Partial<Record<ColumnName, string | number>>> = {
  groups: { id: 'VD-TLG-001', commune: 'Bá Hiến', district: 'Bình Xuyên', village: 'Thôn Nam Bản', area_class: 'Nông thôn', ethnic_minority: 'không', religious: 'không', founded_on: '15/03/2018', dissolved_on: '', households: 22, ...EXAMPLE_POINT },
  models: { id: 'VD-MH-001', name: 'Trường THCS Bá Hiến', setting: 'Nhà trường', commune: 'Bá Hiến', district: 'Bình Xuyên', founded_on: '05/09/2019', dissolved_on: '', ...EXAMPLE_POINT },
  tips: { id: 'VD-NT-001', date: '20/10/2022', commune: 'Bá Hiến', district: 'Bình Xuyên', group_id: 'VD-TLG-001', category: 'Trật tự công cộng', ...EXAMPLE_POINT },
  events: { id: 'VD-KQ-001', date: '20/10/2022', commune: 'Bá Hiến', district: 'Bình Xuyên', group_id: 'VD-TLG-001', kind: 'Vũ khí thô sơ giao nộp', quantity: 2, ...EXAMPLE_POINT },
};
