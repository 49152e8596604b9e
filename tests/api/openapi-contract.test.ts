/**
 * The served OpenAPI document is what GIS and BI clients are generated from: it must be valid
 * OpenAPI 3.1, and the API must answer as it says. Every operation is called with every
 * parameter it documents (each enumerated value in turn) and every answer is validated
 * against the schema the document declares for its status and media type.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, type EndpointSpec, type OperationId } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { prepareAdminSamples, privateStore, removePrivateStores, sendFile, uploadBody } from './support/admin-samples';
import { SWITCHES_TO_REAL_DATA } from './support/routes';
import { startTestServer, type TestServer } from './support/test-server';

interface ParameterDoc {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: { type?: string; format?: string; enum?: string[]; default?: unknown; minimum?: number; examples?: unknown[] };
}
interface OperationDoc {
  operationId: string;
  'x-role': string;
  parameters: ParameterDoc[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, object> };
}

const DOCUMENT_ID = 'https://tlg-atlas.invalid/openapi.json';

let server: TestServer;
let document: OpenApiDoc;
let admin: ApiClient;
let period: { from: string; to: string };
/** Path parameters naming an upload and a version that exist. */
let existing: Awaited<ReturnType<typeof prepareAdminSamples>>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  // A store of its own: activateVersion is called.
  server = await startTestServer({ dataDir: privateStore('openapi-contract') });
  admin = await server.session('admin');
  existing = await prepareAdminSamples(admin);
  document = await admin.json<OpenApiDoc>('/api/openapi.json');
  period = (await admin.json<{ period: { from: string; to: string } }>('/api/config')).period;
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
});
afterAll(async () => {
  await server?.close();
  removePrivateStores();
});

/** A valid value of a documented parameter, picked from its schema alone. */
function validValue(parameter: ParameterDoc, spec: EndpointSpec): string {
  const example = { ...spec.example.params, ...existing[spec.operationId as keyof typeof existing], ...spec.example.query }[parameter.name];
  if (example !== undefined) return example;
  const { schema } = parameter;
  if (parameter.name === 'from') return period.from;
  if (parameter.name === 'to') return period.to;
  if (schema.default !== undefined) return String(schema.default);
  if (schema.enum) return schema.enum[0]!;
  if (schema.examples?.[0] !== undefined) return String(schema.examples[0]);
  if (schema.type === 'number') return '0.5';
  if (schema.type === 'integer') return String(schema.minimum ?? 1);
  if (schema.type === 'boolean') return 'false';
  throw new Error(`no valid value for ${spec.operationId} ${parameter.name}`);
}

function requestPath(spec: EndpointSpec, values: Record<string, string>, operation: OperationDoc): string {
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
  const query = new URLSearchParams(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, values[p.name]!]));
  return query.size > 0 ? `${path}?${query}` : path;
}

/** Errors of `body` against the schema the document declares for this status and media type. */
function violations(operation: OperationDoc, status: number, mediaType: string, body: unknown): string[] {
  const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!declared) return [`status ${status} is not documented`];
  const media = declared.content?.[mediaType.split(';')[0]!.trim()];
  if (!media) return [`media type ${mediaType} is not documented for ${status}`];
  const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as object;
  const validate = ajv.compile(schema);
  return validate(body) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

async function call(spec: EndpointSpec, path: string): Promise<{ status: number; mediaType: string; body: unknown }> {
  const { upload } = spec.example;
  const res = upload
    ? await sendFile(admin, path, upload.media, await uploadBody(upload))
    : spec.method === 'get'
      ? await admin.get(path)
      : await admin.send(spec.method.toUpperCase(), path, spec.example.body);
  const mediaType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const isJson = /json/.test(mediaType);
  return { status: res.status, mediaType, body: isJson && text ? JSON.parse(text) : text };
}

const operations = (Object.values(ENDPOINTS) as EndpointSpec[]).filter(
  (spec) => spec.method !== 'delete' && spec.operationId !== 'login' && !SWITCHES_TO_REAL_DATA.has(spec.operationId as OperationId),
);

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every declared endpoint, with the role it declares', () => {
    for (const spec of Object.values(ENDPOINTS) as EndpointSpec[]) {
      expect(document.paths[spec.path]?.[spec.method]?.['x-role'], `${spec.method} ${spec.path}`).toBe(spec.access);
    }
  });
});

describe('every operation, every documented parameter', () => {
  it.each(operations.map((spec) => ({ spec, label: `${spec.method.toUpperCase()} ${spec.path}` })))(
    '$label: with all its parameters and each enumerated value → answers that match the declared schemas',
    async ({ spec }) => {
      const operation = document.paths[spec.path]![spec.method]!;
      const base = Object.fromEntries(operation.parameters.map((p) => [p.name, validValue(p, spec)]));
      const full = await call(spec, requestPath(spec, base, operation));
      expect(full.status, JSON.stringify(full.body).slice(0, 300)).toBeLessThan(300);
      expect(violations(operation, full.status, full.mediaType, full.body)).toEqual([]);

      for (const parameter of operation.parameters.filter((p) => p.schema.enum || p.schema.type === 'boolean')) {
        for (const value of parameter.schema.enum ?? ['true', 'false']) {
          const answer = await call(spec, requestPath(spec, { ...base, [parameter.name]: value }, operation));
          // Some combinations are refused by design (e.g. H3 hot spots of rates): then as a documented error.
          expect(answer.status, `${parameter.name}=${value}`).toBeLessThan(500);
          expect(violations(operation, answer.status, answer.mediaType, answer.body), `${parameter.name}=${value}`).toEqual([]);
        }
      }
    },
  );
});
