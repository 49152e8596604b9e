/**
 * The A4-landscape page the browser prints: title (metric, period, area, unit) and the simulated
 * data mark, every big number of the briefing, the map as vector SVG with its legend beside it,
 * and the notes on the data. Always in the page (hidden on screen), so printing needs no
 * `beforeprint` and a headless print (page.pdf) gets the same page.
 */
import { useMemo } from 'react';
import { MODEL_SETTINGS, OUTCOME_KINDS, type Period } from '#contract';
import type { SummaryResponse } from '#contract/api';
import { useI18n } from '../i18n/i18n';
import type { LegendSection } from '../legend/legendModel';
import { MODEL_SETTING_KEYS } from '../legend/legendModel';
import type { MapTitleText } from '../panels/MapTitle';
import { Legend } from '../panels/Legend';
import { OUTCOME_KEYS } from '../panels/BriefingCards';
import { figureState, type FigureState } from '../legend/protectedFigures';
import { staticMapInput, type StaticMapView } from './fromAtlas';
import type { PageSize } from './projection';
import { buildScene } from './scene';
import { StaticMapSvg } from './StaticMapSvg';

/** The map's box on the page in layout units; the SVG scales it to the printed width. */
const PRINT_MAP_SIZE: PageSize = { width: 820, height: 540 };

interface PrintPageProps {
  view: StaticMapView;
  title: MapTitleText;
  synthetic: boolean;
  legend: LegendSection[];
  summary: SummaryResponse | null;
  dataPeriod: Period;
  showCards: boolean;
  notes: string[];
}

function PrintFigure({ figure }: { figure: FigureState }) {
  const { t, fmt } = useI18n();
  if (figure.kind === 'hidden') return <>{t('privacy.hiddenShort')}</>;
  if (figure.kind === 'notReportable') return <>—</>;
  return <>{figure.kind === 'approximate' ? `≈ ${fmt.count(figure.value)}` : fmt.count(figure.value)}</>;
}

function PrintCards({ summary, dataPeriod }: { summary: SummaryResponse; dataPeriod: Period }) {
  const { t, fmt } = useI18n();
  const groups = summary.to_lien_gia;
  const exact = (value: number): FigureState => ({ kind: 'exact', value });
  const main: [string, FigureState, string][] = [
    [t('cards.groups'), exact(groups.total_active), t('cards.groupsSplitUnclassified', { rural: fmt.count(groups.rural), urban: fmt.count(groups.urban), unclassified: fmt.count(groups.unclassified) })],
    [t('cards.households'), exact(groups.households_in_groups), t('cards.householdsShare', { percent: fmt.decimal((100 * groups.households_in_groups) / Math.max(1, summary.census.households)), total: fmt.count(summary.census.households) })],
    [t('cards.models'), exact(summary.bon_an_toan.total), MODEL_SETTINGS.map((s) => `${t(MODEL_SETTING_KEYS[s])} ${fmt.count(summary.bon_an_toan.by_setting[s])}`).join(' · ')],
    [t('cards.tips'), figureState(summary, 'security_tips_provided', dataPeriod), fmt.period(summary.period.from, summary.period.to)],
  ];
  return (
    <section className="print-cards" aria-label={t('cards.title')}>
      {main.map(([label, figure, detail]) => (
        <div key={label} className="print-card print-card--main">
          <strong>
            <PrintFigure figure={figure} />
          </strong>
          <span>{label}</span>
          <small>{detail}</small>
        </div>
      ))}
      {OUTCOME_KINDS.map((kind) => (
        <div key={kind} className="print-card">
          <strong>
            <PrintFigure figure={figureState(summary, kind, dataPeriod)} />
          </strong>
          <span>{t(OUTCOME_KEYS[kind])}</span>
        </div>
      ))}
    </section>
  );
}

export default function PrintPage({ view, title, synthetic, legend, summary, dataPeriod, showCards, notes }: PrintPageProps) {
  const { t } = useI18n();
  const input = useMemo(() => staticMapInput(view, PRINT_MAP_SIZE), [view]);
  const scene = useMemo(() => (input ? buildScene(input) : null), [input]);
  return (
    <div className="print-page" data-testid="print-page">
      <header className="print-page__header">
        {synthetic && <p className="print-page__synthetic">{t('synthetic.title')}</p>}
        <h1>{title.title}</h1>
        <p>{[title.subtitle, title.unit].filter(Boolean).join(' · ')}</p>
      </header>
      {showCards && summary && <PrintCards summary={summary} dataPeriod={dataPeriod} />}
      <div className="print-page__body">
        <div className="print-page__map">{scene && <StaticMapSvg scene={scene} label={title.title} className="print-page__svg" />}</div>
        <Legend sections={legend} variant="print" />
      </div>
      <footer className="print-page__notes">
        {notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </footer>
    </div>
  );
}
