/**
 * Scoring of an attack on hidden counts: for every hidden cell the attack guessed (true count
 * 1 … k − 1, known from an admin session), did it get the count exactly? The advantage is its
 * hit rate minus that of always guessing the most common small count among the same cells.
 */
export interface Guess {
  cell: string;
  truth: number;
  guess: number;
}

export interface AttackScore {
  cells: number;
  hitRate: number;
  modalRate: number;
  advantage: number;
}

export function scoreAttack(guesses: readonly Guess[]): AttackScore {
  if (guesses.length === 0) return { cells: 0, hitRate: 0, modalRate: 0, advantage: 0 };
  const frequency = new Map<number, number>();
  for (const g of guesses) frequency.set(g.truth, (frequency.get(g.truth) ?? 0) + 1);
  const modalRate = Math.max(...frequency.values()) / guesses.length;
  const hitRate = guesses.filter((g) => g.guess === g.truth).length / guesses.length;
  return { cells: guesses.length, hitRate, modalRate, advantage: hitRate - modalRate };
}

/** What an attacker would guess from a recovered number: the nearest small count. */
export const nearestSmallCount = (recovered: number, k: number): number => Math.min(k - 1, Math.max(1, Math.round(recovered)));
