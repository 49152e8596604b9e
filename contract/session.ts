/** Roles (see ../../shared/API_CONTRACT.md, "Sessions"). */

/** Roles, from least to most trusted. Each includes what the ones before it may do. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
