/** How many communes show each emerging pattern, for the legend: only the patterns present, in the vocabulary's order (hot, cold, none). */
import { EMERGING_PATTERNS, type EmergingPattern } from '#contract';
import type { EmergingResponse } from '#contract/api';

export function patternCounts(response: Pick<EmergingResponse, 'features'>): [EmergingPattern, number][] {
  const counts = new Map<EmergingPattern, number>();
  for (const feature of response.features) counts.set(feature.pattern, (counts.get(feature.pattern) ?? 0) + 1);
  return EMERGING_PATTERNS.filter((pattern) => counts.has(pattern)).map((pattern) => [pattern, counts.get(pattern)!]);
}
