/**
 * `ensureDataset`: the one entry point used by `npm run data`, `npm start` and the test
 * set-up. Builds the data set when it is missing or stale (or when forced), otherwise
 * returns the existing manifest. Builds of the same directory are serialised by a lock.
 */
import path from 'node:path';
import { buildDir as defaultBuildDir } from '../paths';
import type { Manifest } from '../schema';
import { buildDataset } from './build';
import { PipelineError } from './errors';
import { acquireBuildLock, removeLeftovers } from './output/build-dir';
import { readManifest } from './output/read-manifest';
import { checkFreshness } from './staleness';

/** Default seed: the date of the review conference (25 Oct 2022), memorable and fixed. */
export const DEFAULT_SEED = 20221025;
export const DEFAULT_SCALE = 1;
/** Seeds are 32-bit unsigned integers (the PRNG's seed material). */
const MAX_SEED = 0xffff_ffff;
/** Record ids have 8 digits: 10,762 groups × 9,000 still fit; beyond ~500 memory is the limit. */
export const MAX_SCALE = 500;

export interface EnsureDatasetOptions {
  buildDir?: string;
  seed?: number;
  scale?: number;
  force?: boolean;
  log?: (line: string) => void;
}

function checkOptions(seed: number, scale: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new PipelineError({ code: 'ARGUMENT_INVALID', message: `The seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}.`, fix: `Pass e.g. --seed ${DEFAULT_SEED}.` });
  }
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new PipelineError({ code: 'ARGUMENT_INVALID', message: `The scale must be a whole number from 1 to ${MAX_SCALE}, got ${scale}.`, fix: 'Pass e.g. --scale 1 (the published totals) or --scale 100 (benchmarks).' });
  }
}

export async function ensureDataset(options: EnsureDatasetOptions = {}): Promise<Manifest> {
  const target = path.resolve(options.buildDir ?? defaultBuildDir());
  // An existing build keeps its seed and scale (e.g. a scale-100 benchmark build) unless asked otherwise.
  const existing = readManifest(target);
  const seed = options.seed ?? existing?.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? existing?.scale ?? DEFAULT_SCALE;
  const log = options.log ?? (() => {});
  checkOptions(seed, scale);

  if (!options.force) {
    const freshness = checkFreshness(target, seed, scale);
    if (freshness.fresh) {
      log(`Data set ${freshness.manifest.version} in ${target} is up to date (seed ${seed}, scale ${scale}).`);
      return freshness.manifest;
    }
    log(`Preparing the data set: ${freshness.reason}.`);
  }

  const lock = await acquireBuildLock(target, log);
  try {
    if (lock.waited && !options.force) {
      // Another process held the lock: it has probably just built what we need.
      const freshness = checkFreshness(target, seed, scale);
      if (freshness.fresh) {
        log(`Data set ${freshness.manifest.version} was built meanwhile by another process.`);
        return freshness.manifest;
      }
    }
    removeLeftovers(target);
    return await buildDataset({ buildDir: target, seed, scale, log });
  } finally {
    lock.release();
  }
}
