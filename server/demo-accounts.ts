/**
 * Demo mode (the simulated data set): three accounts, one per role, with the password from
 * TLG_DEMO_PASSWORD or a fresh random one printed at start-up. Never used with real data.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from './auth/roles';
import type { UserStore } from './auth/users';

export const DEMO_ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'demo-viewer', role: 'viewer' },
  { username: 'demo-analyst', role: 'analyst' },
  { username: 'demo-admin', role: 'admin' },
];

/** Creates the demo accounts; returns the password and whether it was generated. */
export async function createDemoAccounts(users: UserStore, configured: string | null): Promise<{ password: string; generated: boolean }> {
  const password = configured ?? randomBytes(12).toString('base64url');
  await Promise.all(DEMO_ACCOUNTS.map((a) => users.addDemoUser(a.username, a.role, password)));
  return { password, generated: configured === null };
}
