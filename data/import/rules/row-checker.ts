/**
 * One row's checks: reads a column's cell, turns a value rule's CellProblem into a Problem with
 * the row number, the column heading as written in the file and the value as typed, and keeps
 * the problems (which reject the row) apart from the warnings (which do not).
 */
import type { ColumnName } from '../columns';
import { cellProblem, type CellProblem, type Message, type Problem, type WarningCode } from '../problems';
import type { CellValue } from '../readers/types';
import { legacyEncodingOf, legacyTextProblem } from '../values/legacy-text';
import { cellText, shown } from '../values/text';
import type { RowContext } from './context';

export class RowChecker {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(
    private readonly ctx: RowContext,
    readonly row: number,
    readonly cells: readonly CellValue[],
  ) {}

  heading(column: ColumnName): string {
    const i = this.ctx.index[column];
    return i === undefined ? column : (this.ctx.headings[i] ?? column);
  }

  cell(column: ColumnName): CellValue {
    const i = this.ctx.index[column];
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  reject(column: ColumnName, problem: CellProblem, value = shown(this.cell(column))): void {
    this.problems.push({ row: this.row, column: this.heading(column), value, code: problem.code, message: problem.message });
  }

  warn(column: ColumnName, code: WarningCode, message: Message, value = shown(this.cell(column))): void {
    this.warnings.push({ row: this.row, column: this.heading(column), value, code, message });
  }

  /** Text of a cell, refused when it was typed in a legacy encoding; undefined when empty or refused. */
  text(column: ColumnName): string | undefined {
    const text = cellText(this.cell(column));
    if (text === undefined) return undefined;
    const legacy = legacyEncodingOf(text);
    if (legacy) {
      this.reject(column, legacyTextProblem(legacy));
      return undefined;
    }
    return text;
  }

  /** Whether a text cell was refused as legacy-encoded (so its other checks are skipped). */
  isLegacy(column: ColumnName): boolean {
    const text = cellText(this.cell(column));
    return text !== undefined && legacyEncodingOf(text) !== undefined;
  }

  required(column: ColumnName, what: { vi: string; en: string }, code: CellProblem['code']): string | undefined {
    const text = this.text(column);
    if (text === undefined && !this.isLegacy(column)) this.reject(column, cellProblem(code, `Thiếu ${what.vi}. Sửa: điền ${what.vi} cho dòng này.`, `The ${what.en} is missing. Fix: fill in the ${what.en} of this row.`));
    return text;
  }
}
