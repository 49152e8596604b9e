/** The import screen: a register file uploaded, checked, then imported (or not), and the templates beside it. */
import { useI18n } from '../../i18n/i18n';
import { ErrorState } from '../ErrorState';
import { adminErrorText } from './adminErrorText';
import { TemplateLinks } from './TemplateLinks';
import { UploadForm } from './UploadForm';
import { UploadOutcome } from './UploadOutcome';
import { SendingProgress } from './UploadProgress';
import { useUpload } from './useUpload';

export function ImportPanel({ onImported }: { onImported: (version: string) => void }) {
  const { t } = useI18n();
  const flow = useUpload(onImported);
  const { state } = flow;
  return (
    <div className="admin-import">
      <section className="admin-card" aria-labelledby="admin-upload-title">
        <h3 id="admin-upload-title">{t('admin.upload.title')}</h3>
        <p className="panel__note">{t('admin.upload.intro')}</p>
        {state.phase === 'idle' && <UploadForm onSend={flow.send} />}
        {state.phase === 'sending' && <SendingProgress name={state.name} sent={state.sent} total={state.total} onAbort={flow.abort} />}
        {state.phase === 'tracking' && <UploadOutcome upload={state.upload} flow={flow} />}
        {state.phase === 'failed' && (
          <>
            <ErrorState message={adminErrorText(state.error, t)} />
            <div className="admin-actions">
              {state.upload && (
                <button type="button" className="button" onClick={flow.dismiss}>
                  {t('admin.upload.back')}
                </button>
              )}
              <button type="button" className="button" onClick={flow.reset} data-testid="upload-another">
                {t('admin.upload.another')}
              </button>
            </div>
          </>
        )}
      </section>
      <TemplateLinks />
    </div>
  );
}
