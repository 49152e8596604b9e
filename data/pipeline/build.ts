/**
 * One demo build into the store: sources → reference layer → simulated records → the shared
 * version writer (tables, rollup, totals queried back and checked against the published
 * figures × scale, manifest, commit). The caller holds the store lock.
 */
import { publishedTotalsPath } from '../paths';
import type { Manifest } from '../schema';
import { loadSimulationConfig } from './config';
import { codeVersion } from './output/code-version';
import { contentHash, PLANTED_CLUSTERS_POINTER } from './output/manifest';
import { checkTotals } from './output/totals';
import { writeVersion } from './output/write-version';
import { loadReference } from './reference/load-reference';
import { simulateDemoData } from './simulate/simulate';
import { decodeUtf8, hashInputs, readInput, type HashedInput } from './sources/files';
import { parsePublishedTotals } from './sources/published-totals';
import { createProgress } from './support/progress';
import { PUBLISHED_PERIOD } from '#contract';

export interface BuildOptions {
  store: string;
  seed: number;
  scale: number;
  builtBy: string;
  keepVersions: number;
  log: (line: string) => void;
}

/** The content hash of a demo build: same inputs, code, seed and scale → same data set. */
export function demoContentHash(inputs: readonly HashedInput[], code: string, seed: number, scale: number): string {
  return contentHash({ inputs: inputs.map((i) => [i.file, i.sha256]), codeVersion: code, seed, scale });
}

export async function buildDataset({ store, seed, scale, builtBy, keepVersions, log }: BuildOptions): Promise<Manifest> {
  const progress = createProgress(log);
  log(`Building the demo data set in ${store} (seed ${seed}, scale ${scale}; demo records are SIMULATED).`);

  const inputs = await progress.step('hashing inputs', hashInputs);
  const reference = await progress.step('reading boundaries, census, crosswalk and the map context; joining 137 communes; dissolving districts and 2025 units', loadReference);
  progress.note(`${reference.communes.length} communes joined, ${reference.districts.length} districts, ${reference.units2025.length} units of 2025, ${reference.unmapped2025.length} old communes unmapped, ${reference.context.length} features of the region around`);
  const { config, totals } = await progress.step('reading configs and published totals', () => {
    const file = publishedTotalsPath();
    return { config: loadSimulationConfig(), totals: parsePublishedTotals(decodeUtf8(readInput(file), file), file) };
  });
  const { data, report } = await progress.step(`simulating demo data`, () =>
    simulateDemoData(reference, config, totals, { seed, scale, step: (name) => progress.note(`simulating ${name}`) }),
  );
  progress.note(
    `${data.villages.length} villages, ${data.groups.length} groups, ${data.models.length} models, ${data.tips.length} tips (planted: ${Object.entries(report.tipsPerCluster)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ')}), ${data.events.length} outcome events`,
  );

  const { manifest } = await writeVersion({
    store,
    kind: 'demo',
    reference,
    records: data,
    inputs,
    origin: {
      synthetic: true,
      contentHash: demoContentHash(inputs, codeVersion(), seed, scale),
      builtBy,
      seed,
      scale,
      plantedClusters: PLANTED_CLUSTERS_POINTER,
      imports: [],
    },
    period: { from: PUBLISHED_PERIOD.from, to: PUBLISHED_PERIOD.to },
    check: (queried) => checkTotals(queried, totals, scale, data.tips.length),
    extraTotals: Object.fromEntries(Object.entries(report.tipsPerCluster).map(([id, n]) => [`tips.planted_cluster.${id}`, n])),
    keepVersions,
    progress,
  });
  log(`Data set ${manifest.version} ready in ${progress.elapsedSeconds().toFixed(1)} s.`);
  return manifest;
}
