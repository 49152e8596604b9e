/** Always visible while the data are simulated: nobody may mistake them for police records. */
import { useI18n } from '../i18n/i18n';

export function SyntheticBanner() {
  const { t } = useI18n();
  return (
    <div className="synthetic-banner" role="status" data-testid="synthetic-banner">
      <strong>{t('synthetic.title')}</strong> {t('synthetic.body')}
    </div>
  );
}
