/**
 * Version ids sort by creation time: `20261201T223000Z-demo-1a2b3c4d` for demo builds,
 * `20261201T223512Z-1a2b3c4d` for imports (UTC second, then 8 hex digits of the content
 * hash). The id is the directory name under versions/ and the server's data version (ETag).
 */

const VERSION_ID = /^(\d{8}T\d{6}Z)-(demo-)?([0-9a-f]{8})$/;
export const CONTENT_HASH_LENGTH = 8;

export type VersionKind = 'demo' | 'import';

export function newVersionId(kind: VersionKind, contentHash: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${kind === 'demo' ? 'demo-' : ''}${contentHash.slice(0, CONTENT_HASH_LENGTH)}`;
}

export function isVersionId(text: string): boolean {
  return VERSION_ID.test(text);
}
