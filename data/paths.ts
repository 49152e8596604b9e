/**
 * Where things live on disk. Reference sources and the published totals are read from the
 * shared folder beside the clone (never copied into this repository); outputs go to the
 * git-ignored build directory.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sharedRoot = () => path.resolve(process.env.TLG_SHARED ?? path.join(REPO_ROOT, '..', 'shared'));

/** Public reference data (GADM boundaries, census, GSO codes, crosswalk). Env: TLG_SOURCES. */
export const sourcesDir = () => path.resolve(process.env.TLG_SOURCES ?? path.join(sharedRoot(), 'data', 'sources'));

/** Figures published at the 25 Oct 2022 review conference. Env: TLG_PUBLISHED_TOTALS. */
export const publishedTotalsPath = () =>
  path.resolve(process.env.TLG_PUBLISHED_TOTALS ?? path.join(sharedRoot(), 'context', 'published_totals.json'));

/** Prepared data set (Parquet, GeoJSON, DuckDB, manifest). Env: TLG_DATA_DIR. */
export const buildDir = () => path.resolve(process.env.TLG_DATA_DIR ?? path.join(REPO_ROOT, 'data', 'build'));

/** Mutable server state: users, audit log. Env: TLG_STATE_DIR. */
export const stateDir = () => path.resolve(process.env.TLG_STATE_DIR ?? path.join(REPO_ROOT, 'data', 'state'));

/** The built web app served at `/`. */
export const webDistDir = () => path.join(REPO_ROOT, 'dist', 'web');
