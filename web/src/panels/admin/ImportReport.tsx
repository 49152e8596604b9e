/**
 * What the importer said about a file: the counts, which column of a VN-2000 file held the
 * northing, and the tables of rejected rows and of warnings (the rows kept).
 */
import type { ImportReportResponse } from '#contract/api';
import { useI18n } from '../../i18n/i18n';
import { ReportTable } from './ReportTable';

export function ImportReport({ report }: { report: ImportReportResponse }) {
  const { t, fmt } = useI18n();
  const more = (shown: number, total: number) => (total > shown ? <p className="panel__note">{t('admin.report.more', { shown: fmt.count(shown), total: fmt.count(total) })}</p> : null);
  return (
    <div className="import-report" data-testid="import-report">
      <p className="import-report__summary" data-testid="report-summary">
        {report.file_problem
          ? t('admin.report.fileProblem')
          : t('admin.report.summary', { rows: fmt.count(report.rows), valid: fmt.count(report.valid), rejected: fmt.count(report.rejected_rows) })}
      </p>
      {Object.entries(report.northing_read_from).map(([column, rows]) => (
        <p key={column} className="panel__note">
          {t('admin.report.northing', { column, rows: fmt.count(rows) })}
        </p>
      ))}
      {report.problems.length > 0 ? (
        <>
          <ReportTable entries={report.problems} caption={t('admin.report.problems', { count: fmt.count(report.problems_total) })} testId="report-problems" />
          {more(report.problems.length, report.problems_total)}
        </>
      ) : (
        <p className="import-report__clean">{t('admin.report.none')}</p>
      )}
      {report.warnings.length > 0 && (
        <details className="import-report__warnings">
          <summary>{t('admin.report.warnings', { count: fmt.count(report.warnings_total) })}</summary>
          <ReportTable entries={report.warnings} caption={t('admin.report.warningsCaption')} testId="report-warnings" />
          {more(report.warnings.length, report.warnings_total)}
        </details>
      )}
    </div>
  );
}
