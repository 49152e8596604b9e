/**
 * Small-cell suppression for tip and outcome-event aggregates (informant privacy).
 *
 * Primary: a non-zero count below k is hidden (a tip from a commune with 2 tips points at a
 * handful of households). Secondary: inside every group whose total is published elsewhere
 * (a district total, the province total, a series total), a single hidden cell could be
 * recovered by subtraction, so a second cell — the smallest remaining one — is hidden too.
 * Zero cells are not sensitive and stay visible unless they are the only candidates left.
 */

export interface CountCell {
  key: string;
  count: number;
  /** Cells of one group sum to a total that is shown somewhere; null = the one global group. */
  group?: string | null;
}

const GLOBAL_GROUP = '\u0000all';

function secondaryCandidate(cells: CountCell[], hidden: Set<string>): CountCell | undefined {
  const visible = cells.filter((c) => !hidden.has(c.key));
  const byCountThenKey = (a: CountCell, b: CountCell) => a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return visible.filter((c) => c.count > 0).sort(byCountThenKey)[0] ?? visible.sort(byCountThenKey)[0];
}

/** Keys of the cells to hide. k ≤ 1 disables suppression. Deterministic for equal input. */
export function suppressedKeys(cells: CountCell[], k: number): Set<string> {
  const hidden = new Set<string>();
  if (k <= 1) return hidden;
  for (const cell of cells) if (cell.count > 0 && cell.count < k) hidden.add(cell.key);

  const groups = new Map<string, CountCell[]>();
  for (const cell of cells) {
    const group = cell.group ?? GLOBAL_GROUP;
    const members = groups.get(group);
    if (members) members.push(cell);
    else groups.set(group, [cell]);
  }
  for (const members of groups.values()) {
    const hiddenInGroup = members.filter((c) => hidden.has(c.key)).length;
    if (hiddenInGroup !== 1) continue;
    const partner = secondaryCandidate(members, hidden);
    if (partner) hidden.add(partner.key);
  }
  return hidden;
}
