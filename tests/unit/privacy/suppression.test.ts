import { describe, expect, it } from 'vitest';
import { suppressedKeys, type CountCell } from '../../../server/privacy/suppression';

const K = 5;

/**
 * What an attacker can compute: a group total is published wherever it is not itself a small
 * count (0 < total < k totals are suppressed at their own level), and total − visible cells
 * gives a hidden cell away when it is the only hidden one of its group.
 */
function recoverable(cells: CountCell[], hidden: Set<string>): string[] {
  const groups = new Map<string, CountCell[]>();
  for (const c of cells) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c]);
  const found: string[] = [];
  for (const members of groups.values()) {
    const total = members.reduce((sum, m) => sum + m.count, 0);
    const totalPublished = total === 0 || total >= K;
    const hiddenMembers = members.filter((m) => hidden.has(m.key));
    if (totalPublished && hiddenMembers.length === 1) found.push(hiddenMembers[0]!.key);
  }
  return found;
}

describe('small-cell suppression', () => {
  it('given counts 0, 3, 4, 5 and 12, hides exactly the non-zero counts below k = 5', () => {
    const cells = [0, 3, 4, 5, 12].map((count, i) => ({ key: `c${i}`, count }));
    expect([...suppressedKeys(cells, K)].sort()).toEqual(['c1', 'c2']);
  });

  it('given one small cell in a group, also hides the smallest other non-zero cell of that group', () => {
    const cells: CountCell[] = [
      { key: 'a', count: 2, group: 'D1' },
      { key: 'b', count: 0, group: 'D1' },
      { key: 'c', count: 9, group: 'D1' },
      { key: 'd', count: 7, group: 'D1' },
      { key: 'e', count: 30, group: 'D2' },
    ];
    const hidden = suppressedKeys(cells, K);
    expect([...hidden].sort()).toEqual(['a', 'd']);
    expect(recoverable(cells, hidden)).toEqual([]);
  });

  it('given a group whose only other cells are zero, hides a zero cell so the total cannot be split', () => {
    const cells: CountCell[] = [
      { key: 'a', count: 3, group: 'D1' },
      { key: 'b', count: 0, group: 'D1' },
    ];
    expect([...suppressedKeys(cells, K)].sort()).toEqual(['a', 'b']);
  });

  it('leaves everything visible when k is 0 (admins)', () => {
    const cells = [1, 2, 3].map((count, i) => ({ key: String(i), count }));
    expect(suppressedKeys(cells, 0).size).toBe(0);
  });

  it('given random tables, never shows 0 < n < k and never leaves one hidden cell alone in a group', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 500; trial++) {
      const cells: CountCell[] = Array.from({ length: 3 + Math.floor(random() * 20) }, (_, i) => ({
        key: `u${i}`,
        count: random() < 0.3 ? 0 : Math.floor(random() * 12),
        group: `g${Math.floor(random() * 3)}`,
      }));
      const hidden = suppressedKeys(cells, K);
      for (const cell of cells) if (cell.count > 0 && cell.count < K) expect(hidden.has(cell.key)).toBe(true);
      expect(recoverable(cells, hidden)).toEqual([]);
    }
  });
});
