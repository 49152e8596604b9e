/**
 * A request the user starts (a what-if, an allocation), as opposed to data the view needs. Its
 * answer belongs to the scenario it was asked under: when the scenario key changes (other
 * weights, another period) the old answer is no longer shown and a request still running is
 * aborted. Retry repeats the last request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

interface Outcome<Request, Result> {
  key: string;
  request: Request;
  data: Result | null;
  error: Error | null;
}

export interface Action<Request, Result> {
  /** The answer to the last request under the current scenario key. */
  data: Result | null;
  /** The request that answer (or error) belongs to. */
  request: Request | null;
  error: Error | null;
  running: boolean;
  run: (request: Request) => void;
  retry: () => void;
}

export function useAction<Request, Result>(
  scenarioKey: string,
  perform: (request: Request, signal: AbortSignal) => Promise<Result>,
): Action<Request, Result> {
  const [outcome, setOutcome] = useState<Outcome<Request, Result> | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef({ scenarioKey, perform, last: null as Request | null });
  latest.current.scenarioKey = scenarioKey;
  latest.current.perform = perform;

  const run = useCallback((request: Request) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const key = latest.current.scenarioKey;
    latest.current.last = request;
    setRunning(true);
    latest.current.perform(request, current.signal).then(
      (data) => {
        if (current.signal.aborted) return;
        setOutcome({ key, request, data, error: null });
        setRunning(false);
      },
      (error: unknown) => {
        if (current.signal.aborted) return;
        setOutcome({ key, request, data: null, error: error instanceof Error ? error : new Error(String(error)) });
        setRunning(false);
      },
    );
  }, []);

  const retry = useCallback(() => {
    if (latest.current.last !== null) run(latest.current.last);
  }, [run]);

  // A new scenario makes a running request moot; leaving the page too.
  useEffect(
    () => () => {
      controller.current?.abort();
      setRunning(false);
    },
    [scenarioKey],
  );

  const current = outcome !== null && outcome.key === scenarioKey ? outcome : null;
  return { data: current?.data ?? null, request: current?.request ?? null, error: current?.error ?? null, running, run, retry };
}
