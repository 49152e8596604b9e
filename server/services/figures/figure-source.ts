/**
 * Where every tip and outcome-event figure comes from: one object per request, exact for
 * admins and protected for everyone else (services/figures/protected-figures.ts, the only
 * place privacy is applied). Services derive rates, averages, ranks, statistics and files
 * from these figures and never from counts of their own.
 */
import type { OutcomeKind, Period, SensitiveLayer, H3Resolution } from '#contract';
import type { Protection } from '#contract/api';
import type { Figure } from '../../privacy/protected-sum';

export type { Figure };

export interface FigureSource {
  /** What was applied, for a response about `period`. */
  protection(period: Period): Protection;
  /** Whether informant figures may be published for `period` to this role. */
  reportable(period: Period): boolean;
  /** Refuses (403) a period off the reporting calendar for this role. */
  assertReportable(period: Period): void;
  /** One figure per commune, in the data set's commune order. */
  communes(layer: SensitiveLayer, period: Period): Promise<Figure[]>;
  /** One figure per district, in the data set's district order. */
  districts(layer: SensitiveLayer, period: Period): Promise<Figure[]>;
  province(layer: SensitiveLayer, period: Period): Promise<Figure>;
  /** Outcome events by kind for a district, or the province (null). */
  outcomes(district: string | null, period: Period): Promise<Record<OutcomeKind, Figure>>;
  /** Tips per H3 cell: only the cells this role may see. */
  cells(resolution: H3Resolution, period: Period): Promise<Map<string, Figure>>;
}

/** A figure that is exactly this count. */
export const exactFigure = (count: number): Figure => ({ value: count, estimate: count });
