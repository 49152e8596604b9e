/**
 * A date typed day first (25/10/2022) whatever the browser's locale: `<input type="date">`
 * shows 10/25/2022 in an English-locale browser. The text is read when the field is left or
 * Enter is pressed; a date that is not a real day, or lies outside [min, max], says so in the
 * reader's language and changes nothing.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { dayFirstFromIso, isoFromDayFirst } from '../state/period';

interface DayDateInputProps {
  label: string;
  /** ISO date (yyyy-mm-dd). */
  value: string;
  min: string;
  max: string;
  onChange: (iso: string) => void;
  testId: string;
}

export function DayDateInput({ label, value, min, max, onChange, testId }: DayDateInputProps) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(dayFirstFromIso(value));
  const [error, setError] = useState<string | null>(null);
  // A period set elsewhere (slider, mode, link) replaces what was typed.
  useEffect(() => {
    setDraft(dayFirstFromIso(value));
    setError(null);
  }, [value]);

  function commit() {
    const iso = isoFromDayFirst(draft);
    if (!iso) setError(t('period.dateInvalid'));
    else if (iso < min || iso > max) setError(t('period.dateOutOfRange', { min: fmt.date(min), max: fmt.date(max) }));
    else {
      setError(null);
      if (iso !== value) onChange(iso);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') commit();
  }

  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('period.datePlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
