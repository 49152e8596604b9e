/**
 * /api/openapi.json, generated from the endpoint declarations in contract/api: every parameter
 * with its schema, every request and response body, the role of each operation. zod's own
 * JSON Schema output is draft 2020-12, the dialect of OpenAPI 3.1, so schemas go in unchanged;
 * named schemas (meta `id`) become components.
 */
import { z } from 'zod';
import { ENDPOINTS, type EndpointSpec, type OpenApiParameterMeta, type ResponseSpec } from '#contract/api';

type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = (id: string) => `#/components/schemas/${id}`;

/** Parameters travel as strings: show the schema a client should think in (integer, boolean, date). */
function parameterOverride(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const meta = z.globalRegistry.get(ctx.zodSchema as z.ZodType) as Partial<OpenApiParameterMeta> | undefined;
  if (!meta?.openapi) return;
  const { description } = ctx.jsonSchema;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, meta.openapi, description === undefined ? {} : { description });
  delete ctx.jsonSchema.openapi;
}

function removeOpenApiMeta(ctx: { jsonSchema: JsonSchema }): void {
  delete ctx.jsonSchema.openapi;
}

/** A request or response schema: a $ref when it is a named component, else inline. */
function bodySchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (id) return { $ref: COMPONENT_REF(id) };
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: removeOpenApiMeta }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(spec: EndpointSpec) {
  const place = (schema: z.ZodObject | undefined, location: 'query' | 'path') => {
    if (!schema) return [];
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: parameterOverride }) as JsonSchema & {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: location,
        required: location === 'path' || (json.required ?? []).includes(name),
        ...(description === undefined ? {} : { description }),
        schema: rest,
      };
    });
  };
  return [...place(spec.params, 'path'), ...place(spec.query, 'query')];
}

function responseOf(response: ResponseSpec) {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (response.json) content['application/json'] = { schema: bodySchema(response.json, 'output') };
  for (const [media, raw] of Object.entries(response.media ?? {})) {
    content[media] = {
      schema: raw.schema
        ? bodySchema(raw.schema, 'output')
        : raw.kind === 'binary'
          ? { type: 'string', contentMediaType: media }
          : { type: 'string', ...(raw.description ? { description: raw.description } : {}) },
    };
  }
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, header]) => [name, { description: header.description, schema: bodySchema(header.schema, 'output') }]),
  );
  return {
    description: response.description,
    ...(Object.keys(content).length > 0 ? { content } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: COMPONENT_REF('Error') } } } });

function operationOf(spec: EndpointSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = status === '413' || !response ? errorResponse(response?.description ?? 'Too large.') : responseOf(response);
  }
  for (const [status, description] of Object.entries(spec.errors ?? {})) responses[status] = errorResponse(description);
  responses['400'] = errorResponse('Invalid input: unknown, repeated or malformed parameters, or a body that does not match.');
  if (spec.access !== 'public') responses['401'] = errorResponse('Not logged in.');
  if (spec.access !== 'public' && spec.access !== 'viewer') responses['403'] = errorResponse(`Needs the ${spec.access} role.`);
  if (spec.access === 'public' && spec.body) {
    responses['403'] = errorResponse('Sent from a page of another origin (login CSRF): only our own origin and TLG_CORS_ORIGINS may log in.');
    responses['415'] = errorResponse('The body is not application/json.');
  }
  responses['429'] = errorResponse('Too many requests; see Retry-After.');
  // Data answers and changes wait for their audit entry; without one they are not given.
  if (spec.dataset || spec.method !== 'get') {
    responses['503'] = errorResponse('The data set is being prepared or could not be loaded, or the audit log cannot be written (audit_unavailable); see Retry-After.');
  }
  const body = spec.body;
  const upload = spec.upload
    ? {
        requestBody: {
          required: true,
          description: `The file as is, at most ${spec.upload.maxBytes / 1024 / 1024} MB.`,
          content: Object.fromEntries(
            Object.entries(spec.upload.media).map(([media, raw]) => [media, { schema: { type: 'string', contentMediaType: media, ...(raw.description ? { description: raw.description } : {}) } }]),
          ),
        },
      }
    : {};
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: `${spec.description}\n\nRole: ${spec.access}.`,
    tags: [...spec.tags],
    'x-role': spec.access,
    ...(spec.access === 'public' ? { security: [] } : {}),
    parameters: parametersOf(spec),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(body, 'input') } } } } : {}),
    ...upload,
    responses,
  };
}

/** Every named schema (meta `id`) the declarations use, as OpenAPI components. */
function components(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', uri: COMPONENT_REF, override: removeOpenApiMeta }) as {
    schemas: Record<string, JsonSchema>;
  };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

function buildDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of Object.values(ENDPOINTS) as EndpointSpec[]) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: operationOf(spec) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'TLG Atlas API',
      version,
      description:
        'Tổ liên gia tự quản and "4 an toàn" models of Vĩnh Phúc, commune by commune. Every response of the SIMULATED demo data carries synthetic: true. Tip and outcome-event figures are protected for roles below admin.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tlg_session' } },
      schemas: components(),
    },
  };
}

/** The document for a data set version (built once per version: the declarations do not change). */
const documents = new Map<string, ReturnType<typeof buildDocument>>();
export function openApiDocument(version: string): ReturnType<typeof buildDocument> {
  let document = documents.get(version);
  if (!document) {
    document = buildDocument(version);
    documents.set(version, document);
  }
  return document;
}
