/**
 * What the admin endpoints need before they can be called: a store of the test server's own (an
 * activation or import must never touch the store other test files read), the upload body of a
 * declaration's example, and — for the routes that name an upload or a version — a real upload,
 * validated, and the active version. The access matrix and the OpenAPI contract test use these.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { REGISTER_MEDIA_TYPES } from '#contract';
import type { OperationId, RequestExample, UploadResponse, VersionResponse } from '#contract/api';
import { ACTIVE_FILE, versionDir } from '../../../data/store/layout';
import { readActiveVersion } from '../../../data/store/active';
import { writeXlsx, type Cell } from '../../import/fixtures/write-files';
import type { ApiClient } from '../../support/api-client';

/** A validation is a child process that reads the reference layer: seconds, more on a loaded machine. */
const VALIDATION_TIMEOUT_MS = 120_000;
const POLL_MS = 250;

const copies: string[] = [];

/** A copy of the shared store's active version, as a store of its own (removed by removePrivateStores). */
export function privateStore(label: string): string {
  const shared = inject('dataDir');
  const version = readActiveVersion(shared);
  if (!version) throw new Error(`the test store ${shared} has no active version`);
  const root = mkdtempSync(path.join(os.tmpdir(), `tlg-${label}-store-`));
  copies.push(root);
  const store = path.join(root, 'store');
  cpSync(versionDir(shared, version), versionDir(store, version), { recursive: true });
  writeFileSync(path.join(store, ACTIVE_FILE), `${version}\n`);
  return store;
}

/** For afterAll, once the server on the store is closed. */
export function removePrivateStores(): void {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The bytes of an example upload: its sheet of cells as XLSX (sheet "Sheet1") or as CSV. */
export async function uploadBody(upload: NonNullable<RequestExample['upload']>): Promise<Buffer> {
  const [headings = [], ...rows] = upload.rows.map((row) => row.map((cell) => cell as Cell));
  if (upload.media === REGISTER_MEDIA_TYPES.xlsx) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tlg-upload-'));
    const file = path.join(dir, 'upload.xlsx');
    await writeXlsx(file, headings.map(String), rows);
    const bytes = readFileSync(file);
    rmSync(dir, { recursive: true, force: true });
    return bytes;
  }
  return Buffer.from(`${[headings, ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`);
}

/** POSTs a file as the raw body of `pathAndQuery`. */
export function sendFile(client: ApiClient, pathAndQuery: string, media: string, body: Buffer): Promise<Response> {
  return client.get(pathAndQuery, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': media } });
}

/** Polls an upload until it leaves the queue and the running states. */
export async function settledUpload(client: ApiClient, id: string): Promise<UploadResponse> {
  const deadline = Date.now() + VALIDATION_TIMEOUT_MS;
  for (;;) {
    const upload = await client.json<UploadResponse>(`/api/admin/uploads/${id}`);
    if (!['queued', 'validating', 'importing'].includes(upload.state)) return upload;
    if (Date.now() > deadline) throw new Error(`upload ${id} still ${upload.state} after ${VALIDATION_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Groups with one bad row (row 3: a month-first date): valid rows to import, a rejected row to download. */
export const SAMPLE_GROUPS: (string | number)[][] = [
  ['id', 'commune', 'founded_on', 'households'],
  ['TLG-0001', 'Bá Hiến', '15/03/2018', 20],
  ['TLG-0002', 'ba hien', '10/25/2022', 18],
];

/** Path parameters of the admin routes that name things that must exist: one validated upload, the active version. */
export async function prepareAdminSamples(admin: ApiClient): Promise<Partial<Record<OperationId, Record<string, string>>>> {
  const res = await sendFile(admin, '/api/admin/uploads?kind=groups&filename=mau.xlsx', REGISTER_MEDIA_TYPES.xlsx, await uploadBody({ media: REGISTER_MEDIA_TYPES.xlsx, rows: SAMPLE_GROUPS }));
  if (res.status !== 202) throw new Error(`sample upload refused: ${res.status} ${await res.text()}`);
  const upload = await settledUpload(admin, ((await res.json()) as UploadResponse).id);
  if (upload.state !== 'validated') throw new Error(`sample upload ${upload.state}: ${JSON.stringify(upload.error)}`);
  const { versions } = await admin.json<{ versions: VersionResponse[] }>('/api/admin/versions');
  const active = versions.find((v) => v.active)!.version;
  const id = { id: upload.id };
  return { getUpload: id, getRejectedRows: id, importUpload: id, cancelUpload: id, activateVersion: { version: active } };
}
