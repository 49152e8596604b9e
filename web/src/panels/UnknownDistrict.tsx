/**
 * A district code in the link that no district has (mistyped, or from another data set): said
 * over the map with a way to drop it, since asking the server again cannot help.
 */
import { useI18n } from '../i18n/i18n';

export function UnknownDistrict({ code, onClear }: { code: string; onClear: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-state error-state--compact" role="alert" data-testid="district-unknown">
      <p>{t('district.unknownCode', { code })}</p>
      <button type="button" className="button" onClick={onClear} data-testid="district-unknown-clear">
        {t('district.unknownClear')}
      </button>
    </div>
  );
}
