/**
 * Real-data mode through the admin API: small registers imported into a store of its own by a
 * real (non-demo) administrator; then /api/summary equals the imported counts with
 * `synthetic: false` everywhere and carries the published figures beside them; the demo
 * accounts are refused (and their open sessions ended); activating the demo version again
 * brings them back. The import's answers are checked against the OpenAPI document too (the
 * route-walking contract test cannot import: it runs as the demo accounts).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REGISTER_MEDIA_TYPES } from '#contract';
import type { ConfigResponse, HealthResponse, SummaryResponse, UploadResponse, VersionResponse } from '#contract/api';
import { sessionClient, type ApiClient } from '../support/api-client';
import { privateStore, removePrivateStores, sendFile, settledUpload } from './support/admin-samples';
import { expectApiError } from './support/error-shape';
import { loginFrom } from './support/raw-http';
import { API_ROUTES } from './support/routes';
import { startTestServer, type TestServer } from './support/test-server';

const CSV = REGISTER_MEDIA_TYPES.csv;
const REAL_ADMIN = { username: 'canbo.pv05', password: 'mật khẩu đủ dài của cán bộ' };
const DOCUMENT_ID = 'https://tlg-atlas.invalid/openapi.json';
/** A validation and an import are two importer processes, each reading the reference layer: a minute or more on a loaded machine. */
const IMPORT_TIMEOUT_MS = 300_000;

let server: TestServer;
let demoAdmin: ApiClient;
let admin: ApiClient;
let demoVersion: string;
const validate = new Ajv2020({ strict: false, allErrors: true });
addFormats(validate);
let uploadSchema: object;

const csvOf = (rows: (string | number)[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

/** Groups in three communes, founded 2017–2021 inside the programme period, and one bad row. */
const GROUPS = [
  ['id', 'commune', 'district', 'area_class', 'ethnic_minority', 'religious', 'founded_on', 'households'],
  ['TLG-A1', 'Bá Hiến', 'Bình Xuyên', 'nông thôn', 'không', 'có', '15/03/2017', 20],
  ['TLG-A2', 'Xã Bá Hiến', '', 'rural', '', 'x', '02/01/2019', 25],
  ['TLG-B1', '08707', '', 'đô thị', '', '', '2020-06-30', 15],
  ['TLG-C1', 'Đạo Trù', '', '', 'có', '', '11/11/2021', 30],
  ['TLG-X9', 'Không Có Xã Này', '', '', '', '', '11/11/2021', 30],
];
const MODELS = [
  ['id', 'name', 'setting', 'commune', 'founded_on'],
  ['MH-1', 'Trường THCS Bá Hiến', 'nhà trường', 'Bá Hiến', '01/09/2019'],
  ['MH-2', 'Công an xã Đạo Trù', 'cơ quan', 'Đạo Trù', '20/05/2021'],
];
const TIPS = [
  ['id', 'date', 'commune', 'group_id', 'category'],
  ['NT-1', '10/04/2018', 'Bá Hiến', 'TLG-A1', 'Ma túy'],
  ['NT-2', '05/08/2020', 'Bá Hiến', 'TLG-A2', 'gambling'],
  ['NT-3', '07/07/2021', '08707', 'TLG-B1', 'Khác'],
];

async function login(credentials: { username: string; password: string }, address: string) {
  return loginFrom(server.url, address, credentials);
}

async function upload(kind: string, rows: (string | number)[][]): Promise<UploadResponse> {
  const res = await sendFile(admin, `/api/admin/uploads?kind=${kind}&filename=${kind}.csv`, CSV, csvOf(rows));
  expect(res.status).toBe(202);
  return settledUpload(admin, ((await res.json()) as UploadResponse).id);
}

/** Imports an upload and waits until its version is served; the answers must match the declared schema. */
async function importUpload(id: string, acceptValid: boolean): Promise<UploadResponse> {
  const res = await admin.send('POST', `/api/admin/uploads/${id}/import`, { accept_valid: acceptValid });
  const accepted = await res.json();
  expect(res.status, JSON.stringify(accepted)).toBe(202);
  expect(validate.validate(uploadSchema, accepted), JSON.stringify(validate.errors)).toBe(true);
  const done = await settledUpload(admin, id);
  expect(validate.validate(uploadSchema, done), JSON.stringify(validate.errors)).toBe(true);
  expect(done.state, JSON.stringify(done.error)).toBe('imported');
  await expect.poll(async () => (await health()).dataset.version, { timeout: 10_000 }).toBe(done.imported!.dataset_version);
  return done;
}

const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;

beforeAll(async () => {
  server = await startTestServer({ dataDir: privateStore('admin-import') });
  demoAdmin = await server.session('admin');
  demoVersion = (await health()).dataset.version;
  expect((await demoAdmin.send('POST', '/api/users', { ...REAL_ADMIN, role: 'admin' })).status).toBe(201);
  const res = await login(REAL_ADMIN, '127.0.8.1');
  expect(res.status).toBe(204);
  admin = await sessionClient(server.url, 'admin', String(res.headers['set-cookie']?.[0]).split(';')[0]!);
  const document = await admin.json<{ components: object; paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>> }>('/api/openapi.json');
  validate.addSchema({ $id: DOCUMENT_ID, components: document.components });
  const declared = document.paths['/api/admin/uploads/{id}/import']!.post!.responses['202']!.content['application/json']!.schema;
  uploadSchema = JSON.parse(JSON.stringify(declared).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as object;
});
afterAll(async () => {
  await server?.close();
  removePrivateStores();
});

describe('importing real registers', () => {
  let groups: UploadResponse;

  it('groups: the valid rows are imported, the unknown commune rejected; a new real version is served', { timeout: IMPORT_TIMEOUT_MS }, async () => {
    const validated = await upload('groups', GROUPS);
    expect(validated.report).toMatchObject({ rows: 5, valid: 4, rejected_rows: 1 });
    expect(validated.report!.problems[0]).toMatchObject({ row: 6, column: 'commune', code: 'COMMUNE_UNKNOWN' });
    groups = await importUpload(validated.id, true);
    expect(groups.imported).toMatchObject({ accepted: 4, rejected_rows: 1 });
    expect(groups.report!.rejected_file).toBe(true);
    expect(await health()).toEqual({ status: 'ok', dataset: { version: groups.imported!.dataset_version, synthetic: false } });
  });

  it('the demo accounts are refused from then on, and the demo session opened before is over', async () => {
    for (const [i, username] of ['demo-viewer', 'demo-analyst', 'demo-admin'].entries()) {
      const res = await login({ username, password: inject('demoPassword') }, `127.0.8.${10 + i}`);
      expect(res.status, username).toBe(401);
    }
    await expectApiError(await demoAdmin.get('/api/summary'), 401);
  });

  it('models follow, all-or-nothing', { timeout: IMPORT_TIMEOUT_MS }, async () => {
    const models = await importUpload((await upload('models', MODELS)).id, false);
    expect(models.imported).toMatchObject({ accepted: 2, rejected_rows: 0 });
  });

  it('tips follow; they name the imported groups', { timeout: IMPORT_TIMEOUT_MS }, async () => {
    const tips = await importUpload((await upload('tips', TIPS)).id, false);
    expect(tips.imported).toMatchObject({ accepted: 3, rejected_rows: 0 });
  });

  it('/api/summary equals the imported counts, synthetic false', async () => {
    const summary = await admin.json<SummaryResponse>('/api/summary');
    expect(summary.synthetic).toBe(false);
    expect(summary.period).toEqual({ from: '2017-03-15', to: '2021-11-11' });
    expect(summary.to_lien_gia).toMatchObject({ total_active: 4, rural: 2, urban: 1, unclassified: 1, ethnic_minority_areas: 1, religious_areas: 2, households_in_groups: 90 });
    expect(summary.bon_an_toan).toMatchObject({ total: 2, by_setting: { school: 1, agency: 1, enterprise: 0, hospital: 0 } });
    expect(summary.outcomes.security_tips_provided).toBe(3);
  });

  it('carries each published figure beside the imported one and the difference, never forced equal', async () => {
    const { published } = await admin.json<SummaryResponse>('/api/summary?district=249');
    expect(published!.to_lien_gia.period).toEqual({ from: '2017-01-01', to: '2022-10-25' });
    expect(published!.to_lien_gia.figures.total_active).toEqual({ published: 10762, qualifier: null, imported: 4, difference: 4 - 10762 });
    expect(published!.to_lien_gia.figures.urban).toEqual({ published: 1530, qualifier: null, imported: 1, difference: 1 - 1530 });
    expect(published!.bon_an_toan).toEqual({ period: { from: '2019-01-01', to: '2022-10-25' }, figures: { total: { published: 1076, qualifier: null, imported: 2, difference: 2 - 1076 } } });
    expect(published!.outcomes.figures.security_tips_provided).toEqual({ published: 6000, qualifier: 'more_than', imported: 3, difference: 3 - 6000 });
    expect(published!.outcomes.figures.guns_surrendered).toEqual({ published: 21, qualifier: null, imported: 0, difference: -21 });
  });

  it('every response of every GET route that says whether the data are simulated says false', async () => {
    const checked: string[] = [];
    for (const route of API_ROUTES.filter((r) => r.method === 'GET')) {
      const res = await admin.get(route.sample(0).path);
      if (!res.ok) continue;
      const synthetic = res.headers.get('x-synthetic');
      const body = /json/.test(res.headers.get('content-type') ?? '') ? ((await res.json()) as Record<string, unknown>) : null;
      const flags = [synthetic === null ? [] : [synthetic === 'true'], body && 'synthetic' in body ? [body.synthetic] : [], body && 'dataset' in body ? [(body.dataset as { synthetic?: boolean }).synthetic] : []].flat();
      if (flags.length === 0) continue;
      checked.push(route.pattern);
      expect(flags, route.pattern).toEqual(flags.map(() => false));
    }
    expect(checked).toEqual(expect.arrayContaining(['/api/health', '/api/config', '/api/summary', '/api/choropleth', '/api/timeseries', '/api/grid', '/api/points']));
    const config = await admin.json<ConfigResponse>('/api/config');
    expect(config).toMatchObject({ demo: false, synthetic: false });
  });

  it('the versions list says who imported what, with the counts, and which version is active and served', async () => {
    const { versions } = await admin.json<{ versions: VersionResponse[] }>('/api/admin/versions');
    const active = versions.filter((v) => v.active);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ served: true, synthetic: false, built_by: 'canbo.pv05', rows: expect.objectContaining({ groups: 4, models: 2, tips: 3 }) });
    expect(active[0]!.imports.map((i) => [i.kind, i.file, i.accepted, i.rejected, i.imported_by])).toEqual([
      ['groups', 'groups.csv', 4, 1, 'canbo.pv05'],
      ['models', 'models.csv', 2, 0, 'canbo.pv05'],
      ['tips', 'tips.csv', 3, 0, 'canbo.pv05'],
    ]);
    expect(versions.find((v) => v.version === demoVersion)).toMatchObject({ active: false, served: false, synthetic: true });
  });
});

describe('back to the demo version', () => {
  it('activating it answers once it is served; the demo accounts work again and the summary has no published block', async () => {
    const res = await admin.send('POST', `/api/admin/versions/${demoVersion}/activate`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: demoVersion, active: true, served: true, synthetic: true, last_activated: { by: 'canbo.pv05', reason: 'activate' } });
    expect((await health()).dataset).toEqual({ version: demoVersion, synthetic: true });
    await expect.poll(async () => (await login({ username: 'demo-viewer', password: inject('demoPassword') }, '127.0.8.20')).status, { timeout: 5_000 }).toBe(204);
    const summary = await admin.json<SummaryResponse>('/api/summary');
    expect(summary).toMatchObject({ synthetic: true, published: null, to_lien_gia: { total_active: 10762 } });
  });

  it('an unknown version → 404 unknown_version; a malformed one → 400', async () => {
    await expectApiError(await admin.send('POST', '/api/admin/versions/20200101T000000Z-0badc0de/activate'), 404, 'unknown_version');
    await expectApiError(await admin.send('POST', '/api/admin/versions/latest/activate'), 400, 'invalid_parameter');
  });

  it('the audit log holds each import asked for and completed, and the activation, by the real administrator', async () => {
    const { readFileSync } = await import('node:fs');
    const entries = readFileSync(`${server.stateDir}/audit/audit.log`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user: string; action: string; params: Record<string, string> });
    const by = (action: string) => entries.filter((e) => e.action === action && e.user === REAL_ADMIN.username);
    expect(by('import.commit')).toHaveLength(3);
    expect(by('import.completed').map((e) => e.params.kind)).toEqual(['groups', 'models', 'tips']);
    expect(by('version.activate').map((e) => e.params.version)).toEqual([demoVersion]);
  });
});
