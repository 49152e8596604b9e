/** Vietnamese ⇄ English. The language is part of the URL like everything else. */
import { useI18n } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../state/atlasState';

const NATIVE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

export function LanguageSwitch({ onChange }: { onChange: (lang: Language) => void }) {
  const { lang, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="segmented__item"
          aria-pressed={code === lang}
          data-testid={`lang-${code}`}
          onClick={() => onChange(code)}
        >
          {NATIVE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
