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

/** A filled box, a dashed line, hatching or a disc, as the map draws the thing it stands for. */
function Swatch({ item, marked }: { item: LegendSwatch; marked: boolean }) {
  const color = cssColor(item.color);
  const pattern = item.pattern ?? 'fill';
  const background =
    pattern === 'fill' || pattern === 'disc'
      ? color
      : pattern === 'outline'
        ? `linear-gradient(${color}, ${color}) top / 100% 3px no-repeat, linear-gradient(${color}, ${color}) bottom / 100% 3px no-repeat, linear-gradient(${color}, ${color}) left / 3px 100% no-repeat, linear-gradient(${color}, ${color}) right / 3px 100% no-repeat`
        : pattern === 'hatch'
        ? `repeating-linear-gradient(-45deg, ${color} 0 1.5px, transparent 1.5px 5px)`
        : `repeating-linear-gradient(to right, ${color} 0 5px, transparent 5px 8px) center / 100% 2px no-repeat`;
  // data-color marks solid swatches, whose exact colour the PNG export must contain.
  return (
    <span
      className={`legend__swatch legend__swatch--${pattern}`}
      style={{ background }}
      data-color={marked && pattern === 'fill' ? item.color.join(',') : undefined}
      data-pattern={pattern}
    />
  );
}

/** The screen legend carries the test hooks (data-testid, data-legend, data-color); the printed copy does not repeat them. */
export function Legend({ sections, variant = 'screen' }: { sections: LegendSection[]; variant?: 'screen' | 'print' }) {
  const { t } = useI18n();
  if (sections.length === 0) return null;
  const screen = variant === 'screen';
  return (
    <aside className={`legend legend--${variant}`} aria-label={t('legend.title')} data-testid={screen ? 'legend' : undefined}>
      <h2 className="legend__heading">{t('legend.title')}</h2>
      {sections.map((section) => (
        <section key={section.id} className="legend__section" data-legend={screen ? section.id : undefined}>
          <h3>{section.title}</h3>
          {section.unit && <p className="legend__unit">{section.unit}</p>}
          {section.kind === 'ramp' ? (
            <Ramp section={section} />
          ) : (
            <ul>
              {section.items.map((item) => (
                <li key={item.label}>
                  <Swatch item={item} marked={screen} />
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
