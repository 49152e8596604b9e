/**
 * A finished file as a streamed response body, with text before and after it. The file is
 * unlinked as soon as it is open: the open handle keeps its bytes readable until the stream
 * ends or the client goes away, and nothing is left on disk either way.
 */
import { open, unlink } from 'node:fs/promises';

/** Read 1 MiB at a time: a 14 MB export in 14 reads, each a socket write the client drains. */
const READ_BYTES = 1024 * 1024;

export interface FileBody {
  body: ReadableStream<Uint8Array>;
  /** prefix + file + suffix, in bytes. */
  bytes: number;
}

export async function fileBody(file: string, prefix = '', suffix = ''): Promise<FileBody> {
  const handle = await open(file, 'r');
  let size: number;
  try {
    await unlink(file);
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
    },
    // Pulled only as fast as the client reads, so a slow download holds 1 MiB, not the file.
    async pull(controller) {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead > 0) {
        controller.enqueue(buffer.subarray(0, bytesRead));
        return;
      }
      if (tail.length > 0) controller.enqueue(tail);
      controller.close();
      await close();
    },
    cancel: close,
  });
  return { body, bytes: head.length + size + tail.length };
}
