/**
 * An upload the server holds: while the importer works, its progress; once validated, the
 * report and the choices (import all, import the valid rows, cancel); once imported, the new
 * version; the rejected rows to download whenever there are any.
 */
import type { UploadResponse } from '#contract/api';
import { rejectedRowsUrl } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { Language } from '../../state/atlasState';
import { formatDateTime } from './dateTime';
import { ImportReport } from './ImportReport';
import { KIND_KEYS } from './UploadForm';
import { ImporterProgress } from './UploadProgress';
import type { UploadFlow } from './useUpload';

function RejectedDownloads({ upload }: { upload: UploadResponse }) {
  const { t } = useI18n();
  if (!upload.report?.rejected_file) return null;
  return (
    <p className="admin-actions" data-testid="rejected-downloads">
      <a className="button" href={rejectedRowsUrl(upload.id, 'xlsx')} download data-testid="rejected-xlsx">
        {t('admin.rejected.xlsx')}
      </a>
      <a className="button" href={rejectedRowsUrl(upload.id, 'csv')} download data-testid="rejected-csv">
        {t('admin.rejected.csv')}
      </a>
    </p>
  );
}

function Choices({ upload, flow }: { upload: UploadResponse; flow: UploadFlow }) {
  const { t, fmt } = useI18n();
  const rejected = upload.report?.rejected_rows ?? 0;
  return (
    <div className="admin-choices">
      <div className="admin-actions">
        <button type="button" className="button button--primary" disabled={!upload.can_import || flow.busy} onClick={() => flow.commit(false)} data-testid="import-all">
          {t('admin.import.all')}
        </button>
        {upload.can_import_valid && rejected > 0 && (
          <button type="button" className="button button--primary" disabled={flow.busy} onClick={() => flow.commit(true)} data-testid="import-valid">
            {t('admin.import.valid', { valid: fmt.count(upload.report?.valid ?? 0) })}
          </button>
        )}
        <button type="button" className="button" disabled={flow.busy} onClick={flow.cancel} data-testid="upload-cancel">
          {t('admin.import.cancel')}
        </button>
      </div>
      {!upload.can_import && (
        <p className="panel__note">{upload.can_import_valid ? t('admin.import.allBlocked') : t('admin.import.nothing')}</p>
      )}
    </div>
  );
}

function Heading({ upload, lang }: { upload: UploadResponse; lang: Language }) {
  const { t, fmt } = useI18n();
  return (
    <p className="upload-heading">
      <strong>{upload.filename}</strong> · {t(KIND_KEYS[upload.kind])} · {fmt.decimal(upload.bytes / 1024)} KB ·{' '}
      {t('admin.upload.by', { user: upload.uploaded_by, at: formatDateTime(upload.uploaded_at, lang) })}
    </p>
  );
}

export function UploadOutcome({ upload, flow }: { upload: UploadResponse; flow: UploadFlow }) {
  const { t, fmt, lang } = useI18n();
  const cancellable = upload.state === 'queued' || upload.state === 'validating';
  return (
    <div className="upload-outcome" data-testid="upload-outcome" data-state={upload.state}>
      <Heading upload={upload} lang={lang} />
      <ImporterProgress upload={upload} />
      {cancellable && upload.accept_valid === null && (
        <div className="admin-actions">
          <button type="button" className="button" disabled={flow.busy} onClick={flow.cancel} data-testid="upload-cancel">
            {t('admin.import.cancel')}
          </button>
        </div>
      )}
      {upload.state === 'imported' && upload.imported && (
        <p className="admin-success" role="status" data-testid="import-done">
          {t('admin.import.done', { accepted: fmt.count(upload.imported.accepted), version: upload.imported.dataset_version })}
          {upload.imported.rejected_rows > 0 && ` ${t('admin.import.doneRejected', { rejected: fmt.count(upload.imported.rejected_rows) })}`}
        </p>
      )}
      {upload.state === 'failed' && upload.error && (
        <p className="admin-form__problem" role="alert" data-testid="import-failed">
          {upload.error.message[lang]}
        </p>
      )}
      {upload.report && upload.state !== 'importing' && <ImportReport report={upload.report} />}
      {upload.state === 'validated' && <Choices upload={upload} flow={flow} />}
      {upload.state !== 'importing' && <RejectedDownloads upload={upload} />}
      {(upload.state === 'imported' || upload.state === 'failed') && (
        <div className="admin-actions">
          <button type="button" className="button" onClick={flow.reset} data-testid="upload-another">
            {t('admin.upload.another')}
          </button>
        </div>
      )}
    </div>
  );
}
