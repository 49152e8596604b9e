/** Roles and the session/config responses (see ../../../shared/API_CONTRACT.md, "Sessions"). */
import type { Period } from './domain';

/** Roles, from least to most trusted. Each includes what the ones before it may do. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/session */
export interface SessionResponse {
  username: string;
  role: Role;
  csrf_token: string;
  expires_at: string;
}

/** GET /api/config */
export interface ConfigResponse {
  demo: boolean;
  synthetic: boolean;
  dataset_version: string;
  period: Period;
  basemap_style_url: string | null;
  privacy_k: number;
  province: { code: string; name: string; bbox: [number, number, number, number] };
}
