/**
 * "Add N groups to commune X": the commune's coverage, gap rank and gap score before and after,
 * under the current weights and period. The commune follows the selection (a row or the map).
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { postWhatIf } from '../../api/client';
import type { PlannerResponse, WhatIfResponse } from '#contract/api';
import type { PlannerScenario } from '../../api/client';
import type { Formatters } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useAction } from '../../state/useAction';
import type { ScenarioMarks } from '../../state/scenario';
import { ErrorState } from '../ErrorState';
import { errorText } from '../errorText';
import { Comparison, type ComparisonRow } from './Comparison';
import { GroupCountField, HouseholdsPerGroupField } from './ScenarioFields';
import { GROUPS_LIMITS, HOUSEHOLDS_PER_GROUP_LIMITS, parseWholeNumber } from './scenarioInputs';

/** A first what-if worth looking at: about one village's worth of new groups. */
const DEFAULT_WHAT_IF_GROUPS = 10;

interface WhatIfRequest {
  code: string;
  groups: number;
  householdsPerGroup: number | null;
}

interface WhatIfFormProps {
  planner: PlannerResponse;
  scenario: PlannerScenario;
  scenarioKey: string;
  selectedCode: string | null;
  /** The result as marks for the map (null while there is none). */
  onMarks: (marks: ScenarioMarks | null) => void;
}

export function whatIfRows(result: WhatIfResponse, t: Translate, fmt: Formatters): ComparisonRow[] {
  const count = (v: number) => fmt.count(v);
  const points = (change: number) => t('compare.points', { value: fmt.signed(100 * change, 1) });
  return [
    { id: 'groups', label: t('coverage.groups'), before: result.before.groups, after: result.after.groups, format: count },
    {
      id: 'householdsInGroups',
      label: t('coverage.householdsInGroups'),
      before: result.before.householdsInGroups,
      after: result.after.householdsInGroups,
      format: count,
    },
    {
      id: 'uncoveredHouseholds',
      label: t('coverage.uncovered'),
      before: result.before.uncoveredHouseholds,
      after: result.after.uncoveredHouseholds,
      format: count,
    },
    {
      id: 'householdsCoveredShare',
      label: t('coverage.share'),
      before: result.before.householdsCoveredShare,
      after: result.after.householdsCoveredShare,
      format: (v) => fmt.percent(v),
      formatChange: points,
    },
    {
      id: 'groupsPer1kHouseholds',
      label: t('coverage.groupsPer1k'),
      before: result.before.groupsPer1kHouseholds,
      after: result.after.groupsPer1kHouseholds,
      format: (v) => fmt.decimal(v),
    },
    { id: 'rank', label: t('coverage.rank'), before: result.rankBefore, after: result.rankAfter, format: count },
    {
      id: 'gapScore',
      label: t('coverage.gapScore'),
      before: result.gapScoreBefore,
      after: result.gapScoreAfter,
      format: (v) => fmt.signed(v),
      formatChange: (v) => fmt.signed(v),
    },
  ];
}

export function WhatIfForm({ planner, scenario, scenarioKey, selectedCode, onMarks }: WhatIfFormProps) {
  const { t, fmt } = useI18n();
  const id = useId();
  const communes = useMemo(
    () => [...planner.rows].sort((a, b) => a.name.localeCompare(b.name, 'vi') || (a.district_name ?? '').localeCompare(b.district_name ?? '', 'vi')),
    [planner.rows],
  );
  const known = (code: string | null) => code !== null && planner.rows.some((row) => row.code === code);
  const [code, setCode] = useState(() => (known(selectedCode) ? (selectedCode as string) : (planner.rows[0]?.code ?? '')));
  const [groups, setGroups] = useState(String(DEFAULT_WHAT_IF_GROUPS));
  const [householdsPerGroup, setHouseholdsPerGroup] = useState('');
  const action = useAction<WhatIfRequest, WhatIfResponse>(scenarioKey, (request, signal) => postWhatIf(scenario, request, signal));

  // The selection moved (a row, the map, a search): the what-if follows it.
  useEffect(() => {
    if (known(selectedCode)) setCode(selectedCode as string);
    // Only a new selection moves the form; the rows changing under it do not.
  }, [selectedCode]);

  const groupCount = parseWholeNumber(groups, GROUPS_LIMITS);
  const perGroup = householdsPerGroup.trim() === '' ? null : parseWholeNumber(householdsPerGroup, HOUSEHOLDS_PER_GROUP_LIMITS);
  const valid = code !== '' && groupCount !== null && (householdsPerGroup.trim() === '' || perGroup !== null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || groupCount === null) return;
    action.run({ code, groups: groupCount, householdsPerGroup: perGroup });
  }

  const result = action.data;
  useEffect(() => {
    if (!result) {
      onMarks(null);
      return;
    }
    onMarks({
      title: t('scenario.whatIf', { groups: fmt.count(result.groupsAdded), name: result.name, before: fmt.count(result.rankBefore), after: fmt.count(result.rankAfter) }),
      marks: [{ code: result.code, label: `+${fmt.count(result.groupsAdded)}`, groups: result.groupsAdded }],
    });
  }, [result, onMarks, t, fmt]);

  return (
    <div className="scenario" data-testid="what-if">
      <p className="panel__note">{t('whatIf.intro')}</p>
      <form className="scenario__form" onSubmit={submit}>
        <label className="field" htmlFor={`${id}-commune`}>
          <span>{t('whatIf.commune')}</span>
          <select id={`${id}-commune`} value={code} onChange={(e) => setCode(e.target.value)} data-testid="what-if-commune">
            {communes.map((row) => (
              <option key={row.code} value={row.code}>
                {row.district_name ? `${row.name} — ${row.district_name}` : row.name}
              </option>
            ))}
          </select>
        </label>
        <GroupCountField id={id} value={groups} onChange={setGroups} label={t('whatIf.groups')} invalid={groupCount === null} testId="what-if-groups" />
        <HouseholdsPerGroupField
          id={id}
          value={householdsPerGroup}
          onChange={setHouseholdsPerGroup}
          invalid={householdsPerGroup.trim() !== '' && perGroup === null}
          defaultValue={planner.households_per_group_default}
        />
        <button type="submit" className="button button--primary" disabled={!valid || action.running} data-testid="what-if-run">
          {action.running ? t('whatIf.running') : t('whatIf.run')}
        </button>
      </form>
      <div aria-live="polite" aria-busy={action.running}>
        {action.error && <ErrorState message={errorText(action.error, t)} onRetry={action.retry} compact />}
        {result && (
          <div className="scenario__result" data-testid="what-if-result">
            <p>
              {t('whatIf.result', {
                name: result.name,
                groups: fmt.count(result.groupsAdded),
                households: fmt.count(result.newlyCoveredHouseholds),
              })}
              {result.cappedByUncoveredHouseholds && ` ${t('whatIf.capped')}`}
            </p>
            <Comparison rows={whatIfRows(result, t, fmt)} caption={result.name} testId="what-if-comparison" />
          </div>
        )}
      </div>
    </div>
  );
}
