/**
 * The ranking: rank, commune, district, gap score (with its map colour), the top drivers in
 * words, and a low-confidence badge where the rates rest on few records. Column headers sort;
 * a row selects its commune, exactly as a click on the map does.
 */
import { useEffect, useRef } from 'react';
import { LOW_CONFIDENCE_MIN_INCIDENTS } from '#contract';
import type { PlannerRow } from '#contract/api';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { gapScoreColor } from '../../style/gapScore';
import { cssColor } from '../../style/palettes';
import { nextPlannerSort, type PlannerSort, type PlannerSortKey } from '../../state/plannerTable';
import { whyDetails, whyText } from './whyText';

const SORT_LABEL_KEYS: Record<PlannerSortKey, MessageKey> = {
  rank: 'planner.col.rank',
  name: 'planner.col.commune',
  district: 'planner.col.district',
  confidence: 'planner.col.confidence',
};

interface PlannerTableProps {
  rows: PlannerRow[];
  total: number;
  sort: PlannerSort;
  selectedCode: string | null;
  caption: string;
  onSort: (sort: PlannerSort) => void;
  onSelect: (code: string) => void;
}

function SortHeader({ column, sort, onSort }: { column: PlannerSortKey; sort: PlannerSort; onSort: (sort: PlannerSort) => void }) {
  const { t } = useI18n();
  const active = sort.key === column;
  const label = t(SORT_LABEL_KEYS[column]);
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
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
  const color = gapScoreColor(score);
  return (
    <span className="gap-score">
      <span className="gap-score__chip" style={{ background: cssColor(color) }} aria-hidden="true" />
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

export function PlannerTable({ rows, total, sort, selectedCode, caption, onSort, onSelect }: PlannerTableProps) {
  const { t, fmt } = useI18n();
  const body = useRef<HTMLTableSectionElement>(null);

  // A commune picked on the map: bring its row into view.
  useEffect(() => {
    if (!selectedCode) return;
    body.current?.querySelector(`[data-code="${selectedCode}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedCode]);

  return (
    <div className="planner-table-wrap">
      <p className="planner__count" data-testid="planner-count">
        {t('planner.shown', { shown: fmt.count(rows.length), total: fmt.count(total) })}
      </p>
      <table className="planner-table" data-testid="planner-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="rank" sort={sort} onSort={onSort} />
            <SortHeader column="name" sort={sort} onSort={onSort} />
            <SortHeader column="district" sort={sort} onSort={onSort} />
            <th scope="col">{t('planner.col.gap')}</th>
            <th scope="col">{t('planner.col.why')}</th>
            <SortHeader column="confidence" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => {
            const selected = row.code === selectedCode;
            return (
              <tr
                key={row.code}
                className={selected ? 'is-selected' : undefined}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(row.code)}
                data-testid="planner-row"
                data-code={row.code}
                data-rank={row.rank}
              >
                <td className="num">{fmt.count(row.rank)}</td>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(row.code)} aria-pressed={selected}>
                    {row.name}
                  </button>
                </th>
                <td>{row.district_name ?? '—'}</td>
                <td className="num" data-testid="planner-gap">
                  <GapScore score={row.gapScore} />
                </td>
                <td>
                  <ul className="why">
                    {row.why.map((item) => (
                      <li key={item.factor} title={whyDetails(item, t, fmt)} className={item.contribution >= 0 ? 'why--up' : 'why--down'}>
                        {whyText(item, t, fmt)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {row.lowConfidence && <LowConfidenceBadge incidents={row.incidents} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="planner__empty">{t('planner.noRows')}</p>}
    </div>
  );
}
