/**
 * manifest.json: what went in (inputs with sha256), what came out (files with sha256 and
 * rows), who built it and when, the generator options (demo) or the imports (real data), and
 * every total. `version` is the directory name in the store; `content_hash` is a hash of
 * everything the content depends on, so two builds of the same inputs share it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Manifest, PendingProvenance } from '../../schema';
import type { UnmappedCommune } from '../reference/types';
import { sha256OfFile } from '../../store/file-hash';
import { sha256Hex, type HashedInput } from '../sources/files';

export const PLANTED_CLUSTERS_POINTER = 'data/config/tip-clusters.json (documented in data/README.md#planted-tip-clusters)';

/** Hash of JSON-serialisable material, hex. */
export function contentHash(material: unknown): string {
  return sha256Hex(JSON.stringify(material));
}

export async function describeOutputs(dir: string, files: { file: string; rows?: number }[]): Promise<Manifest['outputs']> {
  const out: Manifest['outputs'] = [];
  for (const { file, rows } of files) {
    const absolute = path.join(dir, file);
    out.push({ file, sha256: await sha256OfFile(absolute), bytes: statSync(absolute).size, ...(rows === undefined ? {} : { rows }) });
  }
  return out;
}

/** What differs between a demo build and an import; the rest of the manifest is written the same way. */
export interface ManifestOrigin {
  synthetic: boolean;
  contentHash: string;
  builtBy: string;
  seed: number | null;
  scale: number | null;
  plantedClusters: string | null;
  /** Provenance of each register; an entry without a version is the import creating this one. */
  imports: PendingProvenance[];
}

export function buildManifest(parts: {
  version: string;
  origin: ManifestOrigin;
  inputs: HashedInput[];
  outputs: Manifest['outputs'];
  rows: Record<string, number>;
  period: Manifest['period'];
  totals: Record<string, number>;
  unmapped: UnmappedCommune[];
  codeVersion: string;
  builtAt: Date;
}): Manifest {
  const { origin } = parts;
  return {
    version: parts.version,
    content_hash: origin.contentHash,
    synthetic: origin.synthetic,
    built_at: parts.builtAt.toISOString(),
    built_by: origin.builtBy,
    code_version: parts.codeVersion,
    seed: origin.seed,
    scale: origin.scale,
    inputs: parts.inputs,
    outputs: parts.outputs,
    rows: parts.rows,
    period: parts.period,
    totals: parts.totals,
    unmapped_2025: parts.unmapped,
    planted_clusters: origin.plantedClusters,
    imports: origin.imports.map((entry) => ({ ...entry, version: entry.version ?? parts.version })),
  };
}
