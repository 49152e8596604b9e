/**
 * The server's current data set: preparing, ready, or failed, swapped whole on reload. With
 * `watch(store)` a poller follows the store's ACTIVE pointer: a new active version is loaded in
 * the background and swapped in only once fully loaded; the old one is then closed (its close
 * waits for queries in flight). A version that fails to load is logged and the previous stays.
 * Before a version is served, every file its manifest lists is checked against the recorded
 * sha256: a damaged data set is refused, never answered from.
 */
import { activeVersionDir, readActiveVersion } from '../../data/store/active';
import path from 'node:path';
import { versionDir } from '../../data/store/layout';
import { damagedMessage, verifyVersion } from '../../data/store/verify';
import { loadDataset, type Dataset } from './dataset';

/** Logged once the daily rollup is in memory: from then on period queries are at full speed (the bench waits for it). */
export const ROLLUP_WARM_LOG = 'Daily rollup in memory';

/** The data set in `dir`, loaded only once its files match its manifest. */
async function loadVerified(dir: string): Promise<Dataset> {
  const check = await verifyVersion(dir);
  if (!check.ok) throw new Error(damagedMessage(path.basename(dir), check));
  return loadDataset(dir);
}

export type DatasetState =
  | { status: 'preparing' }
  | { status: 'ready'; dataset: Dataset }
  | { status: 'error'; message: string };

/** How often the ACTIVE pointer is read: a switch shows within about a second (the contract allows 5 s). */
export const ACTIVE_POLL_MS = 1_000;

export class DatasetHolder {
  state: DatasetState = { status: 'preparing' };
  private poller: NodeJS.Timeout | undefined;
  /** A version being loaded, or one that failed (not retried until ACTIVE changes again). */
  private pending: string | undefined;
  private closed = false;
  private readonly swapListeners = new Set<(dataset: Dataset) => void>();

  /**
   * Calls `listener` with every data set about to be served, before the first request sees it
   * (so what depends on the kind of data — the demo accounts — changes with it, never after).
   */
  onSwap(listener: (dataset: Dataset) => void): () => void {
    this.swapListeners.add(listener);
    return () => this.swapListeners.delete(listener);
  }

  /** Loads the version directory `dir` and makes it current; the previous one is closed. */
  async load(dir: string): Promise<Dataset> {
    try {
      const dataset = await loadVerified(dir);
      this.swapIn(dataset);
      return dataset;
    } catch (error) {
      this.state = { status: 'error', message: (error as Error).message };
      throw error;
    }
  }

  /** Loads the store's active version. */
  async loadActive(store: string): Promise<Dataset> {
    const dir = activeVersionDir(store);
    if (!dir) throw new Error(`the data store ${store} has no active version`);
    return this.load(dir);
  }

  /** Follows the store's ACTIVE pointer until `close()`. */
  watch(store: string, log: (line: string) => void): void {
    this.stopWatching();
    if (this.closed) return;
    this.poller = setInterval(() => this.poll(store, log), ACTIVE_POLL_MS);
    this.poller.unref();
  }

  close(): void {
    this.closed = true;
    this.stopWatching();
    if (this.state.status === 'ready') this.state.dataset.db.close();
    this.state = { status: 'preparing' };
  }

  private poll(store: string, log: (line: string) => void): void {
    const version = readActiveVersion(store);
    const current = this.state.status === 'ready' ? this.state.dataset.version : undefined;
    if (!version || version === current || version === this.pending) return;
    this.pending = version;
    loadVerified(versionDir(store, version)).then(
      (dataset) => {
        // The pointer may have moved on, or the holder closed, while this version loaded.
        if (this.poller === undefined || readActiveVersion(store) !== version) {
          dataset.db.close();
        } else {
          this.swapIn(dataset);
          log(`Data set ${version} loaded${dataset.synthetic ? ' (SIMULATED demo data)' : ''}; it is now served.`);
        }
        if (this.pending === version) this.pending = undefined;
      },
      (error: unknown) => log(`Data set ${version} could not be loaded (${(error as Error).message}); still serving ${current ?? 'nothing'}.`),
    );
  }

  private swapIn(dataset: Dataset): void {
    for (const listener of this.swapListeners) {
      try {
        listener(dataset);
      } catch (error) {
        console.error(`data set swap listener failed: ${(error as Error).message}`);
      }
    }
    const previous = this.state;
    this.state = { status: 'ready', dataset };
    // In the background: until it is done, period queries read their days one by one.
    const started = performance.now();
    dataset.rollup
      .warm()
      .then(() => {
        if (!dataset.db.isClosed) console.log(`${ROLLUP_WARM_LOG} (${dataset.version}, ${((performance.now() - started) / 1000).toFixed(1)} s).`);
      })
      .catch((error: unknown) => console.error(`rollup warm-up failed: ${(error as Error).message}`));
    if (previous.status === 'ready') previous.dataset.db.close();
  }

  private stopWatching(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }
}
