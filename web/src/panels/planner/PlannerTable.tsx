/**
 * The ranking: rank, commune (and its district), gap score with its map colour, the score taken
 * apart as a bar of factor contributions, a low-confidence badge where the rates rest on few
 * records, and the main reason in words under each commune (all of them under the selected one).
 * Column headers sort; a row selects its commune as a click on the map does, and pointing at a
 * row outlines its commune on the map.
 */
import { useEffect, useMemo, useRef } from 'react';
import { LOW_CONFIDENCE_MIN_INCIDENTS } from '#contract';
import type { PlannerRow } from '#contract/api';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { gapScoreColor } from '../../style/gapScore';
import { cssColor } from '../../style/palettes';
import { nextPlannerSort, type PlannerSort, type PlannerSortKey } from '../../state/plannerTable';
import { ContributionBar, ContributionLegend, contributionScale } from './ContributionBar';
import { whyDetails, whyText } from './whyText';

const SORT_LABEL_KEYS: Record<PlannerSortKey, MessageKey> = {
  rank: 'planner.col.rank',
  name: 'planner.col.commune',
  district: 'planner.col.district',
  confidence: 'planner.col.confidence',
};

interface PlannerTableProps {
  rows: PlannerRow[];
  /** Every ranked row (for the bars' shared scale), whatever the filter shows. */
  allRows: readonly PlannerRow[];
  sort: PlannerSort;
  selectedCode: string | null;
  caption: string;
  onSort: (sort: PlannerSort) => void;
  onSelect: (code: string) => void;
  onHoverRow: (code: string | null) => void;
}

function SortHeader({ column, sort, onSort, className }: { column: PlannerSortKey; sort: PlannerSort; onSort: (sort: PlannerSort) => void; className?: string }) {
  const { t } = useI18n();
  const active = sort.key === column;
  const label = t(SORT_LABEL_KEYS[column]);
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(nextPlannerSort(sort, column))}
        title={t('planner.sortBy', { column: label })}
        data-testid={`planner-sort-${column}`}
      >
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

function GapScore({ score }: { score: number }) {
  const { fmt } = useI18n();
  return (
    <span className="gap-score">
      <span className="gap-score__chip" style={{ background: cssColor(gapScoreColor(score)) }} aria-hidden="true" />
      {fmt.signed(score)}
    </span>
  );
}

function LowConfidenceBadge({ incidents }: { incidents: number | null }) {
  const { t, fmt } = useI18n();
  const detail =
    incidents === null
      ? t('planner.lowConfidenceHiddenTitle', { min: fmt.count(LOW_CONFIDENCE_MIN_INCIDENTS) })
      : t('planner.lowConfidenceTitle', { count: fmt.count(incidents), min: fmt.count(LOW_CONFIDENCE_MIN_INCIDENTS) });
  return (
    <span className="badge badge--low" title={detail} data-testid="low-confidence">
      {t('planner.lowConfidence')}
      <span className="visually-hidden">: {detail}</span>
    </span>
  );
}

function Row({ row, selected, scale, onSelect, onHoverRow }: { row: PlannerRow; selected: boolean; scale: number } & Pick<PlannerTableProps, 'onSelect' | 'onHoverRow'>) {
  const { t, fmt } = useI18n();
  const reasons = selected ? row.why : row.why.slice(0, 1);
  const pointer = { onClick: () => onSelect(row.code), onMouseEnter: () => onHoverRow(row.code), onMouseLeave: () => onHoverRow(null) };
  const className = selected ? 'is-selected' : undefined;
  return (
    <>
      <tr className={className} aria-current={selected ? 'true' : undefined} {...pointer} data-testid="planner-row" data-code={row.code} data-rank={row.rank}>
        <td className="num" rowSpan={2}>
          {fmt.count(row.rank)}
        </td>
        <th scope="row">
          <button type="button" className="link-button" onClick={() => onSelect(row.code)} aria-pressed={selected} onFocus={() => onHoverRow(row.code)} onBlur={() => onHoverRow(null)}>
            {row.name}
          </button>
          <span className="planner-row__district">{row.district_name ?? '—'}</span>
        </th>
        <td className="num" data-testid="planner-gap">
          <GapScore score={row.gapScore} />
        </td>
        <td className="planner-row__bar">
          <ContributionBar row={row} scale={scale} />
          {row.lowConfidence && <LowConfidenceBadge incidents={row.incidents} />}
        </td>
      </tr>
      <tr className={`planner-row__reasons ${className ?? ''}`} {...pointer} data-code={row.code}>
        <td colSpan={3}>
          <ul className="why" data-testid="planner-why">
            {reasons.map((item) => (
              <li key={item.factor} title={whyDetails(item, t, fmt)} className={item.contribution >= 0 ? 'why--up' : 'why--down'}>
                {whyText(item, t, fmt)}
              </li>
            ))}
          </ul>
        </td>
      </tr>
    </>
  );
}

export function PlannerTable({ rows, allRows, sort, selectedCode, caption, onSort, onSelect, onHoverRow }: PlannerTableProps) {
  const { t, fmt } = useI18n();
  const body = useRef<HTMLTableSectionElement>(null);
  const scale = useMemo(() => contributionScale(allRows), [allRows]);

  // A commune picked on the map: bring its row into view.
  useEffect(() => {
    if (!selectedCode) return;
    body.current?.querySelector(`[data-code="${selectedCode}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedCode]);

  return (
    <div className="planner-table-wrap" onMouseLeave={() => onHoverRow(null)}>
      <p className="planner__count" data-testid="planner-count">
        {t('planner.shown', { shown: fmt.count(rows.length), total: fmt.count(allRows.length) })}
      </p>
      <ContributionLegend />
      <table className="planner-table" data-testid="planner-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="rank" sort={sort} onSort={onSort} className="num" />
            <SortHeader column="name" sort={sort} onSort={onSort} />
            <th scope="col" className="num" title={t('planner.col.gap')}>
              {t('planner.col.gapShort')}
            </th>
            <th scope="col">{t('planner.col.contributions')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => (
            <Row key={row.code} row={row} selected={row.code === selectedCode} scale={scale} onSelect={onSelect} onHoverRow={onHoverRow} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="planner__empty">{t('planner.noRows')}</p>}
    </div>
  );
}
