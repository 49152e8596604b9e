/** Roles, from least to most trusted. Each includes what the ones before it may do. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone (no session), or a session with at least this role. */
export type Access = 'public' | Role;

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
