/**
 * `npm run user -- add <username> <role>` (password read from the TLG_NEW_PASSWORD variable or
 * typed at a hidden prompt), `npm run user -- remove <username>`, `npm run user -- list`.
 * Every change is in the audit log, under the name of the system user who ran the command,
 * before it takes effect.
 */
import os from 'node:os';
import { createInterface } from 'node:readline';
import { ROLES, type Role } from '../server/auth/roles';
import { UserError, UserStore } from '../server/auth/users';
import { AuditLog, auditDir } from '../server/state/audit-log';
import { stateDir } from '../data/paths';

const USAGE = `usage:
  npm run user -- add <username> <${ROLES.join('|')}>   (password from TLG_NEW_PASSWORD or a prompt)
  npm run user -- remove <username>
  npm run user -- list`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    output._writeToOutput = () => {};
  });
}

/** The audit entry of a change made here: no HTTP request, the system user as the one who made it. */
function auditing(log: AuditLog, action: string, params: Record<string, string>): () => Promise<void> {
  return () => log.record({ user: `system:${os.userInfo().username}`, role: null, action, method: null, path: null, params, status: null });
}

async function main(): Promise<void> {
  const [command, username, role] = process.argv.slice(2);
  const users = await UserStore.open(stateDir());
  const audit = new AuditLog(auditDir(stateDir()));
  switch (command) {
    case 'add': {
      if (!username || !role) fail(USAGE);
      if (!(ROLES as readonly string[]).includes(role)) fail(`Unknown role "${role}"; use one of: ${ROLES.join(', ')}.`);
      const password = process.env.TLG_NEW_PASSWORD ?? (await promptHidden(`Password for ${username}: `));
      const created = await users.add(username, role as Role, password, auditing(audit, 'user.add', { username, role }));
      console.log(`Created ${created.username} (${created.role}).`);
      return;
    }
    case 'remove':
      if (!username) fail(USAGE);
      await users.remove(username, auditing(audit, 'user.remove', { username }));
      console.log(`Removed ${username}; their sessions end when the server next checks.`);
      return;
    case 'list':
      for (const u of users.list()) console.log(`${u.username}\t${u.role}\t${u.created_at}`);
      return;
    default:
      fail(USAGE);
  }
}

main().catch((error: unknown) => fail(error instanceof UserError ? error.message : `Failed: ${(error as Error).message}`));
