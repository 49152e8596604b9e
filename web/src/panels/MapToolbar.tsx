/** Full screen, PNG export and print of the current map. */
import { useI18n } from '../i18n/i18n';

interface MapToolbarProps {
  fullscreen: boolean;
  exporting: boolean;
  onFullscreen: () => void;
  onExport: () => void;
  onPrint: () => void;
}

export function MapToolbar({ fullscreen, exporting, onFullscreen, onExport, onPrint }: MapToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="map-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="button" onClick={onFullscreen} aria-pressed={fullscreen} data-testid="fullscreen">
        {fullscreen ? t('toolbar.exitFullscreen') : t('toolbar.fullscreen')}
      </button>
      <button type="button" className="button" onClick={onExport} disabled={exporting} data-testid="export-png">
        {exporting ? t('toolbar.exporting') : t('toolbar.exportPng')}
      </button>
      <button type="button" className="button" onClick={onPrint} data-testid="print">
        {t('toolbar.print')}
      </button>
    </div>
  );
}
