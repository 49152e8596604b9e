/**
 * The HTTP application: global middleware, then every resource's routes composed in one place,
 * then the built web app at `/`. Errors of any kind leave as the contract's error shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-env';
import { AuditLog } from './audit/audit-log';
import { SessionStore } from './auth/sessions';
import type { UserStore } from './auth/users';
import type { ServerConfig } from './config';
import type { DatasetHolder } from './dataset-holder';
import { ApiError } from './errors';
import { audited } from './middleware/audit';
import { compress } from './middleware/compress';
import { dataCache } from './middleware/data-cache';
import { clientAddress, rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { requireDataset } from './middleware/require-dataset';
import { securityHeaders } from './middleware/security-headers';
import { CSRF_HEADER, sessionMiddleware } from './middleware/session';
import { basemapRoutes } from './routes/basemap';
import { choroplethRoutes } from './routes/choropleth';
import { configRoutes } from './routes/config';
import type { RouteDeps } from './routes/deps';
import { exportRoutes } from './routes/export';
import { gridRoutes } from './routes/grid';
import { healthRoutes } from './routes/health';
import { hotspotRoutes } from './routes/hotspots';
import { plannerCsvRoutes, plannerRoutes } from './routes/planner';
import { openApiRoutes } from './routes/openapi';
import { pointRoutes } from './routes/points';
import { searchRoutes } from './routes/search';
import { sessionRoutes } from './routes/session';
import { summaryRoutes } from './routes/summary';
import { timeseriesRoutes } from './routes/timeseries';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';

/** JSON bodies here are credentials, user records and planner scenarios: 64 KiB is ample. */
const MAX_BODY_BYTES = 64 * 1024;

export interface AppServices {
  config: ServerConfig;
  holder: DatasetHolder;
  users: UserStore;
  sessions?: SessionStore;
  audit?: AuditLog;
  log?: (line: string) => void;
}

export function createApp(services: AppServices) {
  const { config, holder, users } = services;
  const sessions = services.sessions ?? new SessionStore(config.sessionTtlSeconds);
  const audit = services.audit ?? new AuditLog(path.join(config.stateDir, 'audit'));
  const deps: RouteDeps = {
    config,
    holder,
    sessions,
    users,
    audit,
    data: [requireDataset(holder), audited(audit), dataCache(config.privacyK)],
    heavy: rateLimit({
      limit: config.heavyRequestsPerMinute,
      windowMs: 60_000,
      key: (c) => c.get('session')?.username ?? clientAddress(c),
    }),
  };

  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders(config.basemapStyleUrl ? [new URL(config.basemapStyleUrl).origin] : []));
  if (config.logRequests) app.use('*', requestLog(services.log));
  app.use('*', compress());
  if (config.corsOrigins.length > 0) {
    app.use('/api/*', cors({ origin: config.corsOrigins, credentials: true, allowHeaders: ['Content-Type', CSRF_HEADER] }));
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`);
      },
    }),
  );
  app.use('/api/*', sessionMiddleware(sessions, '/api/session'));

  app
    .route('/api/health', healthRoutes(deps))
    .route('/api/session', sessionRoutes(deps))
    .route('/api/config', configRoutes(deps))
    .route('/api/openapi.json', openApiRoutes(deps))
    .route('/api/summary', summaryRoutes(deps))
    .route('/api/units', unitRoutes(deps))
    .route('/api/basemap', basemapRoutes(deps))
    .route('/api/choropleth', choroplethRoutes(deps))
    .route('/api/search', searchRoutes(deps))
    .route('/api/timeseries', timeseriesRoutes(deps))
    .route('/api/grid', gridRoutes(deps))
    .route('/api/points', pointRoutes(deps))
    .route('/api/hotspots', hotspotRoutes(deps))
    .route('/api/planner.csv', plannerCsvRoutes(deps))
    .route('/api/planner', plannerRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/users', userRoutes(deps));

  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'There is no such API endpoint; see /api/openapi.json.');
  });
  mountWebApp(app, config.webDir);

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException) {
      return c.json(new ApiError(error.status as 400, 'http_error', error.message || 'The request was not accepted.').toBody(), error.status);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on the server; the error was logged.' } }, 500);
  });
  return { app, sessions, audit };
}

/** The built web app: hashed assets cached for a year, index.html for every other path (client routing). */
function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = path.relative(process.cwd(), webDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  );
  app.use('*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'no-cache') }));
  const indexFile = path.join(webDir, 'index.html');
  let indexHtml: string | undefined;
  app.get('*', (c) => {
    if (indexHtml === undefined && existsSync(indexFile)) indexHtml = readFileSync(indexFile, 'utf8');
    if (indexHtml === undefined) {
      return c.text('The web app is not built yet: run `npm run build` (npm start does this for you).', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
