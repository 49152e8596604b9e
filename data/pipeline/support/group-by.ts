/** Buckets items by key, keeping their order inside each bucket. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T, index: number) => K): Map<K, T[]> {
  const buckets = new Map<K, T[]>();
  items.forEach((item, index) => {
    const key = keyOf(item, index);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(item);
    else buckets.set(key, [item]);
  });
  return buckets;
}
