/**
 * Group activity over time: a group can pass tips or report outcomes from the day it is
 * founded to the end of the period. Drawing a group in proportion to its active days and
 * then a day uniformly inside that span makes activity grow with the network, and
 * guarantees every tip or event belongs to a group of its commune active on its date.
 */
import { groupBy } from '../support/group-by';
import { WeightedSampler, type Random } from '../support/prng';
import type { GroupDraft } from './groups';

export class GroupActivity {
  readonly activeDays: Float64Array;
  private readonly byCommune: Map<number, number[]>;
  private readonly communeSamplers = new Map<number, WeightedSampler>();

  constructor(
    readonly groups: readonly GroupDraft[],
    private readonly periodEnd: number,
  ) {
    this.activeDays = Float64Array.from(groups, (g) => periodEnd - g.founded_on + 1);
    this.byCommune = groupBy(
      groups.map((_, i) => i),
      (i) => groups[i]!.communeIndex,
    );
  }

  /** A sampler over all groups with weight = active days × `factor(group)`. */
  sampler(factor: (group: GroupDraft) => number): WeightedSampler {
    return new WeightedSampler(this.groups.map((g, i) => (this.activeDays[i] ?? 0) * factor(g)));
  }

  hasGroups(communeIndex: number): boolean {
    return (this.byCommune.get(communeIndex)?.length ?? 0) > 0;
  }

  /** A group of the commune, in proportion to its active days. */
  groupInCommune(random: Random, communeIndex: number): number {
    const members = this.byCommune.get(communeIndex) ?? [];
    let sampler = this.communeSamplers.get(communeIndex);
    if (!sampler) {
      sampler = new WeightedSampler(members.map((i) => this.activeDays[i] ?? 0));
      this.communeSamplers.set(communeIndex, sampler);
    }
    return members[sampler.sample(random)]!;
  }

  /** A day on which the group is active. */
  dayFor(random: Random, groupIndex: number): number {
    return random.int(this.groups[groupIndex]!.founded_on, this.periodEnd);
  }
}
