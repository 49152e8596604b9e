/**
 * The selected commune (or district): its census figures, each metric with its rank and the
 * district and province averages, and its yearly series, from /api/units/{code}.
 */
import { useEffect } from 'react';
import { CHOROPLETH_METRICS, type Period } from '#contract';
import type { UnitProfileResponse } from '#contract/api';
import { getUnitProfile } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatMetricValue, METRIC_LABEL_KEYS } from '../legend/metricText';
import { useResource } from '../state/useResource';
import { ErrorState } from './ErrorState';
import { canRetry, errorText } from './errorText';
import { ApiRequestError } from '../api/client';
import { Skeleton } from './Skeleton';
import { YearlyChart } from './YearlyChart';

interface UnitPanelProps {
  code: string;
  period: Period;
  onClose: () => void;
}

function ComparisonTable({ profile }: { profile: UnitProfileResponse }) {
  const { t, fmt } = useI18n();
  const value = (metric: (typeof CHOROPLETH_METRICS)[number], v: number | null) =>
    v === null ? t('tooltip.suppressedShort') : formatMetricValue(metric, v, fmt);
  const rows = CHOROPLETH_METRICS.filter((metric) => profile.metrics[metric] !== undefined);
  return (
    <table className="comparison" data-testid="unit-comparison">
      <caption className="visually-hidden">{t('unit.comparison')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('unit.metric')}</th>
          <th scope="col">{t('unit.value')}</th>
          <th scope="col">{t('unit.rank')}</th>
          <th scope="col">{t('unit.districtAverage')}</th>
          <th scope="col">{t('unit.provinceAverage')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((metric) => {
          const c = profile.metrics[metric];
          if (!c) return null;
          return (
            <tr key={metric} data-metric={metric}>
              <th scope="row">{t(METRIC_LABEL_KEYS[metric])}</th>
              <td>{value(metric, c.value)}</td>
              <td>{c.rank === null ? '—' : t('unit.rankOf', { rank: fmt.count(c.rank), of: fmt.count(c.of) })}</td>
              <td>{c.district_average === null ? '—' : value(metric, c.district_average)}</td>
              <td>{c.province_average === null ? '—' : value(metric, c.province_average)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function UnitPanel({ code, period, onClose }: UnitPanelProps) {
  const { t, fmt } = useI18n();
  const profile = useResource(`unit|${code}|${period.from}|${period.to}`, (signal) => getUnitProfile(code, period, signal));

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const data = profile.data;
  // A code no unit has (a mistyped or old link): say so and offer to drop it; retrying cannot help.
  const unknown = profile.error instanceof ApiRequestError && profile.error.code === 'unknown_unit';
  let heading = t('unit.loading');
  if (data) heading = `${data.type} ${data.name}`;
  else if (unknown) heading = t('unit.unknownTitle');
  return (
    <aside className="unit-panel" aria-labelledby="unit-panel-title" data-testid="unit-panel" data-code={code}>
      <header className="unit-panel__header">
        <h2 id="unit-panel-title" data-testid="unit-name">
          {heading}
        </h2>
        <button type="button" className="button button--icon" onClick={onClose} aria-label={t('action.close')} title={t('action.close')}>
          ✕
        </button>
      </header>
      {unknown && (
        <div className="error-state error-state--compact" role="alert" data-testid="unit-unknown">
          <p>{t('unit.unknownCode', { code })}</p>
          <button type="button" className="button" onClick={onClose} data-testid="unit-unknown-clear">
            {t('unit.unknownClear')}
          </button>
        </div>
      )}
      {profile.error && !data && !unknown && (
        <ErrorState message={errorText(profile.error, t)} onRetry={canRetry(profile.error) ? profile.retry : undefined} compact />
      )}
      {!data && !profile.error && <Skeleton lines={8} />}
      {data && (
        <>
          {data.district_name && <p className="unit-panel__district">{data.district_name}</p>}
          <dl className="facts">
            <div>
              <dt>{t('unit.population')}</dt>
              <dd>{fmt.count(data.population)}</dd>
            </div>
            <div>
              <dt>{t('unit.households')}</dt>
              <dd>{fmt.count(data.households)}</dd>
            </div>
            <div>
              <dt>{t('unit.area')}</dt>
              <dd>{t('unit.areaValue', { area: fmt.decimal(data.area_km2) })}</dd>
            </div>
          </dl>
          <p className="unit-panel__period">{fmt.period(data.period.from, data.period.to)}</p>
          <ComparisonTable profile={data} />
          <YearlyChart
            title={t('unit.chartGroups')}
            series={data.yearly.map((y) => ({ year: y.year, value: y.groups_active }))}
            testId="chart-groups"
          />
          <YearlyChart title={t('unit.chartTips')} series={data.yearly.map((y) => ({ year: y.year, value: y.tips }))} testId="chart-tips" />
          <YearlyChart
            title={t('unit.chartModels')}
            series={data.yearly.map((y) => ({ year: y.year, value: y.models_active }))}
            testId="chart-models"
          />
        </>
      )}
    </aside>
  );
}
