/** A failed request, said plainly, with a way to try again. */
import { useI18n } from '../i18n/i18n';

export function ErrorState({ message, onRetry, compact = false }: { message: string; onRetry?: () => void; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={compact ? 'error-state error-state--compact' : 'error-state'} role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}
