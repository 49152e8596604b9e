/**
 * An uploaded file, streamed from the request to disk and never held whole in memory: written
 * to `<target>.part`, renamed when complete (a file under its name is always whole), and
 * refused beyond the size limit as soon as the limit is passed.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApiError, badRequest } from '../errors';

class TooLarge extends Error {}

export async function receiveFile(body: ReadableStream<Uint8Array> | null, target: string, maxBytes: number): Promise<number> {
  if (!body) throw badRequest('empty_upload', 'The request has no file: send the register as the request body.');
  const part = `${target}.part`;
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(part, { mode: 0o600 }));
  } catch (error) {
    await rm(part, { force: true });
    if (error instanceof TooLarge) {
      throw new ApiError(413, 'upload_too_large', `Files are limited to ${maxBytes / 1024 / 1024} MB; split the register or send it as XLSX.`, { max_bytes: maxBytes });
    }
    throw badRequest('upload_interrupted', 'The file did not arrive whole (the upload was interrupted); send it again.');
  }
  if (bytes === 0) {
    await rm(part, { force: true });
    throw badRequest('empty_upload', 'The file is empty: send the register as the request body.');
  }
  await rename(part, target);
  return bytes;
}
