/**
 * The admin screens' API up to the import: uploading a register (XLSX, CSV; VN-2000), its
 * validation report (row, column, value, problem, fix), the rejected rows as XLSX and CSV, the
 * templates, cancelling, and what is refused — wrong media types, names, kinds and options,
 * empty and oversized bodies, other roles, missing CSRF tokens. Every upload, refusal,
 * download and cancellation is in the audit log. On a store of its own; nothing is imported.
 */
import '../../data/import/readers/exceljs-utf8';
import ExcelJS from 'exceljs';
import proj4 from 'proj4';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_UPLOAD_BYTES, REGISTER_MEDIA_TYPES } from '#contract';
import type { UploadResponse } from '#contract/api';
import { parseCrs } from '../../data/import/coordinates/crs';
import { PROBLEM_COLUMN } from '../../data/import/rejected-file';
import type { ApiClient } from '../support/api-client';
import { privateStore, removePrivateStores, SAMPLE_GROUPS, sendFile, settledUpload, uploadBody } from './support/admin-samples';
import { expectApiError } from './support/error-shape';
import { loginFrom, rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/test-server';

const XLSX = REGISTER_MEDIA_TYPES.xlsx;
const CSV = REGISTER_MEDIA_TYPES.csv;

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ dataDir: privateStore('admin-uploads') });
  admin = await server.session('admin');
});
afterAll(async () => {
  await server?.close();
  removePrivateStores();
});

const csvOf = (rows: (string | number)[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

async function upload(query: string, media: string, body: Buffer): Promise<UploadResponse> {
  const res = await sendFile(admin, `/api/admin/uploads?${query}`, media, body);
  const text = await res.text();
  expect(res.status, text).toBe(202);
  const accepted = JSON.parse(text) as UploadResponse;
  expect(res.headers.get('location')).toBe(`/api/admin/uploads/${accepted.id}`);
  return settledUpload(admin, accepted.id);
}

function auditEntries(): { user: string; action: string; status: number; params: Record<string, string> }[] {
  const file = path.join(server.stateDir, 'audit', 'audit.log');
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

describe('a workbook with one bad row', () => {
  let validated: UploadResponse;

  beforeAll(async () => {
    validated = await upload('kind=groups&filename=t%E1%BB%95-li%C3%AAn-gia.xlsx', XLSX, await uploadBody({ media: XLSX, rows: SAMPLE_GROUPS }));
  });

  it('is validated: two rows read, one valid, the bad one reported by row, column, value, problem and fix', () => {
    expect(validated).toMatchObject({ state: 'validated', kind: 'groups', format: 'xlsx', filename: 'tổ-liên-gia.xlsx', uploaded_by: 'demo-admin', error: null });
    expect(validated.progress).toEqual({ step: null, rows_read: 2 });
    const report = validated.report!;
    expect(report).toMatchObject({ rows: 2, valid: 1, rejected_rows: 1, file_problem: false, problems_total: 1, rejected_file: true, crs: 'EPSG:4326' });
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    expect(problem).toMatchObject({ row: 3, column: 'founded_on', value: '10/25/2022', code: 'DATE_MONTH_FIRST' });
    expect(problem!.problem.vi).toMatch(/tháng trước ngày/);
    expect(problem!.fix).toEqual({ vi: 'ghi ngày trước, tháng sau: 25/10/2022.', en: 'write the day first: 25/10/2022.' });
  });

  it('can be imported only without its rejected row', () => {
    expect(validated.can_import).toBe(false);
    expect(validated.can_import_valid).toBe(true);
  });

  it('offers the rejected row as XLSX: the original columns plus the problem', async () => {
    const res = await admin.get(`/api/admin/uploads/${validated.id}/rejected?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="to-lien-gia.rejected.xlsx"; filename*=UTF-8''${encodeURIComponent('tổ-liên-gia.rejected.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'commune', 'founded_on', 'households', PROBLEM_COLUMN]);
    expect(sheet.getRow(2).getCell(1).value).toBe('TLG-0002');
    expect(String(sheet.getRow(2).getCell(5).value)).toContain('[DATE_MONTH_FIRST] founded_on');
    expect(sheet.rowCount).toBe(2);
  });

  it('offers the rejected row as CSV (UTF-8 with BOM), the same row', async () => {
    const res = await admin.get(`/api/admin/uploads/${validated.id}/rejected?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(`\uFEFFid,commune,founded_on,households,${PROBLEM_COLUMN}`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^TLG-0002,ba hien,10\/25\/2022,18,"\[DATE_MONTH_FIRST\] founded_on: /);
  });

  it('is refused for an all-or-nothing import (409 rejected_rows), nothing queued', async () => {
    await expectApiError(await admin.send('POST', `/api/admin/uploads/${validated.id}/import`, { accept_valid: false }), 409, 'rejected_rows');
    expect((await admin.json<UploadResponse>(`/api/admin/uploads/${validated.id}`)).state).toBe('validated');
  });

  it('is listed among the uploads, and cancelled: 204, then gone with its files', async () => {
    const { uploads } = await admin.json<{ uploads: UploadResponse[] }>('/api/admin/uploads');
    expect(uploads.map((u) => u.id)).toContain(validated.id);
    const dir = path.join(server.stateDir, 'uploads', validated.id);
    expect(existsSync(dir)).toBe(true);
    const res = await admin.send('DELETE', `/api/admin/uploads/${validated.id}`);
    expect(res.status).toBe(204);
    await expectApiError(await admin.get(`/api/admin/uploads/${validated.id}`), 404, 'unknown_upload');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('other files', () => {
  it('a clean CSV can be imported whole; it has no rejected rows to download (404)', async () => {
    const done = await upload('kind=groups', CSV, csvOf([SAMPLE_GROUPS[0]!, SAMPLE_GROUPS[1]!]));
    expect(done).toMatchObject({ state: 'validated', filename: 'groups.csv', can_import: true, can_import_valid: true });
    expect(done.report).toMatchObject({ rows: 1, valid: 1, rejected_rows: 0, problems: [], rejected_file: false });
    await expectApiError(await admin.get(`/api/admin/uploads/${done.id}/rejected`), 404, 'no_rejected_rows');
  });

  it('a file without a required column is a problem of the whole file: nothing can be imported (409 nothing_to_import)', async () => {
    const done = await upload('kind=groups&filename=thieu-cot.csv', CSV, csvOf([['id', 'founded_on', 'households'], ['TLG-1', '15/03/2018', 20]]));
    expect(done.report).toMatchObject({ file_problem: true, valid: 0 });
    expect(done.report!.problems[0]).toMatchObject({ row: 1, code: 'COLUMN_MISSING' });
    expect(done).toMatchObject({ can_import: false, can_import_valid: false });
    await expectApiError(await admin.send('POST', `/api/admin/uploads/${done.id}/import`, { accept_valid: true }), 409, 'nothing_to_import');
  });

  it('VN-2000 with X the northing and Y the easting (the Vietnamese habit): the report says which column was read as the northing', async () => {
    const crs = parseCrs('vn2000');
    if (crs?.kind !== 'vn2000') throw new Error('no VN-2000');
    const dataset = server.running.holder.state.status === 'ready' ? server.running.holder.state.dataset : undefined;
    const baHien = dataset!.unitByCode.get('08944')!.centroid;
    const [easting, northing] = proj4('EPSG:4326', crs.proj4, baHien);
    const done = await upload('kind=groups&crs=vn2000', CSV, csvOf([['id', 'commune', 'founded_on', 'households', 'X', 'Y'], ['TLG-9', '08944', '15/03/2018', 20, northing!.toFixed(2), easting!.toFixed(2)]]));
    expect(done.report).toMatchObject({ valid: 1, rejected_rows: 0, crs: 'EPSG:5897', northing_read_from: { X: 1 } });
  });

  it('an upload cancelled while it waits or runs is stopped and forgotten', async () => {
    const res = await sendFile(admin, '/api/admin/uploads?kind=groups', CSV, csvOf(SAMPLE_GROUPS));
    const { id } = (await res.json()) as UploadResponse;
    expect((await admin.send('DELETE', `/api/admin/uploads/${id}`)).status).toBe(204);
    await expectApiError(await admin.get(`/api/admin/uploads/${id}`), 404, 'unknown_upload');
    expect(existsSync(path.join(server.stateDir, 'uploads', id))).toBe(false);
  });
});

describe('refused uploads (4xx in the error shape, nothing kept)', () => {
  const body = csvOf(SAMPLE_GROUPS);
  const cases: { label: string; query: string; media: string; content?: Buffer; status: number; code: string }[] = [
    { label: 'JSON instead of a register', query: 'kind=groups', media: 'application/json', status: 415, code: 'unsupported_media_type' },
    { label: 'a file of unknown type', query: 'kind=groups', media: 'application/octet-stream', status: 415, code: 'unsupported_media_type' },
    { label: 'a name that is not a CSV file', query: 'kind=groups&filename=to-lien-gia.xlsx', media: CSV, status: 415, code: 'media_type_mismatch' },
    { label: 'an unknown kind', query: 'kind=villages', media: CSV, status: 400, code: 'unknown_value' },
    { label: 'no kind', query: 'filename=a.csv', media: CSV, status: 400, code: 'unknown_value' },
    { label: 'an unknown coordinate system', query: 'kind=groups&crs=EPSG:3857', media: CSV, status: 400, code: 'unknown_value' },
    { label: 'a sheet of a CSV file', query: 'kind=groups&sheet=Sheet1', media: CSV, status: 400, code: 'sheet_needs_xlsx' },
    { label: 'an unknown parameter', query: 'kind=groups&dry_run=true', media: CSV, status: 400, code: 'unknown_parameter' },
    { label: 'an empty file', query: 'kind=groups', media: CSV, content: Buffer.alloc(0), status: 400, code: 'empty_upload' },
  ];

  it.each(cases)('$label → $status $code', async ({ query, media, content, status, code }) => {
    await expectApiError(await sendFile(admin, `/api/admin/uploads?${query}`, media, content ?? body), status, code);
  });

  it(`a file over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, streamed, → 413 upload_too_large as soon as the limit is passed; no part is left on disk`, async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await admin.get('/api/admin/uploads?kind=groups', { method: 'POST', body: stream, headers: { 'content-type': CSV }, duplex: 'half' } as RequestInit);
    await expectApiError(res, 413, 'upload_too_large');
    expect(res.headers.get('connection')).toBe('close');
    const left = existsSync(path.join(server.stateDir, 'uploads')) ? readdirSync(path.join(server.stateDir, 'uploads')) : [];
    const { uploads } = await admin.json<{ uploads: UploadResponse[] }>('/api/admin/uploads');
    expect(left.filter((id) => !uploads.some((u) => u.id === id))).toEqual([]);
  });

  it('as a viewer or an analyst → 403; without a session → 401', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      await expectApiError(await sendFile(await server.session(role), '/api/admin/uploads?kind=groups', CSV, body), 403, 'forbidden');
    }
    await expectApiError(await sendFile(server.anonymous(), '/api/admin/uploads?kind=groups', CSV, body), 401);
  });

  it('without the CSRF token → 403 csrf_failed (upload, import, cancel, activation)', async () => {
    const login = await loginFrom(server.url, '127.0.9.1', { username: 'demo-admin', password: inject('demoPassword') });
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    const withoutToken = (method: string, pathname: string, headers: Record<string, string> = {}, body?: string | Buffer) =>
      rawRequest(`${server.url}${pathname}`, { method, headers: { cookie, ...headers }, ...(body === undefined ? {} : { body }) });
    const answers = [
      await withoutToken('POST', '/api/admin/uploads?kind=groups', { 'content-type': CSV }, body),
      await withoutToken('POST', '/api/admin/uploads/0123456789abcdef/import', { 'content-type': 'application/json' }, '{"accept_valid":true}'),
      await withoutToken('DELETE', '/api/admin/uploads/0123456789abcdef'),
      await withoutToken('POST', '/api/admin/versions/20261201T223512Z-1a2b3c4d/activate'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body.toString()).error.code).toBe('csrf_failed');
    }
  });
});

describe('templates', () => {
  it('XLSX: Vietnamese headings, an example row, drop-down lists from the sheet "Danh mục"', async () => {
    const res = await admin.get('/api/admin/templates/groups');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain('filename="mau-to-lien-gia.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã tổ liên gia');
    expect(sheet.getRow(2).getCell(1).value).not.toBeNull();
    expect(workbook.getWorksheet('Danh mục')).toBeDefined();
    const validated = [...Array(sheet.columnCount).keys()].map((i) => sheet.getCell(3, i + 1).dataValidation).filter((v) => v?.type === 'list');
    expect(validated.length).toBeGreaterThanOrEqual(3);
  });

  it('CSV: UTF-8 with BOM, the Vietnamese headings and the example row', async () => {
    const res = await admin.get('/api/admin/templates/events?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFMã kết quả,/);
    expect(lines).toHaveLength(2);
  });

  it('a template that is not a register → 400', async () => {
    await expectApiError(await admin.get('/api/admin/templates/villages'), 400, 'unknown_value');
  });
});

describe('the audit log', () => {
  it('holds every upload (accepted and refused), validation outcome, download and cancellation, with who and what', () => {
    const entries = auditEntries();
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['import.upload', 'import.upload_refused', 'import.upload_rejected', 'import.validated', 'import.rejected_rows', 'import.commit_refused', 'import.cancel', 'template.download', 'template.download_refused']) {
      expect(actions, action).toContain(action);
    }
    const refused = entries.filter((e) => e.action === 'import.upload_refused');
    expect(new Set(refused.map((e) => e.status))).toEqual(new Set([400, 413, 415]));
    expect(refused.every((e) => e.user === 'demo-admin')).toBe(true);
    const rejected = entries.find((e) => e.action === 'import.upload_rejected')!;
    expect(rejected.params).toMatchObject({ kind: 'groups', filename: 'tổ-liên-gia.xlsx', rows: '2', valid: '1', rejected_rows: '1' });
    expect(entries.find((e) => e.action === 'template.download')!.params).toMatchObject({ kind: 'groups' });
  });
});
