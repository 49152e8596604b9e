/** Server settings from the environment, resolved once at start-up. */
import { buildDir, stateDir, webDistDir } from '../data/paths';

/** Threshold of tip/event figures below admin: counts 1–4 are never published (the usual statistical-disclosure minimum). */
export const DEFAULT_PRIVACY_K = 5;
/**
 * Largest noise of the cell key method: ±3 keeps a commune's yearly tips (typically 5–50)
 * readable while a hidden count cannot be solved from sums of published ones (measured in
 * tests/api/privacy-attacks.test.ts).
 */
export const DEFAULT_PRIVACY_NOISE_BOUND = 3;
/** Sessions end after 8 hours: one working day, so a forgotten browser does not stay logged in. */
export const DEFAULT_SESSION_TTL_SECONDS = 8 * 60 * 60;

/** Heavy routes (points, hotspots, planner, export): 120 a minute per user keeps a 2-core server responsive. */
export const DEFAULT_HEAVY_REQUESTS_PER_MINUTE = 120;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  stateDir: string;
  webDir: string;
  privacyK: number;
  privacyNoiseBound: number;
  sessionTtlSeconds: number;
  /** Origins allowed by CORS; empty = closed (same origin only). */
  corsOrigins: string[];
  /** External MapLibre style for deployments with a basemap server; null = our own offline style. */
  basemapStyleUrl: string | null;
  demoPassword: string | null;
  heavyRequestsPerMinute: number;
  logRequests: boolean;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function configFromEnv(): ServerConfig {
  return {
    port: intFromEnv('PORT', 8787),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: buildDir(),
    stateDir: stateDir(),
    webDir: webDistDir(),
    privacyK: intFromEnv('TLG_PRIVACY_K', DEFAULT_PRIVACY_K),
    privacyNoiseBound: intFromEnv('TLG_PRIVACY_NOISE_BOUND', DEFAULT_PRIVACY_NOISE_BOUND),
    sessionTtlSeconds: intFromEnv('TLG_SESSION_TTL_SECONDS', DEFAULT_SESSION_TTL_SECONDS),
    corsOrigins: (process.env.TLG_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    basemapStyleUrl: process.env.TLG_BASEMAP_STYLE_URL || null,
    demoPassword: process.env.TLG_DEMO_PASSWORD || null,
    heavyRequestsPerMinute: intFromEnv('TLG_HEAVY_REQUESTS_PER_MINUTE', DEFAULT_HEAVY_REQUESTS_PER_MINUTE),
    logRequests: process.env.TLG_LOG_REQUESTS !== '0',
  };
}
