/**
 * One asynchronous resource keyed by its inputs: the latest answer, the error if it failed,
 * whether it is loading, and a retry. A new key aborts the request of the old one.
 * A null key means "not needed now" (a hidden layer, a role without access).
 */
import { useCallback, useEffect, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  /** The last answer for any key: lets a layer keep drawing the previous year while the next loads. */
  latest: T | null;
  error: Error | null;
  loading: boolean;
  /** True when nothing is pending for the current key (loaded, failed, or not needed). */
  settled: boolean;
  retry: () => void;
}

interface Slot<T> {
  key: string | null;
  attempt: number;
  data: T | null;
  error: Error | null;
  done: boolean;
}

export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [slot, setSlot] = useState<Slot<T>>({ key: null, attempt: 0, data: null, error: null, done: true });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSlot({ key, attempt, data, error: null, done: true });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSlot((previous) => ({
          key,
          attempt,
          data: previous.key === key ? previous.data : null,
          error: error instanceof Error ? error : new Error(String(error)),
          done: true,
        }));
      },
    );
    return () => controller.abort();
    // `load` is recreated every render; the key alone says when the request really changes.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = key !== null && slot.key === key && slot.attempt === attempt;
  if (key === null) return { data: null, latest: null, error: null, loading: false, settled: true, retry };
  return {
    data: current ? slot.data : null,
    latest: slot.data,
    error: current ? slot.error : null,
    loading: !current,
    settled: current && slot.done,
    retry,
  };
}
