/**
 * manifest.json: what went in (inputs with sha256), what came out (files with sha256 and
 * rows), the generator options and every total. `version` is a short hash of the inputs,
 * the code version, the seed and the scale: the server's data version / ETag.
 */
import { createReadStream, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PUBLISHED_PERIOD } from '#contract';
import type { Manifest } from '../../schema';
import type { UnmappedCommune } from '../reference/types';
import { sha256Hex, type HashedInput } from '../sources/files';

const VERSION_LENGTH = 12;
export const PLANTED_CLUSTERS_POINTER = 'data/config/tip-clusters.json (documented in data/README.md#planted-tip-clusters)';

export function datasetVersion(inputs: readonly HashedInput[], codeVersion: string, seed: number, scale: number): string {
  const material = JSON.stringify({ inputs: inputs.map((i) => [i.file, i.sha256]), codeVersion, seed, scale });
  return sha256Hex(material).slice(0, VERSION_LENGTH);
}

/** sha256 of a file, streamed (tlg.duckdb is large at benchmark scales). */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function describeOutputs(dir: string, files: { file: string; rows?: number }[]): Promise<Manifest['outputs']> {
  const out: Manifest['outputs'] = [];
  for (const { file, rows } of files) {
    const absolute = path.join(dir, file);
    out.push({ file, sha256: await sha256OfFile(absolute), bytes: statSync(absolute).size, ...(rows === undefined ? {} : { rows }) });
  }
  return out;
}

export function buildManifest(parts: {
  inputs: HashedInput[];
  outputs: Manifest['outputs'];
  rows: Record<string, number>;
  totals: Record<string, number>;
  unmapped: UnmappedCommune[];
  codeVersion: string;
  seed: number;
  scale: number;
  builtAt: Date;
}): Manifest {
  return {
    version: datasetVersion(parts.inputs, parts.codeVersion, parts.seed, parts.scale),
    synthetic: true,
    built_at: parts.builtAt.toISOString(),
    code_version: parts.codeVersion,
    seed: parts.seed,
    scale: parts.scale,
    inputs: parts.inputs,
    outputs: parts.outputs,
    rows: parts.rows,
    period: { from: PUBLISHED_PERIOD.from, to: PUBLISHED_PERIOD.to },
    totals: parts.totals,
    unmapped_2025: parts.unmapped,
    planted_clusters: PLANTED_CLUSTERS_POINTER,
  };
}
