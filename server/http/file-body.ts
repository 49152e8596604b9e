/**
 * A finished file as a streamed response body, with text before and after it. The file is
 * unlinked as soon as it is open: the open handle keeps its bytes readable until the stream
 * ends or the client goes away, and nothing is left on disk either way.
 */
import { open, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';

export interface FileBody {
  body: ReadableStream<Uint8Array>;
  /** prefix + file + suffix, in bytes. */
  bytes: number;
}

export async function fileBody(file: string, prefix = '', suffix = ''): Promise<FileBody> {
  const handle = await open(file, 'r');
  try {
    await unlink(file);
    const { size } = await handle.stat();
    const head = Buffer.from(prefix);
    const tail = Buffer.from(suffix);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        if (head.length > 0) yield head;
        for await (const chunk of handle.createReadStream({ autoClose: false })) yield chunk as Buffer;
        if (tail.length > 0) yield tail;
      } finally {
        await handle.close();
      }
    }
    return { body: Readable.toWeb(Readable.from(chunks(), { objectMode: false })) as ReadableStream<Uint8Array>, bytes: head.length + size + tail.length };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
