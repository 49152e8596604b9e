/**
 * A ref that always holds the latest value: map and deck.gl event handlers are registered once
 * and read the current props through it instead of being re-registered on every render.
 */
import { useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
