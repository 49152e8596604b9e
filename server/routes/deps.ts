/** What route factories need from the server; built once in createApp. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { AuditLog } from '../state/audit-log';
import type { SessionStore } from '../auth/sessions';
import type { UserStore } from '../auth/users';
import type { ServerConfig } from '../config';
import type { DatasetHolder } from '../dataset/holder';
import type { ImportJobs } from '../services/imports';

export interface RouteDeps {
  config: ServerConfig;
  holder: DatasetHolder;
  sessions: SessionStore;
  users: UserStore;
  audit: AuditLog;
  /** Register uploads and the importer runs they start (admin screens). */
  imports: ImportJobs;
  log: (line: string) => void;
  /** Middleware every data route runs after its access check: dataset gate, audit, conditional GET. */
  data: MiddlewareHandler<AppEnv>[];
  /** Rate limit for expensive routes (points, hotspots, planner, export). */
  heavy: MiddlewareHandler<AppEnv>;
}
