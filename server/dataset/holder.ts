/** The server's current data set: preparing, ready, or failed, swapped whole on reload. */
import { loadDataset, type Dataset } from './dataset';

export type DatasetState =
  | { status: 'preparing' }
  | { status: 'ready'; dataset: Dataset }
  | { status: 'error'; message: string };

export class DatasetHolder {
  state: DatasetState = { status: 'preparing' };

  /** Loads the build in `dir` and makes it current; the previous one is closed. */
  async load(dir: string): Promise<Dataset> {
    try {
      const dataset = await loadDataset(dir);
      const previous = this.state;
      this.state = { status: 'ready', dataset };
      // In the background: until it is done, period queries read their days one by one.
      dataset.rollup.warm().catch((error: unknown) => console.error(`rollup warm-up failed: ${(error as Error).message}`));
      if (previous.status === 'ready') previous.dataset.db.close();
      return dataset;
    } catch (error) {
      this.state = { status: 'error', message: (error as Error).message };
      throw error;
    }
  }

  close(): void {
    if (this.state.status === 'ready') this.state.dataset.db.close();
    this.state = { status: 'preparing' };
  }
}
