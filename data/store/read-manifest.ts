/** Reads the manifest of an existing build; undefined when there is none or it is unreadable. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_FILES, type Manifest } from '../schema';

export function readManifest(dir: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, BUILD_FILES.manifest), 'utf8')) as Manifest;
    return typeof parsed.version === 'string' && Array.isArray(parsed.inputs) && Array.isArray(parsed.outputs) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
