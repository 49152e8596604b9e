/** Before / after / change of a few measures, as the what-if and the allocation report them. */
import { useI18n } from '../../i18n/i18n';

export interface ComparisonRow {
  id: string;
  label: string;
  before: number;
  after: number;
  /** How to write a value of this measure. */
  format: (value: number) => string;
  /** How to write the change (signed); by default the value's format with a sign. */
  formatChange?: (change: number) => string;
}

export function Comparison({ rows, caption, testId }: { rows: ComparisonRow[]; caption: string; testId: string }) {
  const { t } = useI18n();
  return (
    <table className="comparison comparison--planner" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compare.measure')}</th>
          <th scope="col">{t('compare.before')}</th>
          <th scope="col">{t('compare.after')}</th>
          <th scope="col">{t('compare.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const change = row.after - row.before;
          const changeText = row.formatChange ? row.formatChange(change) : `${change > 0 ? '+' : ''}${row.format(change)}`;
          return (
            <tr key={row.id} data-measure={row.id} data-before={row.before} data-after={row.after}>
              <th scope="row">{row.label}</th>
              <td data-cell="before">{row.format(row.before)}</td>
              <td data-cell="after">{row.format(row.after)}</td>
              <td data-cell="change">{change === 0 ? '—' : changeText}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
