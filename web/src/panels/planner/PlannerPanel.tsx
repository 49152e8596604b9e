/**
 * The planner docked beside the map: the ranking, the gap-score weights, the one-commune what-if
 * and the province allocation as tabs, and the ranking's downloads. All use the weights and
 * period of the URL. While new weights load, the previous ranking stays on screen, marked as
 * updating. The what-if's and the allocation's results are drawn on the map while their tab is
 * open (onScenario).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PlannerWeights } from '#contract';
import { plannerTableUrl } from '../../api/client';
import type { PlannerResponse } from '#contract/api';
import type { PlannerScenario } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import type { PlannerSort } from '../../state/plannerTable';
import { plannerTableRows } from '../../state/plannerTable';
import { hasPositiveWeight, weightsKey } from '../../state/plannerWeights';
import type { Resource } from '../../state/useResource';
import { ErrorState } from '../ErrorState';
import { errorText } from '../errorText';
import { Skeleton } from '../Skeleton';
import { AllocationForm } from './AllocationForm';
import { PlannerTable } from './PlannerTable';
import { WhatIfForm } from './WhatIfForm';
import { WeightsPanel } from './WeightsPanel';
import type { ScenarioMarks } from '../../state/scenario';

const TABS = ['ranking', 'weights', 'whatIf', 'allocate'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, MessageKey> = {
  ranking: 'planner.tab.ranking',
  weights: 'planner.tab.weights',
  whatIf: 'planner.tab.whatIf',
  allocate: 'planner.tab.allocate',
};
/** Tabs whose result the map draws. */
type ScenarioTab = 'whatIf' | 'allocate';
/** Placeholder rows while the first ranking loads: about a screenful. */
const SKELETON_ROWS = 10;

interface PlannerPanelProps {
  planner: Resource<PlannerResponse>;
  scenario: PlannerScenario;
  sort: PlannerSort;
  /** The filtered district's communes; null = the whole province. */
  districtCodes: ReadonlySet<string> | null;
  selectedCode: string | null;
  onSort: (sort: PlannerSort) => void;
  onSelect: (code: string) => void;
  onWeights: (weights: PlannerWeights) => void;
  /** A row pointed at (null: none). */
  onHoverRow: (code: string | null) => void;
  /** What the map should mark: the open tab's what-if or allocation result, or nothing. */
  onScenario: (marks: ScenarioMarks | null) => void;
}

/** Tabs with roving focus: arrows, Home and End move between them (WAI-ARIA tabs pattern). */
function useTabKeys(tab: Tab, setTab: (tab: Tab) => void) {
  const refs = useRef(new Map<Tab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const chosen = TABS[(target + TABS.length) % TABS.length] as Tab;
    setTab(chosen);
    refs.current.get(chosen)?.focus();
  };
  return { refs, onKeyDown };
}

export function PlannerPanel(props: PlannerPanelProps) {
  const { planner, scenario, sort, districtCodes, selectedCode, onSort, onSelect, onHoverRow, onScenario } = props;
  const { lang, t, fmt } = useI18n();
  const [tab, setTab] = useState<Tab>('ranking');
  const [results, setResults] = useState<Record<ScenarioTab, ScenarioMarks | null>>({ whatIf: null, allocate: null });
  const shownMarks = tab === 'whatIf' || tab === 'allocate' ? results[tab] : null;
  useEffect(() => onScenario(shownMarks), [shownMarks, onScenario]);
  // Leaving the planner takes its marks off the map.
  useEffect(() => () => onScenario(null), [onScenario]);
  const report = useMemo(
    () => ({
      whatIf: (marks: ScenarioMarks | null) => setResults((r) => ({ ...r, whatIf: marks })),
      allocate: (marks: ScenarioMarks | null) => setResults((r) => ({ ...r, allocate: marks })),
    }),
    [],
  );
  const { refs, onKeyDown } = useTabKeys(tab, setTab);
  const data = planner.data ?? planner.latest;
  const rows = useMemo(() => (data ? plannerTableRows(data.rows, sort, districtCodes) : []), [data, sort, districtCodes]);
  const scenarioKey = `${scenario.period.from}|${scenario.period.to}|${weightsKey(scenario.weights)}`;
  const updating = planner.loading && data !== null;
  const canRank = hasPositiveWeight(scenario.weights);

  let status = null;
  if (!canRank && tab !== 'weights') status = <p className="planner__empty">{t('weights.allZero')}</p>;
  else if (planner.error && !planner.data) status = <ErrorState message={errorText(planner.error, t)} onRetry={planner.retry} />;
  else if (!data)
    status = (
      <div aria-busy="true" aria-label={t('planner.loading')} data-testid="planner-loading">
        <Skeleton lines={SKELETON_ROWS} className="planner__skeleton" />
      </div>
    );

  // All three tools stay mounted, so a what-if or a plan survives a look at the ranking.
  const panels: Record<Tab, () => ReactNode> = {
    ranking: () =>
      data && (
        <PlannerTable
          rows={rows}
          allRows={data.rows}
          sort={sort}
          selectedCode={selectedCode}
          caption={t('planner.caption', { period: fmt.period(data.period.from, data.period.to) })}
          onSort={onSort}
          onSelect={onSelect}
          onHoverRow={onHoverRow}
        />
      ),
    weights: () => <WeightsPanel weights={scenario.weights} onChange={props.onWeights} />,
    whatIf: () =>
      data && <WhatIfForm planner={data} scenario={scenario} scenarioKey={scenarioKey} selectedCode={selectedCode} onMarks={report.whatIf} />,
    allocate: () =>
      data && <AllocationForm planner={data} scenario={scenario} scenarioKey={scenarioKey} onSelect={onSelect} onMarks={report.allocate} />,
  };

  return (
    <section className="planner" aria-labelledby="planner-title" data-testid="planner-panel" aria-busy={planner.loading}>
      <header className="planner__header">
        <div>
          <h2 id="planner-title">{t('planner.title')}</h2>
          <p className="panel__note">{t('planner.intro')}</p>
        </div>
        <div className="planner__actions">
          {updating && (
            <span className="planner__updating" role="status">
              <span className="spinner" aria-hidden="true" /> {t('planner.updating')}
            </span>
          )}
          {(['xlsx', 'csv'] as const).map((format) => (
            <a
              key={format}
              className="button"
              href={canRank ? plannerTableUrl(format, scenario, lang) : undefined}
              download
              aria-disabled={!canRank}
              title={t('planner.downloadHint')}
              data-testid={`planner-${format}`}
            >
              {t(format === 'csv' ? 'planner.csv' : 'planner.xlsx')}
            </a>
          ))}
        </div>
      </header>
      <div className="planner__tabs" role="tablist" aria-label={t('planner.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(node) => {
              if (node) refs.current.set(id, node);
              else refs.current.delete(id);
            }}
            type="button"
            role="tab"
            id={`planner-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`planner-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="planner__tab"
            onClick={() => setTab(id)}
            data-testid={`planner-tab-${id}`}
          >
            {t(TAB_KEYS[id])}
          </button>
        ))}
      </div>
      {status && <div className="planner__body">{status}</div>}
      {/* The weights tab works without a ranking (all-zero weights are what it fixes). */}
      {status && tab === 'weights' && <div className="planner__body">{panels.weights()}</div>}
      {!status &&
        TABS.map((id) => (
          <div
            key={id}
            id={`planner-tabpanel-${id}`}
            role="tabpanel"
            aria-labelledby={`planner-tab-${id}`}
            className="planner__body"
            hidden={tab !== id}
            tabIndex={0}
          >
            {panels[id]()}
          </div>
        ))}
    </section>
  );
}
