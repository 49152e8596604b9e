/** The template of each register, as XLSX (Vietnamese headings, drop-down lists, an example row) or CSV. */
import { REGISTER_KINDS } from '#contract';
import { templateUrl } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { KIND_KEYS } from './UploadForm';

export function TemplateLinks() {
  const { t } = useI18n();
  return (
    <section className="admin-card" aria-labelledby="admin-templates-title">
      <h3 id="admin-templates-title">{t('admin.templates.title')}</h3>
      <p className="panel__note">{t('admin.templates.intro')}</p>
      <ul className="template-links">
        {REGISTER_KINDS.map((kind) => (
          <li key={kind}>
            <span>{t(KIND_KEYS[kind])}</span>
            <a className="button" href={templateUrl(kind, 'xlsx')} download data-testid={`template-${kind}-xlsx`}>
              XLSX
            </a>
            <a className="button" href={templateUrl(kind, 'csv')} download data-testid={`template-${kind}-csv`}>
              CSV
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
