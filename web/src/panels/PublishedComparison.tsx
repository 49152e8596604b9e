/**
 * Real data beside the published figures (25 Oct 2022): under a briefing card, the imported
 * figure, the published one and the difference — "đã nhập 10.758 · công bố 10.762 · −4" —
 * never forced equal; and above the cards, what the comparison covers (the province over the
 * published programme period). Nothing for the simulated demo data (`published` is null).
 */
import type { PublishedComparison as Comparison, PublishedFigure } from '#contract/api';
import { useI18n } from '../i18n/i18n';

/** −4, +12, ±0: the sign always written, with a true minus sign. */
function signed(difference: number, count: (n: number) => string): string {
  if (difference === 0) return `±${count(0)}`;
  return `${difference > 0 ? '+' : '−'}${count(Math.abs(difference))}`;
}

export function PublishedComparison({ figure, testId }: { figure: PublishedFigure | undefined; testId: string }) {
  const { t, fmt } = useI18n();
  if (!figure) return null;
  const imported = figure.imported === null ? t('published.hidden') : fmt.count(figure.imported);
  const published = fmt.count(figure.published);
  const difference = figure.difference === null ? '' : ` · ${signed(figure.difference, fmt.count)}`;
  return (
    <span className="card__detail card__published" data-testid={`published-${testId}`} data-imported={figure.imported ?? 'hidden'} data-published={figure.published}>
      {t(figure.qualifier === 'more_than' ? 'published.lineMoreThan' : 'published.line', { imported, published })}
      {difference}
    </span>
  );
}

export function PublishedNote({ published }: { published: Comparison | null }) {
  const { t, fmt } = useI18n();
  if (!published) return null;
  const { period } = published.to_lien_gia;
  return (
    <p className="panel__note" data-testid="published-note">
      {t('published.note', { period: fmt.period(period.from, period.to) })}
    </p>
  );
}
