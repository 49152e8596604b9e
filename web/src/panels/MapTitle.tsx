/**
 * The title on the map: what it shows (the metric, or the planner's gap score), for which period
 * and area, in which unit, and — while the data are simulated — a mark saying so. It sits on the
 * map itself, so full screen, the projector and the print keep it.
 */
import { forwardRef } from 'react';
import { useI18n } from '../i18n/i18n';

export interface MapTitleText {
  title: string;
  /** Period · area. */
  subtitle: string;
  unit: string | null;
}

export const MapTitle = forwardRef<HTMLDivElement, { text: MapTitleText; synthetic: boolean }>(function MapTitle({ text, synthetic }, ref) {
  const { t } = useI18n();
  return (
    <div ref={ref} className="map-title" data-testid="map-title">
      {synthetic && <p className="map-title__synthetic">{t('synthetic.title')}</p>}
      <h2 className="map-title__heading">{text.title}</h2>
      <p className="map-title__sub">
        {text.subtitle}
        {text.unit && <span className="map-title__unit"> · {text.unit}</span>}
      </p>
    </div>
  );
});
