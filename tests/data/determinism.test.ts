/**
 * Same seed → byte-identical Parquet and GeoJSON (and the same content hash); another seed →
 * other simulated records (the real boundaries stay identical). A fresh build is reused, a
 * stale one rebuilt as a new version.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../data/pipeline/ensure';
import { listVersions } from '../../data/store/versions';
import { buildInto, defaultBuild, outputHashes, TEST_BUILDS_ROOT, type TestBuild } from './support/dataset';

const OTHER_SEED = 7;
const sameSeedDir = path.join(TEST_BUILDS_ROOT, 'determinism-same-seed');
const otherSeedDir = path.join(TEST_BUILDS_ROOT, 'determinism-other-seed');

let first: TestBuild;
beforeAll(async () => {
  first = await defaultBuild();
});
afterAll(() => {
  rmSync(sameSeedDir, { recursive: true, force: true });
  rmSync(otherSeedDir, { recursive: true, force: true });
});

describe('determinism', () => {
  it('given the default seed, when the data set is built a second time from scratch, then every Parquet and GeoJSON output has the same sha256', async () => {
    const second = await buildInto(sameSeedDir, { seed: DEFAULT_SEED, force: true });
    const hashes = outputHashes(first.dir);
    expect(Object.keys(hashes)).toHaveLength(14);
    expect(outputHashes(second.dir)).toEqual(hashes);
    expect(second.manifest.content_hash).toBe(first.manifest.content_hash);
    expect(second.manifest.version).toMatch(/^\d{8}T\d{6}Z-demo-[0-9a-f]{8}$/);
    expect(second.manifest.version.endsWith(first.manifest.content_hash.slice(0, 8))).toBe(true);
  });

  it('given another seed, when built, then the simulated tables differ while the real boundaries are identical', async () => {
    const otherBuild = await buildInto(otherSeedDir, { seed: OTHER_SEED });
    const other = otherBuild.manifest;
    const a = outputHashes(first.dir);
    const b = outputHashes(otherBuild.dir);
    for (const table of ['villages', 'groups', 'models', 'tips', 'events']) expect(b[`${table}.parquet`]).not.toBe(a[`${table}.parquet`]);
    for (const file of ['units_commune.geojson', 'units_district.geojson', 'units_province.geojson', 'units_2025.geojson', 'context.geojson', 'communes.parquet']) expect(b[file]).toBe(a[file]);
    expect(other.content_hash).not.toBe(first.manifest.content_hash);
    expect(other.totals['to_lien_gia.total_active']).toBe(10762);
  });

  it('given an up-to-date build, when ensured again with the same options, then it is reused without rebuilding', async () => {
    const again = (await buildInto(first.store)).manifest;
    expect(again.built_at).toBe(first.manifest.built_at);
    expect(again.version).toBe(first.manifest.version);
  });

  it('given a build for one seed, when ensured with another seed, then it is rebuilt for that seed', async () => {
    const lines: string[] = [];
    const before = listVersions(sameSeedDir).map((v) => v.version);
    const rebuilt = (await buildInto(sameSeedDir, { seed: OTHER_SEED, log: (line) => lines.push(line) })).manifest;
    expect(rebuilt.seed).toBe(OTHER_SEED);
    expect(lines.join('\n')).toMatch(/built with seed 20221025, seed 7 was asked for/);
    const after = listVersions(sameSeedDir);
    expect(after.map((v) => v.version)).toEqual([...before, rebuilt.version]);
    expect(after.filter((v) => v.active).map((v) => v.version)).toEqual([rebuilt.version]);
  });
});
