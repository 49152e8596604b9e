/**
 * Room the map's framing leaves for what is drawn over the map: the title in the top left, the
 * legend in the bottom left (and as much on the right, so the province stays centred), the
 * credits line at the bottom. Measured from the elements themselves, so a longer legend or
 * another language never puts them over the province.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { FramePadding } from '../map/camera';

/** Space between an overlay and the framed area. */
const GAP_PIXELS = 16;
/** Whatever the overlays, the framed area keeps at least this share of the map's width and height. */
const MIN_FRAMED_SHARE = 0.4;

export interface OverlayRefs {
  frame: RefObject<HTMLElement | null>;
  title: RefObject<HTMLElement | null>;
  legend: RefObject<HTMLElement | null>;
  credits: RefObject<HTMLElement | null>;
}

const samePadding = (a: FramePadding, b: FramePadding) =>
  Math.abs(a.top - b.top) < 2 && Math.abs(a.bottom - b.bottom) < 2 && Math.abs(a.left - b.left) < 2 && Math.abs(a.right - b.right) < 2;

function measure({ frame, title, legend, credits }: OverlayRefs): FramePadding | null {
  const box = frame.current?.getBoundingClientRect();
  if (!box || box.width === 0 || box.height === 0) return null;
  const titleBox = title.current?.getBoundingClientRect();
  const legendBox = legend.current?.getBoundingClientRect();
  const creditsBox = credits.current?.getBoundingClientRect();
  const maxSide = (box.width * (1 - MIN_FRAMED_SHARE)) / 2;
  const maxVertical = box.height * (1 - MIN_FRAMED_SHARE);
  const side = Math.min(maxSide, GAP_PIXELS + (legendBox && legendBox.width > 0 ? legendBox.right - box.left : 0));
  const top = GAP_PIXELS + (titleBox && titleBox.height > 0 ? titleBox.bottom - box.top : 0);
  const bottom = GAP_PIXELS + (creditsBox && creditsBox.height > 0 ? box.bottom - creditsBox.top : 0);
  const scale = top + bottom > maxVertical ? maxVertical / (top + bottom) : 1;
  return { top: Math.round(top * scale), bottom: Math.round(bottom * scale), left: Math.round(side), right: Math.round(side) };
}

export function useOverlayPadding(refs: OverlayRefs, fallback: FramePadding): FramePadding {
  const [padding, setPadding] = useState(fallback);
  useEffect(() => {
    const update = () => {
      const next = measure(refs);
      if (next) setPadding((current) => (samePadding(current, next) ? current : next));
    };
    const observer = new ResizeObserver(update);
    for (const ref of Object.values(refs)) if (ref.current) observer.observe(ref.current);
    update();
    return () => observer.disconnect();
    // The refs are stable objects; what they point at is observed.
  }, []);
  return padding;
}
