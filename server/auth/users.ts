/**
 * User accounts: a JSON file in the state directory (written atomically) plus, in demo mode,
 * the demo accounts held in memory only. There is no built-in default password. A change takes
 * effect only after its `beforeCommit` (the audit entry) has succeeded.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, type AtomicWriteOptions } from '../state/atomic-write';
import { ROLES, type Role } from './roles';
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

const userRecord = z.object({
  username: z.string().regex(USERNAME_PATTERN),
  role: z.enum(ROLES),
  password_hash: z.string(),
  created_at: z.string(),
});
export type UserRecord = z.infer<typeof userRecord>;
const usersFile = z.object({ users: z.array(userRecord) });

export interface PublicUser {
  username: string;
  role: Role;
  created_at: string;
  demo: boolean;
}

export class UserError extends Error {
  constructor(
    readonly code: 'invalid_username' | 'weak_password' | 'user_exists' | 'unknown_user',
    message: string,
  ) {
    super(message);
  }
}

export class UserStore {
  private readonly demoUsers = new Map<string, UserRecord>();

  private users: UserRecord[] = [];
  private loadedMtime = -1;

  private constructor(private readonly file: string) {}

  static async open(stateDir: string): Promise<UserStore> {
    const store = new UserStore(path.join(stateDir, 'users.json'));
    await store.reload();
    return store;
  }

  /** Picks up users added by the CLI while the server runs (the file changed on disk). */
  async reload(): Promise<void> {
    let mtime: number;
    try {
      mtime = (await stat(this.file)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.users = [];
      return;
    }
    if (mtime === this.loadedMtime) return;
    const parsed = usersFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
    if (!parsed.success) throw new Error(`${this.file} is not a valid user file: ${parsed.error.message}`);
    this.users = parsed.data.users;
    this.loadedMtime = mtime;
  }

  list(): PublicUser[] {
    const describe = (u: UserRecord, demo: boolean): PublicUser => ({ username: u.username, role: u.role, created_at: u.created_at, demo });
    return [...this.users.map((u) => describe(u, false)), ...[...this.demoUsers.values()].map((u) => describe(u, true))];
  }

  /** Whether an account of this name exists (file or demo). */
  has(username: string): boolean {
    return this.find(username) !== undefined;
  }

  async add(username: string, role: Role, password: string, beforeCommit?: AtomicWriteOptions['beforeCommit']): Promise<PublicUser> {
    await this.reload();
    if (!USERNAME_PATTERN.test(username)) {
      throw new UserError(
        'invalid_username',
        'Tên đăng nhập dài 2–40 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. / Usernames are 2–40 characters: lower-case letters, digits, dot, dash, underscore.',
      );
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new UserError('weak_password', `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự. / Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if (this.find(username)) throw new UserError('user_exists', `Tài khoản ${username} đã có. / User ${username} already exists.`);
    const record: UserRecord = { username, role, password_hash: await hashPassword(password), created_at: new Date().toISOString() };
    await this.save([...this.users, record], beforeCommit);
    return { username, role, created_at: record.created_at, demo: false };
  }

  async remove(username: string, beforeCommit?: AtomicWriteOptions['beforeCommit']): Promise<void> {
    await this.reload();
    if (!this.users.some((u) => u.username === username)) throw new UserError('unknown_user', `Không có tài khoản ${username}. / There is no user ${username}.`);
    await this.save(this.users.filter((u) => u.username !== username), beforeCommit);
  }

  /** Demo accounts live in memory only and vanish with the process. */
  async addDemoUser(username: string, role: Role, password: string): Promise<void> {
    this.demoUsers.set(username, { username, role, password_hash: await hashPassword(password), created_at: new Date().toISOString() });
  }

  /** Forgets the demo accounts (the server now serves real data); returns their names. */
  removeDemoUsers(): string[] {
    const names = [...this.demoUsers.keys()];
    this.demoUsers.clear();
    return names;
  }

  /** The user for these credentials, or null. Takes the same time whether or not the user exists. */
  async authenticate(username: string, password: string): Promise<{ username: string; role: Role } | null> {
    await this.reload();
    const user = this.find(username);
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
    return user && ok ? { username: user.username, role: user.role } : null;
  }

  private find(username: string): UserRecord | undefined {
    return this.users.find((u) => u.username === username) ?? this.demoUsers.get(username);
  }

  private async save(users: UserRecord[], beforeCommit: AtomicWriteOptions['beforeCommit']): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify({ users }, null, 2)}\n`, { beforeCommit });
    this.users = users;
    this.loadedMtime = (await stat(this.file)).mtimeMs;
  }
}
