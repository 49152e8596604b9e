/**
 * The briefing's big numbers, exactly as /api/summary gives them for the period and district:
 * active groups, "4 an toàn" models, tips, and the outcome figures. The published rural/urban
 * split of the groups sums to less than the total; the remainder shows as "unclassified" with a
 * note, and the published figures are kept as they are.
 */
import type { ReactNode } from 'react';
import { MODEL_SETTINGS, OUTCOME_KINDS, type OutcomeKind } from '#contract';
import type { SummaryResponse } from '#contract/api';
import type { Formatters } from '../i18n/format';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import type { Resource } from '../state/useResource';
import { MODEL_SETTING_KEYS } from '../legend/legendModel';
import { ErrorState } from './ErrorState';
import { errorText } from './errorText';
import { PublishedComparison, PublishedNote } from './PublishedComparison';
import { Skeleton } from './Skeleton';

const OUTCOME_KEYS: Record<OutcomeKind, MessageKey> = {
  household_registration_violations_reported: 'outcome.household_registration_violations_reported',
  illegal_entry_foreigners_reported: 'outcome.illegal_entry_foreigners_reported',
  women_illegal_exit_returned_reported: 'outcome.women_illegal_exit_returned_reported',
  guns_surrendered: 'outcome.guns_surrendered',
  primitive_weapons_surrendered: 'outcome.primitive_weapons_surrendered',
  post_rehab_people_managed: 'outcome.post_rehab_people_managed',
  post_rehab_exemplars: 'outcome.post_rehab_exemplars',
};

/** A figure hidden for privacy (a district's small outcome count) shows as such, never as 0. */
function FigureValue({ value }: { value: number | null }) {
  const { t, fmt } = useI18n();
  if (value === null) {
    return (
      <span className="card__value card__value--suppressed" title={t('chart.suppressed')}>
        {t('chart.suppressedShort')}
      </span>
    );
  }
  return <span className="card__value">{fmt.count(value)}</span>;
}

function Card({ id, label, value, details, children }: { id: string; label: string; value: number | null; details: string[]; children?: ReactNode }) {
  return (
    <div className="card" data-testid={`card-${id}`} data-value={value ?? 'suppressed'}>
      <FigureValue value={value} />
      <span className="card__label">{label}</span>
      {details.map((line) => (
        <span key={line} className="card__detail">
          {line}
        </span>
      ))}
      {children}
    </div>
  );
}

/** Rural · urban (· unclassified, with the note on why the published split falls short). */
function groupsSplit(groups: SummaryResponse['to_lien_gia'], t: Translate, fmt: Formatters): string[] {
  const rural = fmt.count(groups.rural);
  const urban = fmt.count(groups.urban);
  if (groups.unclassified <= 0) return [t('cards.groupsSplit', { rural, urban })];
  return [
    t('cards.groupsSplitUnclassified', { rural, urban, unclassified: fmt.count(groups.unclassified) }),
    t('cards.groupsUnclassifiedNote', { split: fmt.count(groups.rural + groups.urban), gap: fmt.count(groups.unclassified) }),
  ];
}

export function BriefingCards({ summary }: { summary: Resource<SummaryResponse> }) {
  const { t, fmt } = useI18n();
  if (summary.error && !summary.data) {
    return <ErrorState message={errorText(summary.error, t)} onRetry={summary.retry} compact />;
  }
  const data = summary.data;
  if (!data) {
    return (
      <section className="cards" aria-busy="true" aria-label={t('cards.title')}>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} lines={2} className="card card--skeleton" />
        ))}
      </section>
    );
  }
  const groups = data.to_lien_gia;
  const settings = MODEL_SETTINGS.map((s) => `${t(MODEL_SETTING_KEYS[s])} ${fmt.count(data.bon_an_toan.by_setting[s])}`).join(' · ');
  return (
    <section className="briefing" aria-label={t('cards.title')}>
      <PublishedNote published={data.published} />
      <div className="cards cards--main">
        <Card
          id="groups"
          label={t('cards.groups')}
          value={groups.total_active}
          details={[
            ...groupsSplit(groups, t, fmt),
            t('cards.groupsAreas', {
              ethnic: fmt.count(groups.ethnic_minority_areas),
              religious: fmt.count(groups.religious_areas),
            }),
          ]}
        >
          <PublishedComparison figure={data.published?.to_lien_gia.figures.total_active} testId="groups" />
        </Card>
        <Card
          id="households"
          label={t('cards.households')}
          value={groups.households_in_groups}
          details={[
            t('cards.householdsShare', {
              percent: fmt.decimal((100 * groups.households_in_groups) / Math.max(1, data.census.households)),
              total: fmt.count(data.census.households),
            }),
          ]}
        />
        <Card id="models" label={t('cards.models')} value={data.bon_an_toan.total} details={[settings]}>
          <PublishedComparison figure={data.published?.bon_an_toan.figures.total} testId="models" />
        </Card>
        <Card
          id="tips"
          label={t('cards.tips')}
          value={data.outcomes.security_tips_provided}
          details={[fmt.period(data.period.from, data.period.to)]}
        >
          <PublishedComparison figure={data.published?.outcomes.figures.security_tips_provided} testId="tips" />
        </Card>
      </div>
      <ul className="cards cards--outcomes" aria-label={t('cards.outcomes')}>
        {OUTCOME_KINDS.map((kind) => (
          <li key={kind} className="card card--small" data-testid={`card-${kind}`} data-value={data.outcomes[kind] ?? 'suppressed'}>
            <FigureValue value={data.outcomes[kind]} />
            <span className="card__label">{t(OUTCOME_KEYS[kind])}</span>
            <PublishedComparison figure={data.published?.outcomes.figures[kind]} testId={kind} />
          </li>
        ))}
      </ul>
    </section>
  );
}
