/**
 * Precompresses the built web app once, at build time: beside every compressible file a `.br`
 * (brotli 11) and a `.gz` (gzip 9), which the server sends as they are (serveStatic's
 * `precompressed`). Compressing the 3 MB of JavaScript on each request cost 150–220 ms of server
 * CPU per cold page; at build time the best levels cost nothing per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What compresses: text, scripts, styles, SVG, JSON, uncompressed fonts (woff2 and PNG already are). */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|ttf|otf|map|wasm)$/;
/** Below 1 KiB the compressed file saves less than its headers cost. */
const MIN_BYTES = 1024;

const VARIANTS = [
  { extension: '.br', compress: (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) },
  { extension: '.gz', compress: (b: Buffer) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION }) },
] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const isCurrent = (variant: string, source: number) => {
  try {
    return statSync(variant).mtimeMs >= source;
  } catch {
    return false;
  }
};

/** Writes the missing or stale variants under `dir`; returns how many files it wrote. */
export function precompressDir(dir: string): number {
  let written = 0;
  for (const file of filesUnder(dir).filter((f) => COMPRESSIBLE.test(f))) {
    const { size, mtimeMs } = statSync(file);
    if (size < MIN_BYTES) continue;
    const missing = VARIANTS.filter((v) => !isCurrent(file + v.extension, mtimeMs));
    if (missing.length === 0) continue;
    const body = readFileSync(file);
    for (const variant of missing) {
      const compressed = variant.compress(body);
      // A variant that is not smaller would only cost a second file read.
      if (compressed.length >= body.length) continue;
      writeFileSync(file + variant.extension, compressed);
      written += 1;
    }
  }
  return written;
}
