/**
 * The HTTP application: global middleware, then every resource's routes composed in one place,
 * then the built web app at `/`. Errors of any kind leave as the contract's error shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { ENDPOINTS } from '#contract/api';
import type { AppEnv } from './http/app-env';
import { AuditLog, auditDir } from './state/audit-log';
import { SessionStore } from './auth/sessions';
import type { UserStore } from './auth/users';
import type { ServerConfig } from './config';
import type { DatasetHolder } from './dataset/holder';
import { ApiError } from './errors';
import { audited, auditedDenials } from './http/middleware/audit';
import { compress } from './http/middleware/compress';
import { createHash } from 'node:crypto';
import { dataCache } from './http/middleware/data-cache';
import { informantFigures } from './http/middleware/figures';
import { ImportJobs } from './services/imports';
import { privacySecret } from './state/privacy-secret';
import { clientAddress, rateLimit } from './http/middleware/rate-limit';
import { requestLog } from './http/middleware/request-log';
import { requireDataset } from './http/middleware/require-dataset';
import { securityHeaders } from './http/middleware/security-headers';
import { CSRF_HEADER, sessionMiddleware } from './http/middleware/session';
import { mountRoutes } from './http/route';
import { adminRoutes } from './routes/admin';
import { analysisRoutes } from './routes/analysis';
import { briefingRoutes } from './routes/briefing';
import type { RouteDeps } from './routes/deps';
import { mapRoutes } from './routes/maps';
import { plannerRoutes } from './routes/planner';
import { recordRoutes } from './routes/records';
import { sessionRoutes } from './routes/session';
import { systemRoutes } from './routes/system';
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
  /** The record-key secret; by default from TLG_PRIVACY_SECRET or the state directory. */
  privacySecret?: string;
  log?: (line: string) => void;
}

export function createApp(services: AppServices) {
  const { config, holder, users } = services;
  const sessions = services.sessions ?? new SessionStore(config.sessionTtlSeconds);
  const audit = services.audit ?? new AuditLog(auditDir(config.stateDir));
  const privacy = { threshold: config.privacyK, noiseBound: config.privacyNoiseBound, secret: services.privacySecret ?? privacySecret(config.stateDir) };
  const privacyFingerprint = createHash('sha256').update(`${privacy.threshold}/${privacy.noiseBound}/${privacy.secret}`).digest('hex').slice(0, 16);
  const log = services.log ?? console.log;
  const imports = new ImportJobs(
    config.dataDir,
    path.join(config.stateDir, 'uploads'),
    (event) => audit.record({ user: event.user, role: 'admin', action: event.action, method: 'POST', path: event.path, params: event.params, status: event.status }),
    log,
  );
  const deps: RouteDeps = {
    config,
    imports,
    log,
    holder,
    sessions,
    users,
    audit,
    data: [requireDataset(holder), informantFigures(privacy), audited(audit), dataCache(privacyFingerprint)],
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
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`);
    },
  });
  // A register upload is streamed to disk under its own, far larger limit (routes/admin.ts).
  const isUpload = (c: Context<AppEnv>) => c.req.method === 'POST' && c.req.path === ENDPOINTS.uploadRegister.path;
  app.use('/api/*', (c, next) => (isUpload(c) ? next() : jsonBodyLimit(c, next)));
  app.use('/api/*', auditedDenials(audit));
  app.use('/api/*', sessionMiddleware(sessions, '/api/session'));

  // Every endpoint declared in contract/api, composed here.
  mountRoutes(app, [
    ...systemRoutes(deps),
    ...sessionRoutes(deps),
    ...briefingRoutes(deps),
    ...unitRoutes(deps),
    ...mapRoutes(deps),
    ...analysisRoutes(deps),
    ...plannerRoutes(deps),
    ...recordRoutes(deps),
    ...userRoutes(deps),
    ...adminRoutes(deps),
  ]);

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
  return { app, sessions, audit, imports };
}

/**
 * The built web app: hashed assets cached for a year, index.html for every other path (client
 * routing). Files are sent precompressed (`.br`, `.gz` written at build time, scripts/lib/precompress.ts)
 * when the client takes that encoding, so no request pays for compressing them.
 */
const PRECOMPRESSED = /\.(br|gz)$/;

function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = path.relative(process.cwd(), webDir) || '.';
  const found = (cacheControl: string) => (sent: string, c: Context<AppEnv>) => {
    c.header('Cache-Control', cacheControl);
    // serveStatic says Vary only when it sent a variant; say it for the plain file too, so a
    // cache never hands that to a client that takes brotli.
    if (!PRECOMPRESSED.test(sent)) c.header('Vary', 'Accept-Encoding', { append: true });
  };
  app.use('/assets/*', serveStatic({ root, precompressed: true, onFound: found('public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root, precompressed: true, onFound: found('no-cache') }));
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
