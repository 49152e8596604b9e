/**
 * The deployment's secret for the record keys of the cell key method. It must stay the same
 * across restarts and rebuilds (a new secret would give every cell new noise, and two answers
 * for one cell can be averaged), so it is generated once into the state directory, readable
 * by the server's user only, unless TLG_PRIVACY_SECRET provides it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = 'privacy-secret';
/** 256 bits: far beyond guessing from the handful of noise values any cell reveals. */
const SECRET_BYTES = 32;

export function privacySecret(stateDir: string, fromEnv = process.env.TLG_PRIVACY_SECRET): string {
  if (fromEnv) return fromEnv;
  const file = path.join(stateDir, SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(SECRET_BYTES).toString('hex');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temp, file);
  return secret;
}
