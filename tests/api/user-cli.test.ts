/**
 * The account CLI (`npm run user -- …`): users are created from the command line, with no
 * built-in default password, and can then log in to the real server.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserStore } from '../../server/auth/users';
import { REPO_ROOT } from '../../data/paths';
import { removeTempStateDirs, tempStateDir } from './support/temp-dirs';

const stateDir = tempStateDir('user-cli');
afterAll(removeTempStateDirs);

function userCli(args: string[], password?: string) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/user.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TLG_STATE_DIR: stateDir, ...(password ? { TLG_NEW_PASSWORD: password } : {}) },
    encoding: 'utf8',
  });
}

describe('npm run user', () => {
  it('given add with a role and a password, creates an account that authenticates with that password only', async () => {
    const run = userCli(['add', 'ngoc.anh', 'analyst'], 'a-long-enough-passphrase');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created ngoc.anh (analyst)');
    const users = await UserStore.open(stateDir);
    expect(await users.authenticate('ngoc.anh', 'a-long-enough-passphrase')).toEqual({ username: 'ngoc.anh', role: 'analyst' });
    expect(await users.authenticate('ngoc.anh', 'wrong-passphrase-123')).toBeNull();
  });

  it('given a short password, an unknown role or a taken name, refuses with a message and exit code 2', () => {
    for (const [args, password, message] of [
      [['add', 'short.pw', 'viewer'], 'tooshort', 'at least 12 characters'],
      [['add', 'someone', 'superuser'], 'a-long-enough-passphrase', 'Unknown role'],
      [['add', 'ngoc.anh', 'viewer'], 'a-long-enough-passphrase', 'already exists'],
    ] as const) {
      const run = userCli([...args], password);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it('lists accounts without their password hashes, and removes them', () => {
    const listed = userCli(['list']);
    expect(listed.stdout).toContain('ngoc.anh\tanalyst');
    expect(listed.stdout).not.toContain('scrypt$');
    expect(userCli(['remove', 'ngoc.anh']).status).toBe(0);
    expect(userCli(['list']).stdout).not.toContain('ngoc.anh');
  });

  it('wrote every change to the audit log under the system user who ran it, and no refused one as done', () => {
    const entries = readFileSync(path.join(stateDir, 'audit', 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const user = `system:${os.userInfo().username}`;
    expect(entries).toEqual([
      expect.objectContaining({ user, action: 'user.add', params: { username: 'ngoc.anh', role: 'analyst' }, method: null }),
      expect.objectContaining({ user, action: 'user.remove', params: { username: 'ngoc.anh' }, method: null }),
    ]);
  });
});
