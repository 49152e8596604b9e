/**
 * Integer allocation that reproduces a total exactly: the largest-remainder (Hamilton)
 * method, with optional per-slot caps. Ties go to the lower index, so results are
 * deterministic.
 */

export function allocateExactly(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  const n = weights.length;
  const counts = new Array<number>(n).fill(0);
  const capOf = (i: number) => (caps ? Math.max(0, Math.floor(caps[i] ?? 0)) : Number.POSITIVE_INFINITY);
  const capacity = caps ? weights.reduce((sum, _, i) => sum + capOf(i), 0) : Number.POSITIVE_INFINITY;
  if (capacity < total) throw new RangeError(`cannot place ${total} into slots holding at most ${capacity}`);

  let remaining = total;
  // Each round distributes what is left over the slots that still have room; a capped
  // slot drops out, so at most n rounds.
  for (let round = 0; remaining > 0 && round <= n; round++) {
    const open: number[] = [];
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] ?? 0;
      if (w > 0 && (counts[i] ?? 0) < capOf(i)) {
        open.push(i);
        weightSum += w;
      }
    }
    if (open.length === 0) break;
    const shares = open.map((i) => ({ i, exact: (remaining * (weights[i] ?? 0)) / weightSum }));
    let given = 0;
    for (const share of shares) {
      const room = capOf(share.i) - (counts[share.i] ?? 0);
      const whole = Math.min(Math.floor(share.exact), room);
      counts[share.i] = (counts[share.i] ?? 0) + whole;
      given += whole;
      share.exact -= Math.floor(share.exact);
    }
    remaining -= given;
    const byRemainder = shares
      .filter((s) => (counts[s.i] ?? 0) < capOf(s.i))
      .sort((a, b) => b.exact - a.exact || a.i - b.i);
    for (const share of byRemainder) {
      if (remaining === 0) break;
      counts[share.i] = (counts[share.i] ?? 0) + 1;
      remaining -= 1;
    }
  }
  if (remaining > 0) {
    // Only slots with zero weight are left: fill them in index order rather than lose records.
    for (let i = 0; i < n && remaining > 0; i++) {
      const room = capOf(i) - (counts[i] ?? 0);
      const take = Math.min(room, remaining);
      counts[i] = (counts[i] ?? 0) + take;
      remaining -= take;
    }
  }
  return counts;
}
