/** The legend panel: the same legend model the PNG export draws, in real units. */
import { useI18n } from '../i18n/i18n';
import type { LegendSection, LegendSwatch } from '../legend/legendModel';
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

/** A filled box, a dashed line or hatching, as the map draws the thing it stands for. */
function Swatch({ item }: { item: LegendSwatch }) {
  const color = cssColor(item.color);
  const pattern = item.pattern ?? 'fill';
  const background =
    pattern === 'fill' || pattern === 'disc'
      ? color
      : pattern === 'hatch'
        ? `repeating-linear-gradient(-45deg, ${color} 0 1.5px, transparent 1.5px 5px)`
        : `repeating-linear-gradient(to right, ${color} 0 5px, transparent 5px 8px) center / 100% 2px no-repeat`;
  // data-color marks solid swatches, whose exact colour the PNG export must contain.
  return (
    <span
      className={`legend__swatch legend__swatch--${pattern}`}
      style={{ background }}
      data-color={pattern === 'fill' ? item.color.join(',') : undefined}
      data-pattern={pattern}
    />
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
                  <Swatch item={item} />
                  {item.label}
                </li>
              ))}
            </ul>
          )}
          {section.notes?.map((note) => (
            <p key={note} className="legend__note">
              {note}
            </p>
          ))}
        </section>
      ))}
    </aside>
  );
}
