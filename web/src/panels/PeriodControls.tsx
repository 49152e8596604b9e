/**
 * The period: whole published period, up to the end of a year (network growth), one year, or
 * custom dates; a year slider, and Play, which steps 2017 → 2022 as soon as each year is drawn.
 * Custom dates are days typed day first for admins; below admin, tips and outcome events are
 * published for whole calendar years only (the server's reporting calendar), so the choice there
 * is a first and a last year.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Period, Role } from '#contract';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { canChooseDays } from '../state/permissions';
import {
  FIRST_YEAR,
  LAST_YEAR,
  normalizePeriod,
  yearsPeriod,
  periodForYear,
  periodMode,
  wholePeriod,
  yearOfPeriod,
  type PeriodMode,
} from '../state/period';
import { readiness } from '../state/readiness';
import { DayDateInput } from './DayDateInput';

/** A year stays on screen at least this long while playing, long enough to read the cards. */
const PLAY_STEP_MS = 1500;
/** If a year never finishes drawing (a failed request), move on after this long anyway. */
const PLAY_MAX_WAIT_MS = 8000;
const PLAY_POLL_MS = 200;

const MODE_KEYS: Record<PeriodMode, MessageKey> = {
  all: 'period.all',
  cumulative: 'period.cumulative',
  year: 'period.year',
  custom: 'period.custom',
};

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

interface PeriodControlsProps {
  period: Period;
  /** Who is logged in: admins choose days, everyone else whole years. */
  role: Role;
  onChange: (period: Period) => void;
}

export function PeriodControls({ period, role, onChange }: PeriodControlsProps) {
  const { t, fmt } = useI18n();
  const id = useId();
  const mode = periodMode(period);
  const year = yearOfPeriod(period);
  const firstYear = Number(period.from.slice(0, 4));
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ year, onChange });
  latest.current = { year, onChange };

  useEffect(() => {
    if (!playing) return;
    let lastStep = performance.now();
    const timer = window.setInterval(() => {
      const elapsed = performance.now() - lastStep;
      if (elapsed < PLAY_STEP_MS || (!readiness.isReady() && elapsed < PLAY_MAX_WAIT_MS)) return;
      const next = latest.current.year + 1;
      if (next > LAST_YEAR) {
        setPlaying(false);
        return;
      }
      lastStep = performance.now();
      latest.current.onChange(periodForYear(next, 'cumulative'));
    }, PLAY_POLL_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  function togglePlay() {
    if (playing) {
      setPlaying(false);
      return;
    }
    onChange(periodForYear(FIRST_YEAR, 'cumulative'));
    setPlaying(true);
  }

  function changeMode(next: PeriodMode) {
    if (next === 'all') onChange(wholePeriod());
    else if (next === 'cumulative' || next === 'year') onChange(periodForYear(year, next));
  }

  function changeYear(next: number) {
    setPlaying(false);
    onChange(periodForYear(next, mode === 'year' ? 'year' : 'cumulative'));
  }

  function changeYears(from: number, to: number) {
    setPlaying(false);
    onChange(yearsPeriod(from, to));
  }

  function changeDate(which: 'from' | 'to', value: string) {
    const next = normalizePeriod(which === 'from' ? value : period.from, which === 'to' ? value : period.to);
    if (next) onChange(next);
  }

  return (
    <fieldset className="panel period">
      <legend className="panel__title">{t('period.title')}</legend>
      <label className="field" htmlFor={`${id}-mode`}>
        <span>{t('period.mode')}</span>
        <select id={`${id}-mode`} value={mode} onChange={(e) => changeMode(e.target.value as PeriodMode)} data-testid="period-mode">
          {(Object.keys(MODE_KEYS) as PeriodMode[]).map((m) => (
            <option key={m} value={m} disabled={m === 'custom'}>
              {t(MODE_KEYS[m])}
            </option>
          ))}
        </select>
      </label>
      <div className="period__slider">
        <button
          type="button"
          className="button button--icon"
          aria-pressed={playing}
          onClick={togglePlay}
          data-testid="play"
          aria-label={playing ? t('period.pause') : t('period.play')}
          title={playing ? t('period.pause') : t('period.play')}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <label className="period__year" htmlFor={`${id}-year`}>
          <span className="visually-hidden">{t('period.yearSlider')}</span>
          <input
            id={`${id}-year`}
            type="range"
            min={FIRST_YEAR}
            max={LAST_YEAR}
            step={1}
            value={year}
            onChange={(e) => changeYear(Number(e.target.value))}
            aria-valuetext={String(year)}
            data-testid="year-slider"
          />
        </label>
        <output className="period__year-value" htmlFor={`${id}-year`}>
          {year}
        </output>
      </div>
      {canChooseDays(role) ? (
        <div className="period__dates">
          <DayDateInput label={t('period.from')} value={period.from} min={wholePeriod().from} max={period.to} onChange={(from) => changeDate('from', from)} testId="period-from" />
          <DayDateInput label={t('period.to')} value={period.to} min={period.from} max={wholePeriod().to} onChange={(to) => changeDate('to', to)} testId="period-to" />
        </div>
      ) : (
        <div className="period__dates">
          <label className="field" htmlFor={`${id}-from-year`}>
            <span>{t('period.fromYear')}</span>
            <select id={`${id}-from-year`} value={firstYear} onChange={(e) => changeYears(Number(e.target.value), year)} data-testid="period-from-year">
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-to-year`}>
            <span>{t('period.toYear')}</span>
            <select id={`${id}-to-year`} value={year} onChange={(e) => changeYears(firstYear, Number(e.target.value))} data-testid="period-to-year">
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <p className="panel__note period__note">{t('period.wholeYearsNote')}</p>
        </div>
      )}
      <p className="period__summary" data-testid="period-summary">
        {fmt.period(period.from, period.to)}
      </p>
    </fieldset>
  );
}
