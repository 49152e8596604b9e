/**
 * The planted tip clusters are genuine: Getis-Ord Gi* on commune tip counts (queen
 * contiguity by vertices with a 0.0005° snap, self included) flags every commune listed in
 * data/config/tip-clusters.json as a hot spot at 95 %, for the default seed and another one.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR } from '../../data/pipeline/config';
import { BUILD_FILES } from '../../data/schema';
import { buildInto, defaultBuild, readGeojson, TEST_BUILDS_ROOT, withDatabase } from './support/dataset';
import { giStar, queenNeighbours, verticesOf, Z_95 } from './support/gi-star';

const SNAP_DEGREES = 0.0005;
const SECOND_SEED = 424242;
const secondDir = path.join(TEST_BUILDS_ROOT, 'clusters-second-seed');

interface Cluster {
  id: string;
  expected_hot_communes: string[];
}
const clusters = (JSON.parse(readFileSync(path.join(CONFIG_DIR, 'tip-clusters.json'), 'utf8')) as { clusters: Cluster[] }).clusters;

async function zScores(dir: string): Promise<Map<string, number>> {
  const communes = readGeojson(dir, BUILD_FILES.communesGeojson).features;
  const codes = communes.map((f) => f.properties.code as string);
  const neighbours = queenNeighbours(
    communes.map((f) => verticesOf(f.geometry.coordinates as number[][][][])),
    SNAP_DEGREES,
  );
  const counts = await withDatabase(dir, (query) => query('SELECT commune_code, count(*)::INTEGER AS n FROM tips GROUP BY 1'));
  const byCode = new Map(counts.map((r) => [r.commune_code as string, r.n as number]));
  const z = giStar(
    codes.map((c) => byCode.get(c) ?? 0),
    neighbours,
  );
  return new Map(codes.map((c, i) => [c, z[i]!]));
}

let defaultZ: Map<string, number>;
let secondZ: Map<string, number>;
beforeAll(async () => {
  defaultZ = await zScores((await defaultBuild()).dir);
  secondZ = await zScores((await buildInto(secondDir, { seed: SECOND_SEED })).dir);
});
afterAll(() => rmSync(secondDir, { recursive: true, force: true }));

describe('planted tip clusters', () => {
  it('given the config, when reading it, then there are four clusters, each with expected hot communes', () => {
    expect(clusters.map((c) => c.id)).toEqual(['TC1', 'TC2', 'TC3', 'TC4']);
    for (const cluster of clusters) expect(cluster.expected_hot_communes.length).toBeGreaterThan(0);
  });

  for (const cluster of clusters) {
    it(`given cluster ${cluster.id}, when Gi* runs on commune tip counts, then ${cluster.expected_hot_communes.join(', ')} are hot at 95 % for both seeds`, () => {
      for (const code of cluster.expected_hot_communes) {
        expect(defaultZ.get(code), `default seed, commune ${code}`).toBeGreaterThanOrEqual(Z_95);
        expect(secondZ.get(code), `seed ${SECOND_SEED}, commune ${code}`).toBeGreaterThanOrEqual(Z_95);
      }
    });
  }

  it('given the hill communes far from every cluster, when Gi* runs, then none of them is a hot spot', () => {
    for (const code of ['08914', '08779', '08776', '08917']) expect(defaultZ.get(code)!).toBeLessThan(Z_95);
  });
});
