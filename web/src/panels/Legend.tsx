/** The legend panel: the same legend model the PNG export draws, in real units. */
import { useI18n } from '../i18n/i18n';
import type { LegendSection } from '../legend/legendModel';
import { cssColor } from '../style/palettes';

function Ramp({ section }: { section: Extract<LegendSection, { kind: 'ramp' }> }) {
  const stops = section.colors.map((c, i) => `${cssColor(c)} ${(100 * i) / Math.max(1, section.colors.length - 1)}%`);
  return (
    <div className="legend__ramp">
      <div className="legend__ramp-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <div className="legend__ramp-ticks">
        {section.ticks.map((tick) => (
          <span key={tick.label} style={{ left: `${tick.at * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export function Legend({ sections }: { sections: LegendSection[] }) {
  const { t } = useI18n();
  if (sections.length === 0) return null;
  return (
    <aside className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h2 className="legend__heading">{t('legend.title')}</h2>
      {sections.map((section) => (
        <section key={section.id} className="legend__section" data-legend={section.id}>
          <h3>{section.title}</h3>
          {section.unit && <p className="legend__unit">{section.unit}</p>}
          {section.kind === 'ramp' ? (
            <Ramp section={section} />
          ) : (
            <ul>
              {section.items.map((item) => (
                <li key={item.label}>
                  <span className="legend__swatch" style={{ background: cssColor(item.color) }} data-color={item.color.join(',')} />
                  {item.label}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </aside>
  );
}
