import { ROLES, type Role } from '#contract';

export { ROLES, type Role };

/** Who may call a route: anyone (no session), or a session with at least this role. */
export type Access = 'public' | Role;

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
