/** Over the map: "loading…" while data arrive, and each failed dataset, with a retry where trying again can help. */
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Resource } from '../state/useResource';
import { canRetry, errorText } from './errorText';

export interface NamedResource {
  labelKey: MessageKey;
  resource: Resource<unknown>;
}

export function DataStatus({ resources }: { resources: NamedResource[] }) {
  const { t } = useI18n();
  const failed = resources.filter((r) => r.resource.error);
  const loading = resources.some((r) => r.resource.loading);
  return (
    <div className="data-status" aria-live="polite">
      {loading && (
        <p className="data-status__loading" data-testid="map-loading">
          <span className="spinner" aria-hidden="true" /> {t('map.loading')}
        </p>
      )}
      {failed.map(({ labelKey, resource }) => (
        <div key={labelKey} className="error-state error-state--compact" role="alert">
          <p>
            <strong>{t(labelKey)}:</strong> {resource.error ? errorText(resource.error, t) : ''}
          </p>
          {resource.error && canRetry(resource.error) && (
            <button type="button" className="button" onClick={resource.retry}>
              {t('action.retry')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
