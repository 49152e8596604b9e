/** Narrow the briefing to one district (huyện / thành phố), or the whole province. */
import { useId } from 'react';
import type { UnitCollection } from '#contract/api';
import { useI18n } from '../i18n/i18n';

export function DistrictFilter({
  districts,
  value,
  onChange,
}: {
  districts: UnitCollection | null;
  value: string | null;
  onChange: (district: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const options = [...(districts?.features ?? [])].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi'));
  return (
    <div className="panel">
      <label className="field" htmlFor={id}>
        <span className="panel__title">{t('district.title')}</span>
        <select
          id={id}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || null)}
          disabled={!districts}
          data-testid="district-filter"
        >
          <option value="">{t('district.all')}</option>
          {options.map((f) => (
            <option key={f.properties.code} value={f.properties.code}>
              {f.properties.type} {f.properties.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
