/**
 * The gap-score weights: one slider per factor, need factors first, each with the reasoning
 * behind its default, its share of the total and "reset to defaults". Dragging updates the
 * sliders at once and the URL (and so the ranking) once the hand rests.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_PLANNER_WEIGHTS, NEED_FACTORS, PLANNER_FACTORS, type PlannerFactor, type PlannerWeights } from '#contract';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { defaultWeights, hasPositiveWeight, isDefaultWeights, roundWeight, weightShares, weightsKey } from '../../state/plannerWeights';

/** Long enough to let a drag or a run of arrow-key presses finish before the ranking reloads. */
const COMMIT_DELAY_MS = 400;
/** Sliders run 0…1 in twentieths; a larger weight from a link widens the slider to fit it. */
const SLIDER_MAX = 1;
const SLIDER_STEP = 0.05;

export const FACTOR_KEYS: Record<PlannerFactor, MessageKey> = {
  incidents_per_1k_households: 'factor.incidents_per_1k_households',
  hotspot_bin: 'factor.hotspot_bin',
  trend: 'factor.trend',
  households_covered_share: 'factor.households_covered_share',
  groups_per_1k_households: 'factor.groups_per_1k_households',
  models_per_1k_households: 'factor.models_per_1k_households',
};

const FACTOR_HELP_KEYS: Record<PlannerFactor, MessageKey> = {
  incidents_per_1k_households: 'factorHelp.incidents_per_1k_households',
  hotspot_bin: 'factorHelp.hotspot_bin',
  trend: 'factorHelp.trend',
  households_covered_share: 'factorHelp.households_covered_share',
  groups_per_1k_households: 'factorHelp.groups_per_1k_households',
  models_per_1k_households: 'factorHelp.models_per_1k_households',
};

const COVERAGE_FACTORS = PLANNER_FACTORS.filter((f) => !(NEED_FACTORS as readonly string[]).includes(f));

interface WeightsPanelProps {
  weights: PlannerWeights;
  onChange: (weights: PlannerWeights) => void;
}

function WeightSlider({
  factor,
  value,
  share,
  onChange,
}: {
  factor: PlannerFactor;
  value: number;
  share: number;
  onChange: (value: number) => void;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  return (
    <div className="weight" data-factor={factor}>
      <label className="weight__label" htmlFor={id}>
        {t(FACTOR_KEYS[factor])}
      </label>
      <div className="weight__control">
        <input
          id={id}
          type="range"
          min={0}
          max={Math.max(SLIDER_MAX, value)}
          step={SLIDER_STEP}
          value={value}
          onChange={(e) => onChange(roundWeight(Number(e.target.value)))}
          aria-describedby={`${id}-help ${id}-share`}
          aria-valuetext={fmt.decimal(value, 2)}
          data-testid={`weight-${factor}`}
        />
        <output htmlFor={id} className="weight__value">
          {fmt.decimal(value, 2)}
        </output>
      </div>
      <p id={`${id}-share`} className="weight__share">
        {t('weights.share', { percent: fmt.decimal(100 * share, 0), default: fmt.decimal(DEFAULT_PLANNER_WEIGHTS[factor], 2) })}
      </p>
      <p id={`${id}-help`} className="weight__help">
        {t(FACTOR_HELP_KEYS[factor])}
      </p>
    </div>
  );
}

export function WeightsPanel({ weights, onChange }: WeightsPanelProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(weights);
  const timer = useRef<number | null>(null);
  const pending = useRef<PlannerWeights | null>(null);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  // The URL moved (back, a link, our own commit): show what it says, unless the user has
  // already moved a slider again and that change is still waiting to be committed.
  const key = weightsKey(weights);
  useEffect(() => {
    if (pending.current === null) setDraft(weights);
    // `key` stands for the weights' values.
  }, [key]);

  // Leaving the planner while a change waits: keep it.
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      if (pending.current) latestOnChange.current(pending.current);
    },
    [],
  );

  function change(factor: PlannerFactor, value: number) {
    const next = { ...draft, [factor]: value };
    setDraft(next);
    pending.current = next;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const committed = pending.current;
      pending.current = null;
      if (committed) latestOnChange.current(committed);
    }, COMMIT_DELAY_MS);
  }

  function reset() {
    if (timer.current !== null) window.clearTimeout(timer.current);
    pending.current = null;
    const defaults = defaultWeights();
    setDraft(defaults);
    onChange(defaults);
  }

  const shares = weightShares(draft);
  const group = (titleKey: MessageKey, factors: readonly PlannerFactor[]) => (
    <fieldset className="weights__group">
      <legend>{t(titleKey)}</legend>
      {factors.map((factor) => (
        <WeightSlider key={factor} factor={factor} value={draft[factor]} share={shares[factor]} onChange={(v) => change(factor, v)} />
      ))}
    </fieldset>
  );

  return (
    <section className="panel weights" aria-labelledby="weights-title" data-testid="weights-panel">
      <h2 id="weights-title" className="panel__title">
        {t('weights.title')}
      </h2>
      <p className="panel__note">{t('weights.intro')}</p>
      <p className="panel__note">{t('weights.defaultsReason')}</p>
      {!hasPositiveWeight(draft) && (
        <p className="weights__error" role="alert">
          {t('weights.allZero')}
        </p>
      )}
      {group('weights.need', NEED_FACTORS)}
      {group('weights.coverage', COVERAGE_FACTORS)}
      <button type="button" className="button" onClick={reset} disabled={isDefaultWeights(draft)} data-testid="weights-reset">
        {t('weights.reset')}
      </button>
    </section>
  );
}
