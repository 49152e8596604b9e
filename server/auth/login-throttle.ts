/**
 * How often a password may be tried, in two sliding windows (no window boundary lets a burst
 * through, unlike fixed one-minute windows):
 *
 * - Per address: at most ADDRESS_MAX_FAILURES failed logins in any ADDRESS_WINDOW_MS, whatever
 *   the accounts. Beyond that the address waits until its oldest failure leaves the window, even
 *   with the right password (else the refusal itself would tell a guesser when it guessed right).
 * - Per account: the failures on one account from every address in the last ACCOUNT_WINDOW_MS.
 *   From the ACCOUNT_FREE_FAILURES-th on, the account is in back-off: an address that has failed
 *   on it within the window may try it again only 2^(n − ACCOUNT_FREE_FAILURES) s after the
 *   account's last failure (1 s, 2 s, 4 s, … at most the window). An address that has not failed
 *   on the account is never held back, so a guesser elsewhere cannot lock the right user out.
 *
 * An attempt counts from the moment its password check starts (a reservation), so concurrent
 * requests cannot overshoot either limit while their checks run; a success takes it back, along
 * with that address's earlier failures on the account (the user's own typos).
 */

export const ADDRESS_WINDOW_MS = 60_000;
/** Ten a minute per address: plenty for typos, far too few for guessing. */
export const ADDRESS_MAX_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
/** A user may mistype a few times before anything slows down. */
export const ACCOUNT_FREE_FAILURES = 5;
/** Addresses and accounts tracked at most; beyond it the oldest are forgotten first (memory bound). */
const MAX_TRACKED = 100_000;

/** An allowed attempt counts as failed unless `succeeded` is called. */
export type LoginVerdict = { allowed: true; succeeded: () => void } | { allowed: false; retryAfterMs: number; reason: 'address' | 'account' };

/** One attempt; each is its own object, so taking one back never takes another of the same millisecond. */
interface Attempt {
  at: number;
  address: string;
}

export class LoginThrottle {
  private readonly byAddress = new Map<string, Attempt[]>();
  private readonly byAccount = new Map<string, Attempt[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether `address` may check a password for `account` now; if so, the attempt is reserved. */
  attempt(account: string, address: string): LoginVerdict {
    const t = this.now();
    const fromAddress = recent(this.byAddress, address, t - ADDRESS_WINDOW_MS);
    const onAccount = recent(this.byAccount, account, t - ACCOUNT_WINDOW_MS);

    if (fromAddress.length >= ADDRESS_MAX_FAILURES) {
      return { allowed: false, reason: 'address', retryAfterMs: fromAddress[0]!.at + ADDRESS_WINDOW_MS - t };
    }
    if (onAccount.length >= ACCOUNT_FREE_FAILURES && onAccount.some((f) => f.address === address)) {
      const next = onAccount.at(-1)!.at + backOffMs(onAccount.length);
      if (t < next) return { allowed: false, reason: 'account', retryAfterMs: next - t };
    }

    const reserved: Attempt = { at: t, address };
    remember(this.byAddress, address, [...fromAddress, reserved]);
    remember(this.byAccount, account, [...onAccount, reserved]);
    return {
      allowed: true,
      succeeded: () => {
        withdraw(this.byAddress, address, (a) => a === reserved);
        withdraw(this.byAccount, account, (a) => a.address === address);
      },
    };
  }
}

/** 2^(n − free) seconds, at most the account window. */
function backOffMs(failures: number): number {
  const exponent = Math.min(failures - ACCOUNT_FREE_FAILURES, 20);
  return Math.min(2 ** exponent * 1000, ACCOUNT_WINDOW_MS);
}

/** The attempts of `key` newer than `since` (oldest first); older ones are dropped. */
function recent(map: Map<string, Attempt[]>, key: string, since: number): Attempt[] {
  const entries = (map.get(key) ?? []).filter((a) => a.at > since);
  if (entries.length === 0) map.delete(key);
  else map.set(key, entries);
  return entries;
}

/** Stores the attempts of `key` as its newest entry, forgetting the least recent key beyond the bound. */
function remember(map: Map<string, Attempt[]>, key: string, entries: Attempt[]): void {
  map.delete(key);
  map.set(key, entries);
  if (map.size > MAX_TRACKED) map.delete(map.keys().next().value!);
}

function withdraw(map: Map<string, Attempt[]>, key: string, matches: (attempt: Attempt) => boolean): void {
  const entries = (map.get(key) ?? []).filter((a) => !matches(a));
  if (entries.length === 0) map.delete(key);
  else map.set(key, entries);
}
