/** Problems (or warnings) of a register file as the importer found them: row, column, value, problem, fix. */
import type { ReportEntry } from '#contract/api';
import { useI18n } from '../../i18n/i18n';

interface ReportTableProps {
  entries: readonly ReportEntry[];
  caption: string;
  testId: string;
}

export function ReportTable({ entries, caption, testId }: ReportTableProps) {
  const { t, lang, fmt } = useI18n();
  return (
    <div className="report-table__frame">
      <table className="report-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('admin.report.row')}
            </th>
            <th scope="col">{t('admin.report.column')}</th>
            <th scope="col">{t('admin.report.value')}</th>
            <th scope="col">{t('admin.report.problem')}</th>
            <th scope="col">{t('admin.report.fix')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <tr key={`${entry.row}-${entry.column}-${entry.code}-${i}`} data-row={entry.row} data-code={entry.code}>
              <td className="num">{fmt.count(entry.row)}</td>
              <td>{entry.column}</td>
              <td className="report-table__value">{entry.value}</td>
              <td>
                {entry.problem[lang]} <span className="report-table__code">{entry.code}</span>
              </td>
              <td>{entry.fix?.[lang] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
