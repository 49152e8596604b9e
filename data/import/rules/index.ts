/** The row rule of each register. */
import type { RecordKind } from '../../schema';
import type { RowRule } from './context';
import { checkEventRow } from './events';
import { checkGroupRow } from './groups';
import { checkModelRow } from './models';
import { checkTipRow } from './tips';

export const ROW_RULES: Record<RecordKind, RowRule> = {
  groups: checkGroupRow,
  models: checkModelRow,
  tips: checkTipRow,
  events: checkEventRow,
};
