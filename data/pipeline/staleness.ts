/**
 * Whether an existing demo version can be reused: it is stale when the manifest is missing, an
 * input's sha256 changed, the code version changed, the seed or scale differ, or an output
 * file is missing or has another size.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../schema';
import { codeVersion } from './output/code-version';
import { readManifest } from '../store/read-manifest';
import { hashInputs } from './sources/files';

export type Freshness = { fresh: true; manifest: Manifest } | { fresh: false; reason: string };

export function checkFreshness(dir: string, seed: number, scale: number): Freshness {
  const manifest = readManifest(dir);
  if (!manifest) return { fresh: false, reason: `no data set in ${dir} yet` };
  if (manifest.seed !== seed) return { fresh: false, reason: `it was built with seed ${manifest.seed}, seed ${seed} was asked for` };
  if (manifest.scale !== scale) return { fresh: false, reason: `it was built at scale ${manifest.scale}, scale ${scale} was asked for` };
  if (manifest.code_version !== codeVersion()) return { fresh: false, reason: 'the pipeline code or its configs changed since it was built' };
  const built = new Map(manifest.inputs.map((i) => [i.file, i.sha256]));
  for (const input of hashInputs()) {
    if (built.get(input.file) !== input.sha256) return { fresh: false, reason: `input ${input.file} changed since it was built` };
  }
  for (const output of manifest.outputs) {
    const size = statSync(path.join(dir, output.file), { throwIfNoEntry: false })?.size;
    if (size !== output.bytes) return { fresh: false, reason: `output ${output.file} is ${size === undefined ? 'missing' : 'altered'}` };
  }
  return { fresh: true, manifest };
}
