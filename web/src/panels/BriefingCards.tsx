/**
 * The briefing's big numbers in one strip above the map, exactly as /api/summary gives them for
 * the period and district: active groups, households in groups, "4 an toàn" models, tips, and
 * the seven outcome figures. The published rural/urban split of the groups sums to less than the
 * total; the remainder shows as "unclassified" and the published figures are kept as they are.
 * Informant figures below admin are protected: written "≈ n", hidden ones as such, never as 0.
 */
import type { ReactNode } from 'react';
import { MODEL_SETTINGS, OUTCOME_KINDS, type OutcomeKind, type Period } from '#contract';
import type { SummaryOutcomeKey, SummaryResponse } from '#contract/api';
import type { Formatters } from '../i18n/format';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { MODEL_SETTING_KEYS } from '../legend/legendModel';
import { figureState, type FigureState } from '../legend/protectedFigures';
import type { Resource } from '../state/useResource';
import { ErrorState } from './ErrorState';
import { errorText } from './errorText';
import { PublishedComparison, PublishedNote } from './PublishedComparison';
import { Skeleton } from './Skeleton';

export const OUTCOME_KEYS: Record<OutcomeKind, MessageKey> = {
  household_registration_violations_reported: 'outcome.household_registration_violations_reported',
  illegal_entry_foreigners_reported: 'outcome.illegal_entry_foreigners_reported',
  women_illegal_exit_returned_reported: 'outcome.women_illegal_exit_returned_reported',
  guns_surrendered: 'outcome.guns_surrendered',
  primitive_weapons_surrendered: 'outcome.primitive_weapons_surrendered',
  post_rehab_people_managed: 'outcome.post_rehab_people_managed',
  post_rehab_exemplars: 'outcome.post_rehab_exemplars',
};

/** Short names that fit a strip cell on a projector; the full name is the cell's tooltip. */
const OUTCOME_SHORT_KEYS: Record<OutcomeKind, MessageKey> = {
  household_registration_violations_reported: 'outcomeShort.household_registration_violations_reported',
  illegal_entry_foreigners_reported: 'outcomeShort.illegal_entry_foreigners_reported',
  women_illegal_exit_returned_reported: 'outcomeShort.women_illegal_exit_returned_reported',
  guns_surrendered: 'outcomeShort.guns_surrendered',
  primitive_weapons_surrendered: 'outcomeShort.primitive_weapons_surrendered',
  post_rehab_people_managed: 'outcomeShort.post_rehab_people_managed',
  post_rehab_exemplars: 'outcomeShort.post_rehab_exemplars',
};

function FigureValue({ figure }: { figure: FigureState }) {
  const { t, fmt } = useI18n();
  switch (figure.kind) {
    case 'hidden':
      return (
        <span className="card__value card__value--muted" title={t('privacy.hiddenTitle')}>
          {t('privacy.hiddenShort')}
        </span>
      );
    case 'notReportable':
      return (
        <span className="card__value card__value--muted" title={t('privacy.notReportable')}>
          —
        </span>
      );
    case 'approximate':
      return (
        <span className="card__value" title={t('privacy.approximateTitle')}>
          ≈ {fmt.count(figure.value)}
        </span>
      );
    case 'exact':
      return <span className="card__value">{fmt.count(figure.value)}</span>;
  }
}

const dataValue = (figure: FigureState) => (figure.kind === 'exact' || figure.kind === 'approximate' ? figure.value : figure.kind === 'hidden' ? 'suppressed' : 'unpublished');

function Card({ id, label, figure, detail, note, children }: { id: string; label: string; figure: FigureState; detail?: string; note?: string; children?: ReactNode }) {
  return (
    <div className="card" data-testid={`card-${id}`} data-value={dataValue(figure)} title={note}>
      <FigureValue figure={figure} />
      <span className="card__label">{label}</span>
      {detail && <span className="card__detail">{detail}</span>}
      {note && <span className="card__note">{note}</span>}
      {children}
    </div>
  );
}

/** Rural · urban (· unclassified), and the note on why the published split falls short. */
function groupsSplit(groups: SummaryResponse['to_lien_gia'], t: Translate, fmt: Formatters): { detail: string; note?: string } {
  const rural = fmt.count(groups.rural);
  const urban = fmt.count(groups.urban);
  if (groups.unclassified <= 0) return { detail: t('cards.groupsSplit', { rural, urban }) };
  return {
    detail: t('cards.groupsSplitUnclassified', { rural, urban, unclassified: fmt.count(groups.unclassified) }),
    note: t('cards.groupsUnclassifiedNote', { split: fmt.count(groups.rural + groups.urban), gap: fmt.count(groups.unclassified) }),
  };
}

const exact = (value: number): FigureState => ({ kind: 'exact', value });

export function BriefingCards({ summary, dataPeriod }: { summary: Resource<SummaryResponse>; dataPeriod: Period }) {
  const { t, fmt } = useI18n();
  if (summary.error && !summary.data) {
    return <ErrorState message={errorText(summary.error, t)} onRetry={summary.retry} compact />;
  }
  const data = summary.data ?? summary.latest;
  if (!data) {
    return (
      <section className="cards-strip" aria-busy="true" aria-label={t('cards.title')}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} lines={2} className="card card--skeleton" />
        ))}
      </section>
    );
  }
  const groups = data.to_lien_gia;
  const split = groupsSplit(groups, t, fmt);
  const outcome = (key: SummaryOutcomeKey) => figureState(data, key, dataPeriod);
  const settings = MODEL_SETTINGS.map((s) => `${t(MODEL_SETTING_KEYS[s])} ${fmt.count(data.bon_an_toan.by_setting[s])}`).join(' · ');
  return (
    <section className="cards-strip" aria-label={t('cards.title')} aria-busy={summary.loading} data-testid="cards">
      <PublishedNote published={data.published} />
      <Card
        id="groups"
        label={t('cards.groups')}
        figure={exact(groups.total_active)}
        detail={split.detail}
        note={[split.note, t('cards.groupsAreas', { ethnic: fmt.count(groups.ethnic_minority_areas), religious: fmt.count(groups.religious_areas) })].filter(Boolean).join(' ')}
      >
        <PublishedComparison figure={data.published?.to_lien_gia.figures.total_active} testId="groups" />
      </Card>
      <Card
        id="households"
        label={t('cards.households')}
        figure={exact(groups.households_in_groups)}
        detail={t('cards.householdsShare', {
          percent: fmt.decimal((100 * groups.households_in_groups) / Math.max(1, data.census.households)),
          total: fmt.count(data.census.households),
        })}
      />
      <Card id="models" label={t('cards.models')} figure={exact(data.bon_an_toan.total)} detail={settings}>
        <PublishedComparison figure={data.published?.bon_an_toan.figures.total} testId="models" />
      </Card>
      <Card id="tips" label={t('cards.tips')} figure={outcome('security_tips_provided')} detail={fmt.period(data.period.from, data.period.to)}>
        <PublishedComparison figure={data.published?.outcomes.figures.security_tips_provided} testId="tips" />
      </Card>
      <ul className="card card--outcomes" aria-label={t('cards.outcomes')}>
        {OUTCOME_KINDS.map((kind) => {
          const figure = outcome(kind);
          return (
            <li key={kind} className="outcome" data-testid={`card-${kind}`} data-value={dataValue(figure)} title={t(OUTCOME_KEYS[kind])}>
              <FigureValue figure={figure} />
              <span className="outcome__label">{t(OUTCOME_SHORT_KEYS[kind])}</span>
              <span className="visually-hidden">{t(OUTCOME_KEYS[kind])}</span>
              <PublishedComparison figure={data.published?.outcomes.figures[kind]} testId={kind} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
