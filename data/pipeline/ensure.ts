/**
 * `ensureDataset`: the one entry point used by `npm run data`, `npm start` and the test
 * set-up. Builds the demo data set into the store when there is no active version, or when
 * the active version is a demo build that is stale (or when forced); an active real data set
 * (imported records) is left alone. Builds and imports of one store are serialised by a lock.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildDir as defaultStore } from '../paths';
import { BUILD_FILES, type Manifest } from '../schema';
import { activeVersionDir } from '../store/active';
import { removeTempLeftovers } from '../store/commit';
import { actingUser } from '../store/history';
import { acquireStoreLock } from '../store/lock';
import { keepVersionsFromEnv } from '../store/prune';
import { readManifest } from '../store/read-manifest';
import { buildDataset } from './build';
import { PipelineError } from './errors';
import { checkFreshness } from './staleness';

/** Default seed: the date of the review conference (25 Oct 2022), memorable and fixed. */
export const DEFAULT_SEED = 20221025;
export const DEFAULT_SCALE = 1;
/** Seeds are 32-bit unsigned integers (the PRNG's seed material). */
const MAX_SEED = 0xffff_ffff;
/** Record ids have 8 digits: 10,762 groups × 9,000 still fit; beyond ~500 memory is the limit. */
export const MAX_SCALE = 500;

export interface EnsureDatasetOptions {
  /** The store (default data/build or TLG_DATA_DIR). */
  store?: string;
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

/** The active version's manifest and directory, if the store has one. */
function activeManifest(store: string): { dir: string; manifest: Manifest } | undefined {
  const dir = activeVersionDir(store);
  const manifest = dir ? readManifest(dir) : undefined;
  return dir && manifest ? { dir, manifest } : undefined;
}

/**
 * Builds before the store existed wrote one data set straight into the directory. Its files
 * (named in its own manifest) are removed; nothing else in the directory is touched.
 */
function removeLegacyFlatBuild(store: string, log: (line: string) => void): void {
  const legacy = readManifest(store);
  if (!legacy) return;
  for (const output of legacy.outputs) rmSync(path.join(store, path.basename(output.file)), { force: true });
  rmSync(path.join(store, BUILD_FILES.manifest), { force: true });
  log(`removed the data set of ${legacy.version} written directly into ${store} by an earlier version of the build`);
}

export async function ensureDataset(options: EnsureDatasetOptions = {}): Promise<Manifest> {
  const store = path.resolve(options.store ?? defaultStore());
  const log = options.log ?? (() => {});
  const active = activeManifest(store);
  if (active && !active.manifest.synthetic) {
    // Only an explicit --activate replaces imported records with the demo data.
    log(`The active data set ${active.manifest.version} holds imported (real) records; the demo build leaves it alone.`);
    return active.manifest;
  }
  // An existing build keeps its seed and scale (e.g. a scale-100 benchmark build) unless asked otherwise.
  const seed = options.seed ?? active?.manifest.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? active?.manifest.scale ?? DEFAULT_SCALE;
  checkOptions(seed, scale);

  if (!options.force) {
    const freshness = active ? checkFreshness(active.dir, seed, scale) : { fresh: false as const, reason: `no data set in ${store} yet` };
    if (freshness.fresh) {
      log(`Data set ${freshness.manifest.version} in ${store} is up to date (seed ${seed}, scale ${scale}).`);
      return freshness.manifest;
    }
    log(`Preparing the data set: ${freshness.reason}.`);
  }

  const storeExisted = existsSync(store);
  const lock = await acquireStoreLock(store, log);
  try {
    const now = activeManifest(store);
    if (lock.waited && now && !now.manifest.synthetic) return now.manifest;
    if (lock.waited && now && !options.force) {
      // Another process held the lock: it has probably just built what we need.
      const freshness = checkFreshness(now.dir, seed, scale);
      if (freshness.fresh) {
        log(`Data set ${freshness.manifest.version} was built meanwhile by another process.`);
        return freshness.manifest;
      }
    }
    removeTempLeftovers(store);
    if (existsSync(store) && readdirSync(store).includes(BUILD_FILES.manifest)) removeLegacyFlatBuild(store, log);
    return await buildDataset({ store, seed, scale, builtBy: actingUser(), keepVersions: keepVersionsFromEnv(), log });
  } catch (error) {
    lock.release();
    // A first build that failed leaves no empty store behind.
    if (!storeExisted && readdirSync(store).length === 0) rmSync(store, { recursive: true, force: true });
    throw error;
  } finally {
    lock.release();
  }
}
