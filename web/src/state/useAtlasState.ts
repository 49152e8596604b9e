/**
 * React binding of the URL state: reads the query string, writes it back on every change
 * (pushState for user choices, replaceState for camera moves) and follows back/forward.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { parseAtlasState, serializeAtlasState, type AtlasState } from './atlasState';

export interface UpdateOptions {
  /** Camera moves replace the history entry so Back does not replay every pan. */
  replace?: boolean;
}

const listeners = new Set<() => void>();
let cachedSearch: string | null = null;
let cachedState: AtlasState | null = null;

function snapshot(): AtlasState {
  const search = window.location.search;
  if (search !== cachedSearch || cachedState === null) {
    cachedSearch = search;
    cachedState = parseAtlasState(search);
  }
  return cachedState;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function writeAtlasState(next: AtlasState, options: UpdateOptions = {}): void {
  const search = serializeAtlasState(next);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export function useAtlasState(): [AtlasState, (patch: Partial<AtlasState>, options?: UpdateOptions) => void] {
  const state = useSyncExternalStore(subscribe, snapshot);
  const update = useCallback((patch: Partial<AtlasState>, options?: UpdateOptions) => {
    writeAtlasState({ ...snapshot(), ...patch }, options);
  }, []);
  return [state, update];
}
