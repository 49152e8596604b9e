/** Logging in and out, and who the session belongs to (see API_CONTRACT.md, "Sessions"). */
import { z } from 'zod';
import { ROLES } from '../session';
import { endpoint } from './endpoint';

export const credentialsSchema = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .strict()
  .meta({ id: 'Credentials', examples: [{ username: 'demo-viewer', password: '…' }] });

export const sessionSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    csrf_token: z.string().meta({ description: 'Send it as X-CSRF-Token on every state-changing request.' }),
    expires_at: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionSchema>;

export const login = endpoint({
  operationId: 'login',
  method: 'post',
  path: '/api/session',
  access: 'public',
  summary: 'Log in',
  description:
    'Sets the HttpOnly SameSite=Strict session cookie. Wrong credentials answer 401 with the same message whether the user exists or not. ' +
    'Takes only an application/json body (else 415) and, from a browser, only from our own origin or one in TLG_CORS_ORIGINS (else 403 origin_not_allowed). ' +
    'Failed logins are limited per address and per account (429 with Retry-After); the session is granted only once the login is in the audit log (else 503).',
  tags: ['session'],
  body: credentialsSchema,
  responses: { 204: { description: 'Logged in; the session cookie is set.' } },
  dataset: false,
  example: { body: { username: 'demo-viewer', password: '<demo password>' } },
});

export const getSession = endpoint({
  operationId: 'getSession',
  method: 'get',
  path: '/api/session',
  access: 'viewer',
  summary: 'The current user, role and CSRF token',
  description: 'Answers 401 when nobody is logged in.',
  tags: ['session'],
  responses: { 200: { description: 'The session.', json: sessionSchema } },
  dataset: false,
  example: {},
});

export const logout = endpoint({
  operationId: 'logout',
  method: 'delete',
  path: '/api/session',
  access: 'viewer',
  summary: 'Log out',
  description: 'Ends the session (needs X-CSRF-Token).',
  tags: ['session'],
  responses: { 204: { description: 'Logged out.' } },
  dataset: false,
  example: {},
});
