/** Raw records for admins (audited) and account administration. */
import { z } from 'zod';
import { EXPORT_LAYERS } from '../layers';
import { ROLES } from '../session';
import { endpoint } from './endpoint';
import { enumParam, filterParams } from './params';

export const exportRecords = endpoint({
  operationId: 'exportRecords',
  method: 'get',
  path: '/api/export/{layer}',
  access: 'admin',
  summary: 'Raw tip or event records as CSV',
  description: 'The only way tip and event records leave the server; every export is written to the audit log.',
  tags: ['admin'],
  params: z.object({ layer: enumParam(EXPORT_LAYERS).describe('Records.') }),
  query: z.object(filterParams).strict(),
  responses: { 200: { description: 'The records, oldest first.', media: { 'text/csv': { kind: 'text' } } } },
  dataset: true,
  example: { params: { layer: 'tips' }, query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const userSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    created_at: z.string().meta({ format: 'date-time' }),
    demo: z.boolean().meta({ description: 'A demo account of the simulated data set.' }),
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof userSchema>;

export const newUserSchema = z
  .object({ username: z.string().max(40), role: z.enum(ROLES), password: z.string().max(1000) })
  .strict()
  .meta({ id: 'NewUser', examples: [{ username: 'lan.nguyen', role: 'analyst', password: 'a long passphrase' }] });

export const listUsers = endpoint({
  operationId: 'listUsers',
  method: 'get',
  path: '/api/users',
  access: 'admin',
  summary: 'List users',
  description: 'Accounts with their role; never password hashes.',
  tags: ['admin'],
  responses: { 200: { description: 'The users.', json: z.object({ users: z.array(userSchema) }).meta({ id: 'Users' }) } },
  dataset: false,
  example: {},
});

export const addUser = endpoint({
  operationId: 'addUser',
  method: 'post',
  path: '/api/users',
  access: 'admin',
  summary: 'Create a user',
  description: 'Passwords need at least 12 characters.',
  tags: ['admin'],
  body: newUserSchema,
  responses: { 201: { description: 'Created.', json: userSchema } },
  dataset: false,
  example: { body: { username: 'sample-user', role: 'viewer', password: 'a long sample password' } },
});

export const removeUser = endpoint({
  operationId: 'removeUser',
  method: 'delete',
  path: '/api/users/{username}',
  access: 'admin',
  summary: 'Remove a user',
  description: 'Ends the sessions of that user too.',
  tags: ['admin'],
  params: z.object({ username: z.string().max(100).describe('The account to remove.') }),
  responses: { 204: { description: 'Removed.' } },
  dataset: false,
  example: { params: { username: 'sample-user' } },
});
