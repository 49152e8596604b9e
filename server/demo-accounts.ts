/**
 * Demo mode (the simulated data set): three accounts, one per role, with the password from
 * TLG_DEMO_PASSWORD or a random one made once per server process and printed when the accounts
 * are first created. They exist only while the simulated data are served: when a real data set
 * is about to be served they are removed and their sessions ended (their password is printed on
 * a console and must never open police records), and they come back with the demo version.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from './auth/roles';
import type { SessionStore } from './auth/sessions';
import type { UserStore } from './auth/users';
import type { DatasetHolder } from './dataset/holder';

export const DEMO_ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'demo-viewer', role: 'viewer' },
  { username: 'demo-analyst', role: 'analyst' },
  { username: 'demo-admin', role: 'admin' },
];

const NAMES = DEMO_ACCOUNTS.map((a) => a.username).join(', ');

export class DemoAccounts {
  private readonly password: string;
  /** Whether the served data set wants the accounts (the last word of enable or disable). */
  private wanted = false;
  private created: Promise<void> | null = null;
  private announced = false;

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly configured: string | null,
    private readonly log: (line: string) => void,
  ) {
    this.password = configured ?? randomBytes(12).toString('base64url');
  }

  /** Creates the accounts (once while wanted); prints the password the first time. */
  enable(): Promise<void> {
    this.wanted = true;
    this.created ??= this.create();
    return this.created;
  }

  /** Removes the accounts and ends their sessions, at once (before the real data set is served). */
  disable(): void {
    this.wanted = false;
    this.created = null;
    const removed = this.users.removeDemoUsers();
    for (const username of DEMO_ACCOUNTS.map((a) => a.username)) this.sessions.deleteUser(username);
    if (removed.length > 0) this.log(`Real data served: the demo accounts (${NAMES}) are switched off.`);
  }

  /** Keeps the accounts in step with the data set the holder serves. */
  follow(holder: DatasetHolder): void {
    holder.onSwap((dataset) => {
      if (!dataset.synthetic) this.disable();
      else void this.enable().catch((error: unknown) => this.log(`The demo accounts could not be created: ${(error as Error).message}`));
    });
  }

  private async create(): Promise<void> {
    await Promise.all(DEMO_ACCOUNTS.map((a) => this.users.addDemoUser(a.username, a.role, this.password)));
    // Real data came while the passwords were hashed: the accounts must not stay.
    if (!this.wanted) return this.disable();
    if (this.announced) return this.log(`Simulated data served again: the demo accounts (${NAMES}) work again.`);
    this.announced = true;
    this.log(this.configured === null ? `Demo accounts ${NAMES}; password (generated for this run): ${this.password}` : `Demo accounts ${NAMES}; password from TLG_DEMO_PASSWORD.`);
  }
}
