/**
 * The map's ready flag, for people (no spinner left) and for tests and benchmarks
 * (`window.__TLG_READY__` and `data-ready` on the map container). Ready means all of:
 *   - no API request in flight and every dataset the view needs has settled;
 *   - deck.gl has rendered the layers last handed to it (onAfterRender after setProps);
 *   - MapLibre is idle (camera still, sources loaded, nothing left to draw);
 *   - no layer the view draws has failed to load (failedLayers.ts): a page without one of its
 *     layers is not ready, it is broken. Which ones failed is in `window.__TLG_FAILED__` and
 *     `data-failed` on the map container, so a test or check can tell broken from slow.
 * Any change of the view or filters resets it to false until all of them hold again.
 */
import { onInFlightChange, requestsInFlight } from '../api/client';

declare global {
  interface Window {
    __TLG_READY__?: boolean;
    /** performance.now() when the flag last turned true: milliseconds since navigation, for the bench. */
    __TLG_READY_AT__?: number;
    /** The layers whose data failed to load; empty when none did. */
    __TLG_FAILED__?: string[];
  }
}

export const MAP_CONTAINER_ATTRIBUTE = 'data-map-container';

interface Signals {
  mapPresent: boolean;
  mapIdle: boolean;
  dataSettled: boolean;
  /** The layers last handed to deck.gl have not been drawn yet (true until the first hand-over). */
  deckRenderPending: boolean;
  /** deck.gl has been given layers since the map was attached; frames before that prove nothing. */
  layersHanded: boolean;
}

const signals: Signals = {
  mapPresent: false,
  mapIdle: false,
  dataSettled: false,
  deckRenderPending: true,
  layersHanded: false,
};
/**
 * Frames deck.gl draws after new layers before they count as drawn: some layers finish on a
 * later frame than the first (the heatmap renders its weight texture, then the colours).
 */
const SETTLE_FRAMES = 3;
let framesSinceChange = 0;
let layersLoaded: () => boolean = () => true;
/** Work the map still owes (e.g. placing deck.gl layers in the style once it has loaded). */
let holds = 0;
let ready = false;
let failed: readonly string[] = [];
let repaint: (() => void) | null = null;

function publish(value: boolean): void {
  if (value === ready && window.__TLG_READY__ === value) return;
  ready = value;
  window.__TLG_READY__ = value;
  if (value) window.__TLG_READY_AT__ = performance.now();
  document.querySelector(`[${MAP_CONTAINER_ATTRIBUTE}]`)?.setAttribute('data-ready', String(value));
}

function evaluate(): void {
  publish(
    signals.mapPresent &&
      signals.mapIdle &&
      signals.dataSettled &&
      !signals.deckRenderPending &&
      holds === 0 &&
      failed.length === 0 &&
      requestsInFlight() === 0,
  );
}

onInFlightChange((count) => {
  if (count > 0) publish(false);
  else evaluate();
});

export const readiness = {
  /** The view or filters changed: not ready until the map has drawn them. */
  invalidate(): void {
    publish(false);
    signals.mapIdle = false;
    // A change that alters nothing on the map must still end in an idle event to re-arm.
    repaint?.();
  },
  mapAttached(requestRepaint: () => void): void {
    signals.mapPresent = true;
    signals.mapIdle = false;
    signals.deckRenderPending = true;
    signals.layersHanded = false;
    repaint = requestRepaint;
  },
  mapDetached(): void {
    signals.mapPresent = false;
    repaint = null;
    publish(false);
  },
  mapBusy(): void {
    signals.mapIdle = false;
    publish(false);
  },
  mapIdle(): void {
    signals.mapIdle = true;
    evaluate();
  },
  setDataSettled(settled: boolean): void {
    signals.dataSettled = settled;
    if (settled) evaluate();
    else publish(false);
  },
  /** New layers were handed to deck.gl; wait until it has drawn them with their data loaded. */
  layersChanged(loaded: () => boolean): void {
    signals.layersHanded = true;
    signals.deckRenderPending = true;
    framesSinceChange = 0;
    layersLoaded = loaded;
    publish(false);
  },
  /** deck.gl finished a frame; once the new layers are loaded and settled, ask MapLibre for idle. */
  deckRendered(): void {
    if (!signals.layersHanded || !signals.deckRenderPending) return;
    framesSinceChange += 1;
    if (framesSinceChange >= SETTLE_FRAMES && layersLoaded()) {
      signals.deckRenderPending = false;
      signals.mapIdle = false;
    }
    repaint?.();
  },
  /** The layers whose data failed (none: an empty list); ready waits until there are none. */
  setFailedLayers(layers: readonly string[]): void {
    failed = layers;
    window.__TLG_FAILED__ = [...layers];
    document.querySelector(`[${MAP_CONTAINER_ATTRIBUTE}]`)?.setAttribute('data-failed', layers.join(','));
    if (layers.length > 0) publish(false);
    else evaluate();
  },
  /** Not ready until the returned release is called (once). */
  hold(): () => void {
    holds += 1;
    publish(false);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holds -= 1;
      evaluate();
    };
  },
  isReady(): boolean {
    return ready;
  },
};
