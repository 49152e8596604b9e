/**
 * One register upload from the admin screen, from the file chooser to the new version: sending
 * the file (its progress), following the server's validation and import (polled), and the three
 * choices once validated — import, import the valid rows, cancel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadResponse } from '#contract/api';
import { cancelUpload, getUpload, importUpload, uploadRegister, type UploadRequest } from '../../api/client';

/** How often a running validation or import is asked about: the importer prints progress every 50,000 rows. */
const POLL_MS = 1_000;
const RUNNING: ReadonlySet<UploadResponse['state']> = new Set(['queued', 'validating', 'importing']);

export type UploadPhase =
  | { phase: 'idle' }
  | { phase: 'sending'; name: string; sent: number; total: number }
  | { phase: 'tracking'; upload: UploadResponse }
  | { phase: 'failed'; error: Error; upload: UploadResponse | null };

export interface UploadFlow {
  state: UploadPhase;
  /** A request of the flow (import, cancel) is on its way. */
  busy: boolean;
  send: (request: Omit<UploadRequest, 'onProgress' | 'signal'>) => void;
  /** Stops sending the file. */
  abort: () => void;
  commit: (acceptValid: boolean) => void;
  cancel: () => void;
  /** Back to the form, for another file. */
  reset: () => void;
  /** Back to the upload after a refused request (the upload itself is unchanged). */
  dismiss: () => void;
}

const asError = (cause: unknown) => (cause instanceof Error ? cause : new Error(String(cause)));

export function useUpload(onImported: (version: string) => void): UploadFlow {
  const [state, setState] = useState<UploadPhase>({ phase: 'idle' });
  const [busy, setBusy] = useState(false);
  const sending = useRef<AbortController | null>(null);
  const reported = useRef<string | null>(null);

  const send = useCallback((request: Omit<UploadRequest, 'onProgress' | 'signal'>) => {
    const controller = new AbortController();
    sending.current = controller;
    setState({ phase: 'sending', name: request.file.name, sent: 0, total: request.file.size });
    uploadRegister({
      ...request,
      signal: controller.signal,
      onProgress: (sent, total) => setState({ phase: 'sending', name: request.file.name, sent, total }),
    }).then(
      (upload) => setState({ phase: 'tracking', upload }),
      (cause: unknown) => setState(controller.signal.aborted ? { phase: 'idle' } : { phase: 'failed', error: asError(cause), upload: null }),
    );
  }, []);

  const abort = useCallback(() => sending.current?.abort(), []);

  const upload = state.phase === 'tracking' ? state.upload : null;

  // Follow a running validation or import until it settles.
  useEffect(() => {
    if (!upload || !RUNNING.has(upload.state)) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getUpload(upload.id, controller.signal).then(
        (next) => setState({ phase: 'tracking', upload: next }),
        (cause: unknown) => controller.signal.aborted || setState({ phase: 'failed', error: asError(cause), upload }),
      );
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [upload]);

  useEffect(() => {
    if (upload?.state === 'imported' && upload.imported && reported.current !== upload.id) {
      reported.current = upload.id;
      onImported(upload.imported.dataset_version);
    }
  }, [upload, onImported]);

  const act = useCallback(
    (action: (current: UploadResponse) => Promise<UploadPhase>) => {
      if (!upload) return;
      setBusy(true);
      action(upload)
        .then(setState, (cause: unknown) => setState({ phase: 'failed', error: asError(cause), upload }))
        .finally(() => setBusy(false));
    },
    [upload],
  );

  const commit = useCallback(
    (acceptValid: boolean) => act(async (current) => ({ phase: 'tracking', upload: await importUpload(current.id, acceptValid) })),
    [act],
  );
  const cancel = useCallback(
    () =>
      act(async (current) => {
        await cancelUpload(current.id);
        return { phase: 'idle' };
      }),
    [act],
  );
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const dismiss = useCallback(() => setState((s) => (s.phase === 'failed' && s.upload ? { phase: 'tracking', upload: s.upload } : { phase: 'idle' })), []);

  return { state, busy, send, abort, commit, cancel, reset, dismiss };
}
