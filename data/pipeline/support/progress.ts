/** Progress lines for long builds: one line per step with its duration. */

export interface Progress {
  step<T>(label: string, work: () => T | Promise<T>): Promise<T>;
  note(line: string): void;
  elapsedSeconds(): number;
}

const now = () => performance.now();

export function createProgress(log: (line: string) => void): Progress {
  const started = now();
  const stamp = () => `[${((now() - started) / 1000).toFixed(1).padStart(6)} s]`;
  return {
    async step(label, work) {
      const begin = now();
      log(`${stamp()} ${label} …`);
      const result = await work();
      log(`${stamp()} ${label}: done in ${((now() - begin) / 1000).toFixed(2)} s`);
      return result;
    },
    note(line) {
      log(`${stamp()}   ${line}`);
    },
    elapsedSeconds: () => (now() - started) / 1000,
  };
}
