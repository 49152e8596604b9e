/**
 * Names without overlaps on the static map: candidates placed in order of priority (lower
 * first, like MapLibre's symbol-sort-key), each kept only where its box meets no kept box and
 * lies on the page. Text widths are estimated from the font's average advance: the map is laid
 * out before any text is measured (an SVG in a hidden element has no layout).
 */
import type { PageSize } from './projection';

/** A text of the static map, placed (the label placement's output, drawn as SVG text). */
export interface SceneText {
  x: number;
  y: number;
  text: string;
  size: number;
  weight: 400 | 600 | 700;
  color: string;
  halo?: string;
  anchor: 'start' | 'middle' | 'end';
  letterSpacing?: number;
}

export interface LabelCandidate {
  x: number;
  y: number;
  text: string;
  size: number;
  weight: 400 | 600 | 700;
  color: string;
  halo?: string;
  priority: number;
  anchor?: SceneText['anchor'];
  letterSpacing?: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Noto Sans' mean advance is about 0.55 em for lower case, 0.68 em for capitals. */
const ADVANCE_EM = { lower: 0.55, upper: 0.68 };
/** Room kept around every name. */
const PADDING = 1.5;

function boxOf(c: LabelCandidate): Box {
  const upper = c.text === c.text.toUpperCase();
  const width = c.text.length * (c.size * (upper ? ADVANCE_EM.upper : ADVANCE_EM.lower) + (c.letterSpacing ?? 0));
  const anchor = c.anchor ?? 'middle';
  const x = anchor === 'start' ? c.x : anchor === 'end' ? c.x - width : c.x - width / 2;
  return { x: x - PADDING, y: c.y - c.size - PADDING, width: width + 2 * PADDING, height: c.size * 1.25 + 2 * PADDING };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onPage = (b: Box, page: PageSize) => b.x >= 0 && b.y >= 0 && b.x + b.width <= page.width && b.y + b.height <= page.height;

export function placeLabels(candidates: readonly LabelCandidate[], page: PageSize, reserved: readonly Box[] = []): SceneText[] {
  const kept: Box[] = [...reserved];
  const placed: SceneText[] = [];
  for (const c of [...candidates].sort((a, b) => a.priority - b.priority)) {
    const box = boxOf(c);
    if (!onPage(box, page) || kept.some((other) => overlaps(box, other))) continue;
    kept.push(box);
    placed.push({ x: c.x, y: c.y, text: c.text, size: c.size, weight: c.weight, color: c.color, halo: c.halo, anchor: c.anchor ?? 'middle', letterSpacing: c.letterSpacing });
  }
  return placed;
}
