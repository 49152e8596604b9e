/**
 * "Allocate N new groups across the province": the province's coverage before and after, the
 * communes that receive groups (with their coverage before and after), and the marginal gain of
 * each step of the greedy allocation, as a chart and as runs of equal steps.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { postAllocate } from '../../api/client';
import type { AllocateResponse, PlannerResponse } from '#contract/api';
import type { PlannerScenario } from '../../api/client';
import type { Formatters } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useAction } from '../../state/useAction';
import type { ScenarioMarks } from '../../state/scenario';
import { ErrorState } from '../ErrorState';
import { errorText } from '../errorText';
import { AllocationChart } from './AllocationChart';
import { stepRuns } from './allocationSteps';
import { Comparison, type ComparisonRow } from './Comparison';
import { GroupCountField, HouseholdsPerGroupField } from './ScenarioFields';
import { GROUPS_LIMITS, HOUSEHOLDS_PER_GROUP_LIMITS, parseWholeNumber } from './scenarioInputs';

/** A first plan worth looking at: about 1 % more groups than today's 10,762. */
const DEFAULT_ALLOCATION_GROUPS = 100;

interface AllocationRequest {
  groups: number;
  householdsPerGroup: number | null;
}

interface AllocationFormProps {
  planner: PlannerResponse;
  scenario: PlannerScenario;
  scenarioKey: string;
  onSelect: (code: string) => void;
  /** The result as marks for the map (null while there is none). */
  onMarks: (marks: ScenarioMarks | null) => void;
}

function provinceRows(result: AllocateResponse, t: Translate, fmt: Formatters): ComparisonRow[] {
  const count = (v: number) => fmt.count(v);
  return [
    { id: 'groups', label: t('coverage.groups'), before: result.provinceBefore.groups, after: result.provinceAfter.groups, format: count },
    {
      id: 'householdsInGroups',
      label: t('coverage.householdsInGroups'),
      before: result.provinceBefore.householdsInGroups,
      after: result.provinceAfter.householdsInGroups,
      format: count,
    },
    {
      id: 'householdsCoveredShare',
      label: t('coverage.share'),
      before: result.provinceBefore.householdsCoveredShare,
      after: result.provinceAfter.householdsCoveredShare,
      format: (v) => fmt.percent(v, 2),
      formatChange: (v) => t('compare.points', { value: fmt.signed(100 * v, 2) }),
    },
  ];
}

function AllocationResult({ result, onSelect }: { result: AllocateResponse; onSelect: (code: string) => void }) {
  const { t, fmt } = useI18n();
  const receiving = result.communes.filter((c) => c.groupsAdded > 0).sort((a, b) => b.groupsAdded - a.groupsAdded || a.name.localeCompare(b.name, 'vi'));
  const runs = stepRuns(result.steps);
  return (
    <div className="scenario__result" data-testid="allocation-result">
      <p>
        {t('allocate.summary', {
          allocated: fmt.count(result.groupsAllocated),
          requested: fmt.count(result.groupsRequested),
          households: fmt.count(result.totalNewlyCovered),
        })}
        {result.groupsUnallocated > 0 && ` ${t('allocate.unallocated', { count: fmt.count(result.groupsUnallocated) })}`}
      </p>
      <h3 className="scenario__heading">{t('allocate.province')}</h3>
      <Comparison rows={provinceRows(result, t, fmt)} caption={t('allocate.province')} testId="allocation-province" />
      {result.steps.length > 0 && <AllocationChart steps={result.steps} />}
      <h3 className="scenario__heading">{t('allocate.communes', { count: fmt.count(receiving.length) })}</h3>
      <table className="comparison comparison--planner" data-testid="allocation-communes">
        <thead>
          <tr>
            <th scope="col">{t('planner.col.commune')}</th>
            <th scope="col">{t('planner.col.district')}</th>
            <th scope="col">{t('allocate.col.added')}</th>
            <th scope="col">{t('allocate.col.need')}</th>
            <th scope="col">{t('allocate.col.shareBefore')}</th>
            <th scope="col">{t('allocate.col.shareAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {receiving.map((c) => (
            <tr key={c.code} data-code={c.code}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(c.code)}>
                  {c.name}
                </button>
              </th>
              <td>{c.district_name ?? '—'}</td>
              <td>+{fmt.count(c.groupsAdded)}</td>
              <td>{fmt.decimal(c.needMultiplier, 2)}</td>
              <td>{fmt.percent(c.before.householdsCoveredShare)}</td>
              <td>{fmt.percent(c.after.householdsCoveredShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length > 0 && (
        <details className="scenario__steps">
          <summary>{t('allocate.steps')}</summary>
          <table className="comparison comparison--planner" data-testid="allocation-steps">
            <thead>
              <tr>
                <th scope="col">{t('allocate.col.steps')}</th>
                <th scope="col">{t('planner.col.commune')}</th>
                <th scope="col">{t('allocate.col.gain')}</th>
                <th scope="col">{t('allocate.col.weightedGain')}</th>
                <th scope="col">{t('allocate.col.cumulative')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.firstStep}>
                  <td>{run.firstStep === run.lastStep ? fmt.count(run.firstStep) : `${fmt.count(run.firstStep)}–${fmt.count(run.lastStep)}`}</td>
                  <th scope="row">{run.district_name ? `${run.name} (${run.district_name})` : run.name}</th>
                  <td>+{fmt.count(run.newlyCoveredHouseholds)}</td>
                  <td>{fmt.decimal(run.weightedGain)}</td>
                  <td>{fmt.count(run.cumulativeNewlyCovered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

export function AllocationForm({ planner, scenario, scenarioKey, onSelect, onMarks }: AllocationFormProps) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [groups, setGroups] = useState(String(DEFAULT_ALLOCATION_GROUPS));
  const [householdsPerGroup, setHouseholdsPerGroup] = useState('');
  const action = useAction<AllocationRequest, AllocateResponse>(scenarioKey, (request, signal) => postAllocate(scenario, request, signal));

  const groupCount = parseWholeNumber(groups, GROUPS_LIMITS);
  const perGroup = householdsPerGroup.trim() === '' ? null : parseWholeNumber(householdsPerGroup, HOUSEHOLDS_PER_GROUP_LIMITS);
  const valid = groupCount !== null && (householdsPerGroup.trim() === '' || perGroup !== null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || groupCount === null) return;
    action.run({ groups: groupCount, householdsPerGroup: perGroup });
  }

  const result = action.data;
  useEffect(() => {
    if (!result) {
      onMarks(null);
      return;
    }
    onMarks({
      title: t('scenario.allocation', { groups: fmt.count(result.groupsAllocated) }),
      marks: result.communes
        .filter((c) => c.groupsAdded > 0)
        .map((c) => ({ code: c.code, label: `+${fmt.count(c.groupsAdded)}`, groups: c.groupsAdded })),
    });
  }, [result, onMarks, t, fmt]);

  return (
    <div className="scenario" data-testid="allocation">
      <p className="panel__note">{t('allocate.intro')}</p>
      <form className="scenario__form" onSubmit={submit}>
        <GroupCountField id={id} value={groups} onChange={setGroups} label={t('allocate.groups')} invalid={groupCount === null} testId="allocation-groups" />
        <HouseholdsPerGroupField
          id={id}
          value={householdsPerGroup}
          onChange={setHouseholdsPerGroup}
          invalid={householdsPerGroup.trim() !== '' && perGroup === null}
          defaultValue={planner.households_per_group_default}
        />
        <button type="submit" className="button button--primary" disabled={!valid || action.running} data-testid="allocation-run">
          {action.running ? t('whatIf.running') : t('allocate.run')}
        </button>
      </form>
      <div aria-live="polite" aria-busy={action.running}>
        {action.error && <ErrorState message={errorText(action.error, t)} onRetry={action.retry} compact />}
        {action.data && <AllocationResult result={action.data} onSelect={onSelect} />}
      </div>
    </div>
  );
}
