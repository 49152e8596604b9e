/**
 * The login limit on a clock the test moves: sliding windows per address and per account, the
 * back-off that holds only addresses that failed, and reservations that stop concurrent checks
 * from overshooting.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FREE_FAILURES, ACCOUNT_WINDOW_MS, ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_MS, LoginThrottle } from '../../../server/auth/login-throttle';

function throttleAt(start = Date.parse('2022-10-25T08:00:00Z')) {
  let now = start;
  const throttle = new LoginThrottle(() => now);
  return {
    throttle,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** `n` failed attempts (allowed, then never marked as succeeded); returns how many were allowed. */
function fail(throttle: LoginThrottle, account: string, address: string, n: number): number {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (throttle.attempt(account, address).allowed) allowed++;
  return allowed;
}

describe('per address', () => {
  it('given 10 failures from one address on different accounts, then the 11th attempt is refused, even for a fresh account', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect(throttle.attempt(`user-${i}`, '10.0.0.1').allowed).toBe(true);
    const refused = throttle.attempt('someone-else', '10.0.0.1');
    expect(refused).toMatchObject({ allowed: false, reason: 'address' });
  });

  it('the window slides: 10 failures spread over 59 s hold the address until the first is 60 s old, not until a minute boundary', () => {
    const { throttle, advance } = throttleAt(Date.parse('2022-10-25T08:00:59.000Z'));
    fail(throttle, 'a', '10.0.0.2', 1);
    advance(2_000); // crosses 08:01:00, where a fixed window would start again
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) {
      expect(throttle.attempt(`b-${i}`, '10.0.0.2').allowed).toBe(true);
      advance(100);
    }
    const refused = throttle.attempt('c', '10.0.0.2');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBe(ADDRESS_WINDOW_MS - 2_000 - (ADDRESS_MAX_FAILURES - 1) * 100);
    advance(ADDRESS_WINDOW_MS - 2_000 - (ADDRESS_MAX_FAILURES - 1) * 100);
    expect(throttle.attempt('c', '10.0.0.2').allowed).toBe(true);
  });

  it('given 20 attempts started at once (checks still running), then only 10 are allowed', () => {
    const { throttle } = throttleAt();
    const verdicts = Array.from({ length: 20 }, (_, i) => throttle.attempt(`x-${i}`, '10.0.0.3'));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(ADDRESS_MAX_FAILURES);
  });

  it('a successful login does not count against its address', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 50; i++) {
      const verdict = throttle.attempt(`office-user-${i}`, '10.0.0.4');
      expect(verdict.allowed).toBe(true);
      if (verdict.allowed) verdict.succeeded();
    }
  });
});

describe('per account', () => {
  it(`given ${ACCOUNT_FREE_FAILURES} failures on an account from one address, then that address waits 1 s, 2 s, 4 s … for that account`, () => {
    const { throttle, advance } = throttleAt();
    expect(fail(throttle, 'demo-admin', '10.0.1.1', ACCOUNT_FREE_FAILURES)).toBe(ACCOUNT_FREE_FAILURES);
    const first = throttle.attempt('demo-admin', '10.0.1.1');
    expect(first).toMatchObject({ allowed: false, reason: 'account', retryAfterMs: 1000 });
    advance(1000);
    expect(throttle.attempt('demo-admin', '10.0.1.1').allowed).toBe(true);
    expect(throttle.attempt('demo-admin', '10.0.1.1')).toMatchObject({ allowed: false, retryAfterMs: 2000 });
    advance(2000);
    expect(throttle.attempt('demo-admin', '10.0.1.1').allowed).toBe(true);
    expect(throttle.attempt('demo-admin', '10.0.1.1')).toMatchObject({ allowed: false, retryAfterMs: 4000 });
  });

  it('given a guesser holding the account in back-off, then the right user from another address is not held back and logs in', () => {
    const { throttle, advance } = throttleAt();
    for (let round = 0; round < 4; round++) {
      fail(throttle, 'demo-admin', `10.0.2.${round}`, ADDRESS_MAX_FAILURES);
      advance(1000);
    }
    expect(throttle.attempt('demo-admin', '10.0.2.0').allowed).toBe(false);
    const user = throttle.attempt('demo-admin', '192.168.5.20');
    expect(user.allowed).toBe(true);
  });

  it('a guesser spreading over many addresses gets one try per fresh address once the account is in back-off', () => {
    const { throttle } = throttleAt();
    let allowed = 0;
    for (let i = 0; i < 100; i++) allowed += fail(throttle, 'demo-admin', `10.1.0.${i}`, 3);
    expect(allowed).toBe(ACCOUNT_FREE_FAILURES + (100 - 2));
  });

  it('the back-off is capped at the window, and ends when the failures leave it', () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < 20; i++) fail(throttle, 'demo-analyst', `10.0.3.${i}`, 1);
    expect(throttle.attempt('demo-analyst', '10.0.3.0')).toMatchObject({ allowed: false, retryAfterMs: ACCOUNT_WINDOW_MS });
    advance(ACCOUNT_WINDOW_MS);
    expect(throttle.attempt('demo-analyst', '10.0.3.0').allowed).toBe(true);
  });

  it('a success clears that address’s own earlier failures on the account (the user’s typos)', () => {
    const { throttle } = throttleAt();
    fail(throttle, 'ngoc.anh', '10.0.4.1', ACCOUNT_FREE_FAILURES - 1);
    const verdict = throttle.attempt('ngoc.anh', '10.0.4.1');
    expect(verdict.allowed).toBe(true);
    if (verdict.allowed) verdict.succeeded();
    expect(fail(throttle, 'ngoc.anh', '10.0.4.1', ACCOUNT_FREE_FAILURES)).toBe(ACCOUNT_FREE_FAILURES);
  });
});
