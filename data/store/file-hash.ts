/** sha256 of a file, streamed (tlg.duckdb is large at benchmark scales): written into manifests, checked before serving. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
