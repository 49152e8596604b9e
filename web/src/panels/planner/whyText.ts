/**
 * The "why" column in words: each of a commune's top drivers named by what it says about the
 * commune ("many tips and events per 1,000 households"), its value in real units and its signed
 * contribution to the gap score, e.g. "many tips and events per 1,000 households: 81.7 (+1.04)".
 */
import type { PlannerFactor } from '#contract';
import type { PlannerWhy } from '#contract/api';
import type { Formatters } from '../../i18n/format';
import type { MessageKey, Translate } from '../../i18n/i18n';

/** Confidence of each Gi* bin size (1, 2, 3 = 90, 95, 99 %), as the hotspot legend reads. */
const HOTSPOT_CONFIDENCE_PERCENT: Record<number, number> = { 1: 90, 2: 95, 3: 99 };

/** Wording of a factor on either side of the province mean. */
const SIDE_KEYS: Record<Exclude<PlannerFactor, 'hotspot_bin'>, { above: MessageKey; below: MessageKey }> = {
  incidents_per_1k_households: { above: 'why.incidents_per_1k_households.above', below: 'why.incidents_per_1k_households.below' },
  trend: { above: 'why.trend.above', below: 'why.trend.below' },
  households_covered_share: { above: 'why.households_covered_share.above', below: 'why.households_covered_share.below' },
  groups_per_1k_households: { above: 'why.groups_per_1k_households.above', below: 'why.groups_per_1k_households.below' },
  models_per_1k_households: { above: 'why.models_per_1k_households.above', below: 'why.models_per_1k_households.below' },
};

/** A factor's raw value in its own unit. */
export function factorValueText(factor: PlannerFactor, value: number | null, fmt: Formatters, t: Translate): string {
  // A value made from a hidden tip/event count is hidden too (informant privacy).
  if (value === null) return t('tooltip.suppressedShort');
  switch (factor) {
    case 'households_covered_share':
      return fmt.percent(value);
    case 'trend':
      // The Mann–Kendall z of the yearly tips: a statistic, written as one.
      return `z = ${fmt.decimal(value, 2)}`;
    case 'hotspot_bin':
      return fmt.signed(value, 0);
    default:
      return fmt.decimal(value);
  }
}

function hotspotLabel(bin: number, t: Translate): string {
  const confidence = HOTSPOT_CONFIDENCE_PERCENT[Math.abs(bin)];
  if (bin > 0 && confidence) return t('why.hotspot_bin.hot', { confidence });
  if (bin < 0 && confidence) return t('why.hotspot_bin.cold', { confidence });
  return t('why.hotspot_bin.none');
}

export function whyText(item: PlannerWhy, t: Translate, fmt: Formatters): string {
  const contribution = fmt.signed(item.contribution);
  if (item.factor === 'hotspot_bin') return t('why.itemNoValue', { label: hotspotLabel(item.value ?? 0, t), contribution });
  const keys = SIDE_KEYS[item.factor];
  const label = t(item.standardised >= 0 ? keys.above : keys.below);
  return t('why.item', { label, value: factorValueText(item.factor, item.value, fmt, t), contribution });
}

/** The numbers behind one driver, for a tooltip. */
export function whyDetails(item: PlannerWhy, t: Translate, fmt: Formatters): string {
  return t('why.details', {
    value: factorValueText(item.factor, item.value, fmt, t),
    z: fmt.signed(item.standardised),
    contribution: fmt.signed(item.contribution),
  });
}
