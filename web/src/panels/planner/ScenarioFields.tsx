/** The inputs the what-if and the allocation share: how many new groups, and households per group. */
import { useI18n } from '../../i18n/i18n';
import { GROUPS_LIMITS, HOUSEHOLDS_PER_GROUP_LIMITS } from './scenarioInputs';

interface FieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

export function GroupCountField({ id, value, onChange, label, invalid, testId }: FieldProps & { label: string; invalid: boolean; testId: string }) {
  return (
    <label className="field" htmlFor={`${id}-groups`}>
      <span>{label}</span>
      <input
        id={`${id}-groups`}
        type="number"
        inputMode="numeric"
        min={GROUPS_LIMITS.min}
        max={GROUPS_LIMITS.max}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        required
        data-testid={testId}
      />
    </label>
  );
}

/** Empty means the planner's default (the median size of today's groups). */
export function HouseholdsPerGroupField({ id, value, onChange, invalid, defaultValue }: FieldProps & { invalid: boolean; defaultValue: number }) {
  const { t, fmt } = useI18n();
  return (
    <label className="field" htmlFor={`${id}-hpg`}>
      <span>{t('whatIf.householdsPerGroup')}</span>
      <input
        id={`${id}-hpg`}
        type="number"
        inputMode="numeric"
        min={HOUSEHOLDS_PER_GROUP_LIMITS.min}
        max={HOUSEHOLDS_PER_GROUP_LIMITS.max}
        step={1}
        value={value}
        placeholder={fmt.count(defaultValue)}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${id}-hpg-hint`}
      />
      <small id={`${id}-hpg-hint`} className="field__hint">
        {t('whatIf.householdsPerGroupHint', { value: fmt.count(defaultValue) })}
      </small>
    </label>
  );
}
