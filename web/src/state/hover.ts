/** What the pointer is over on the map, as the tooltip needs it (no deck.gl types here). */
import type { ModelSetting } from '#contract';

export type HoverTarget =
  | { kind: 'unit'; layer: 'choropleth' | 'hotspots' | 'emerging' | 'planner'; code: string; x: number; y: number }
  | { kind: 'tipCell'; h3: string; count: number | null; suppressed: boolean; x: number; y: number }
  /** One model, or a cluster of `models` (their most common setting, the earliest founding). */
  | { kind: 'model'; setting: ModelSetting | null; foundedOn: string; models: number | null; x: number; y: number };
