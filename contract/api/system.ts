/** Liveness, deployment settings and this API's own description. */
import { z } from 'zod';
import { bboxSchema, periodSchema, synthetic } from './common';
import { endpoint } from './endpoint';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'preparing', 'error']),
    dataset: z.object({ version: z.string().meta({ description: 'Data set version (empty while preparing).' }), synthetic }),
  })
  .meta({ id: 'Health', examples: [{ status: 'ok', dataset: { version: 'e41dca9153af', synthetic: true } }] });
export type HealthResponse = z.infer<typeof healthSchema>;

export const configSchema = z
  .object({
    demo: z.boolean().meta({ description: 'Demo mode: the simulated data set with demo accounts.' }),
    synthetic,
    dataset_version: z.string(),
    period: periodSchema,
    basemap_style_url: z.string().nullable().meta({ description: 'External MapLibre style; null = the built-in offline basemap.' }),
    privacy_k: z.number().int().min(0).meta({ description: 'Tip and event counts from 1 to k − 1 are hidden below admin.' }),
    province: z.object({ code: z.string(), name: z.string(), bbox: bboxSchema }),
  })
  .meta({ id: 'Config' });
export type ConfigResponse = z.infer<typeof configSchema>;

export const getHealth = endpoint({
  operationId: 'getHealth',
  method: 'get',
  path: '/api/health',
  access: 'public',
  summary: 'Liveness and the data set version',
  description: 'Open to everyone (load balancers, the login page). 503 while the data set is being prepared or failed to load.',
  tags: ['system'],
  responses: { 200: { description: 'Serving a data set.', json: healthSchema } },
  dataset: false,
  example: {},
});

export const getConfig = endpoint({
  operationId: 'getConfig',
  method: 'get',
  path: '/api/config',
  access: 'viewer',
  summary: 'What the web app needs to know about this deployment',
  description: 'Data set version and period, the privacy threshold, the province extent and the basemap.',
  tags: ['system'],
  responses: { 200: { description: 'Deployment settings.', json: configSchema } },
  dataset: true,
  example: {},
});

export const getOpenApi = endpoint({
  operationId: 'getOpenApi',
  method: 'get',
  path: '/api/openapi.json',
  access: 'viewer',
  summary: 'This document (OpenAPI 3.1)',
  description: 'Generated from the same declarations the server validates with.',
  tags: ['system'],
  responses: { 200: { description: 'The OpenAPI 3.1 document.', json: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) } },
  dataset: false,
  example: {},
});
