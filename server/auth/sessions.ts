/**
 * Server-side sessions. The cookie carries a random token; the store keeps only its SHA-256,
 * so a memory dump does not yield usable cookies. Each session has its own CSRF token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles';

export const SESSION_COOKIE = 'tlg_session';
/** 32 random bytes: 256 bits, beyond guessing. */
const TOKEN_BYTES = 32;

export interface Session {
  username: string;
  role: Role;
  csrfToken: string;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session; returns the cookie token (never stored in clear). */
  create(username: string, role: Role): { token: string; session: Session } {
    this.sweep();
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const session: Session = {
      username,
      role,
      csrfToken: randomBytes(TOKEN_BYTES).toString('base64url'),
      expiresAt: this.now() + this.ttlSeconds * 1000,
    };
    this.sessions.set(hashToken(token), session);
    return { token, session };
  }

  /** The live session for a cookie token, or null (unknown or expired). */
  get(token: string | undefined): Session | null {
    if (!token) return null;
    const key = hashToken(token);
    const session = this.sessions.get(key);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return null;
    }
    return session;
  }

  delete(token: string | undefined): void {
    if (token) this.sessions.delete(hashToken(token));
  }

  /** Ends every session of a user (password change, account removal). */
  deleteUser(username: string): void {
    for (const [key, session] of this.sessions) if (session.username === username) this.sessions.delete(key);
  }

  get ttl(): number {
    return this.ttlSeconds;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(key);
  }
}

export function csrfMatches(session: Session, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
