/** A file on its way (bytes sent), or the importer at work on it (its step and the rows read so far). */
import type { ImportStep } from '#contract';
import type { UploadResponse } from '#contract/api';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const STATE_KEYS: Partial<Record<UploadResponse['state'], MessageKey>> = {
  queued: 'admin.state.queued',
  validating: 'admin.state.validating',
  importing: 'admin.state.importing',
};
const STEP_KEYS: Record<ImportStep, MessageKey> = {
  waiting: 'admin.step.waiting',
  reference: 'admin.step.reference',
  rows: 'admin.step.rows',
  writing: 'admin.step.writing',
};

const MEBIBYTE = 1024 * 1024;

export function SendingProgress({ name, sent, total, onAbort }: { name: string; sent: number; total: number; onAbort: () => void }) {
  const { t, fmt } = useI18n();
  const percent = total > 0 ? Math.min(100, Math.round((100 * sent) / total)) : 0;
  return (
    <div className="upload-progress" data-testid="upload-sending">
      <p>{t('admin.upload.sending', { name, percent: fmt.count(percent), sent: fmt.decimal(sent / MEBIBYTE), total: fmt.decimal(total / MEBIBYTE) })}</p>
      <progress max={100} value={percent} aria-label={t('admin.upload.sendingLabel')} />
      <div className="admin-actions">
        <button type="button" className="button" onClick={onAbort}>
          {t('admin.upload.abort')}
        </button>
      </div>
    </div>
  );
}

export function ImporterProgress({ upload }: { upload: UploadResponse }) {
  const { t, fmt } = useI18n();
  const stateKey = STATE_KEYS[upload.state];
  if (!stateKey) return null;
  const step = upload.progress.step;
  return (
    <div className="upload-progress" role="status" data-testid="upload-running" data-state={upload.state}>
      <p>
        <span className="spinner" aria-hidden="true" /> {t(stateKey)}
        {step && ` — ${t(STEP_KEYS[step])}`}
        {upload.progress.rows_read > 0 && ` (${t('admin.upload.rowsRead', { rows: fmt.count(upload.progress.rows_read) })})`}
      </p>
      <progress aria-label={t(stateKey)} />
    </div>
  );
}
