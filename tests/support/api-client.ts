/** A logged-in HTTP client for the API tests: keeps the session cookie and sends the CSRF token. */
import { inject } from 'vitest';
import type { Role } from '../../server/auth/roles';

export interface ApiClient {
  baseUrl: string;
  role: Role | null;
  get(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  send(method: string, pathAndQuery: string, body?: unknown, init?: RequestInit): Promise<Response>;
  json<T = unknown>(pathAndQuery: string): Promise<T>;
}

export function anonymousClient(baseUrl = inject('baseUrl')): ApiClient {
  return makeClient(baseUrl, null, null, null);
}

/** Logs in as the demo account of a role. */
export async function loginAs(role: Role, baseUrl = inject('baseUrl'), password = inject('demoPassword')): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: `demo-${role}`, password }),
  });
  if (res.status !== 204) throw new Error(`login as demo-${role} failed: ${res.status} ${await res.text()}`);
  return sessionClient(baseUrl, role, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
}

/** A client for a session cookie obtained elsewhere: fetches the session's CSRF token. */
export async function sessionClient(baseUrl: string, role: Role, cookie: string): Promise<ApiClient> {
  const session = (await (await fetch(`${baseUrl}/api/session`, { headers: { cookie } })).json()) as { csrf_token: string };
  return makeClient(baseUrl, role, cookie, session.csrf_token);
}

function makeClient(baseUrl: string, role: Role | null, cookie: string | null, csrf: string | null): ApiClient {
  const headers = (extra?: HeadersInit): Headers => {
    const h = new Headers(extra);
    if (cookie) h.set('cookie', cookie);
    if (csrf) h.set('X-CSRF-Token', csrf);
    return h;
  };
  const client: ApiClient = {
    baseUrl,
    role,
    get: (p, init) => fetch(`${baseUrl}${p}`, { ...init, headers: headers(init?.headers) }),
    send: (method, p, body, init) =>
      fetch(`${baseUrl}${p}`, {
        ...init,
        method,
        headers: headers({ 'Content-Type': 'application/json', ...Object.fromEntries(new Headers(init?.headers)) }),
        body: body === undefined ? null : JSON.stringify(body),
      }),
    json: async <T>(p: string) => {
      const res = await client.get(p);
      if (!res.ok) throw new Error(`GET ${p} → ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
  return client;
}
