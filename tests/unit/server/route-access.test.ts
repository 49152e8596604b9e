import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { declaredAccess } from '../../../server/http/middleware/access';
import { UserStore } from '../../../server/auth/users';
import { configFromEnv } from '../../../server/config';
import { DatasetHolder } from '../../../server/dataset/holder';

describe('route access declarations', () => {
  it('every API route declares who may call it, and only health and login are public', async () => {
    const stateDir = path.join(os.tmpdir(), 'tlg-route-access');
    const { app } = createApp({
      config: { ...configFromEnv(), stateDir, logRequests: false },
      holder: new DatasetHolder(),
      users: await UserStore.open(stateDir),
    });
    const endpoints = new Map<string, string[]>();
    for (const route of app.routes) {
      if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
      const key = `${route.method} ${route.path}`;
      const level = declaredAccess(route.handler);
      endpoints.set(key, [...(endpoints.get(key) ?? []), ...(level ? [level] : [])]);
    }
    expect(endpoints.size).toBeGreaterThan(15);
    for (const [endpoint, levels] of endpoints) {
      expect(levels, `${endpoint} must declare exactly one access level`).toHaveLength(1);
    }
    const publicEndpoints = [...endpoints].filter(([, levels]) => levels[0] === 'public').map(([e]) => e).sort();
    expect(publicEndpoints).toEqual(['GET /api/health', 'POST /api/session']);
  });
});
