/** The columns a template lists (the register's, then lon/lat) and the drop-down list of each enumeration. */
import { AREA_CLASSES, MODEL_SETTINGS, OUTCOME_KINDS, TIP_CATEGORIES } from '#contract';
import type { RecordKind } from '../../schema';
import { KIND_COLUMNS, POINT_COLUMNS, type ColumnName, type ColumnSpec } from '../columns';
import { AREA_CLASS_LABELS, MODEL_SETTING_LABELS, OUTCOME_KIND_LABELS, TIP_CATEGORY_LABELS } from '../vocabulary';

const FLAG_CHOICES = ['có', 'không'];

/** Drop-down choices (Vietnamese labels); "unclassified" is left out: an empty cell says it. */
export const CHOICES: Partial<Record<ColumnName, readonly string[]>> = {
  area_class: AREA_CLASSES.filter((c) => c !== 'unclassified').map((c) => AREA_CLASS_LABELS[c]),
  ethnic_minority: FLAG_CHOICES,
  religious: FLAG_CHOICES,
  setting: MODEL_SETTINGS.map((s) => MODEL_SETTING_LABELS[s]),
  category: TIP_CATEGORIES.map((c) => TIP_CATEGORY_LABELS[c]),
  kind: OUTCOME_KINDS.map((k) => OUTCOME_KIND_LABELS[k]),
};

export function templateColumns(kind: RecordKind): ColumnSpec[] {
  return [...KIND_COLUMNS[kind], ...POINT_COLUMNS.filter((c) => c.name === 'lon' || c.name === 'lat')];
}
