/**
 * Simulated tips (nguồn tin): a background that follows the groups (more groups, longer
 * active → more tips; a commune-level propensity adds realistic unevenness) plus the
 * PLANTED clusters of data/config/tip-clusters.json around industrial parks and urban
 * centres. Each tip belongs to a group of its commune active on its date.
 */
import type { TipCategory } from '#contract';
import { TIP_CATEGORIES } from '#contract';
import { TIP_CONTEXTS, type TipCluster, type TipContext } from '../config';
import type { Position } from '../sources/gadm';
import type { Random } from '../support/prng';
import type { GroupActivity } from './activity';
import type { SimulationContext } from './context';
import { distanceMetres, jitterInCommune, offsetPoint } from './geo-sampling';

/** Commune-to-commune spread of tip propensity per group (log-normal sigma). */
const COMMUNE_PROPENSITY_SIGMA = 0.35;
/** How far from the group's centre the reported matter is, in metres (one sd). */
const TIP_SPREAD_M = 350;
const METRES_PER_KM = 1000;
/** A cluster's spread: sigma is half its radius, so most of its tips fall well inside it. */
const CLUSTER_SIGMA_PER_RADIUS = 0.5;

export interface TipDraft {
  groupIndex: number;
  communeIndex: number;
  date: number;
  category: TipCategory;
  point: Position;
}

function categoryPicker(ctx: SimulationContext): (random: Random, context: TipContext) => TipCategory {
  const weights = Object.fromEntries(
    TIP_CONTEXTS.map((c) => [c, TIP_CATEGORIES.map((k) => ctx.config.tips.categories[c][k])]),
  ) as Record<TipContext, number[]>;
  return (random, context) => TIP_CATEGORIES[random.weightedIndex(weights[context])]!;
}

/** Cluster tip counts (share × total, rounded) and the background remainder: exact total. */
export function tipCounts(ctx: SimulationContext): { total: number; clusters: Map<string, number>; background: number } {
  const total = ctx.config.tips.total_at_scale_1 * ctx.scale;
  const clusters = new Map(ctx.config.tipClusters.clusters.map((c) => [c.id, Math.round(c.share * total)]));
  const background = total - [...clusters.values()].reduce((s, n) => s + n, 0);
  return { total, clusters, background };
}

/** A point of the cluster: normal around the centre (sigma = radius / 2), inside the radius. */
function clusterPoint(random: Random, cluster: TipCluster): Position {
  const radius = cluster.radius_km * METRES_PER_KM;
  const sigma = radius * CLUSTER_SIGMA_PER_RADIUS;
  for (;;) {
    const point = offsetPoint(cluster.centre, random.normal() * sigma, random.normal() * sigma);
    if (distanceMetres(point, cluster.centre) <= radius) return point;
  }
}

export function simulateTips(ctx: SimulationContext, activity: GroupActivity): TipDraft[] {
  const counts = tipCounts(ctx);
  const pickCategory = categoryPicker(ctx);
  const propensityRandom = ctx.random('tips:propensity');
  const propensity = ctx.communes.map(() => propensityRandom.logNormal(COMMUNE_PROPENSITY_SIGMA));
  const tips: TipDraft[] = [];

  const random = ctx.random('tips:background');
  const sampler = activity.sampler((g) => propensity[g.communeIndex] ?? 1);
  for (let i = 0; i < counts.background; i++) {
    const groupIndex = sampler.sample(random);
    const group = activity.groups[groupIndex]!;
    tips.push({
      groupIndex,
      communeIndex: group.communeIndex,
      date: activity.dayFor(random, groupIndex),
      category: pickCategory(random, 'background'),
      point: jitterInCommune(random, ctx.locator, group.communeIndex, group.point, TIP_SPREAD_M),
    });
  }

  for (const cluster of ctx.config.tipClusters.clusters) {
    const clusterRandom = ctx.random(`tips:cluster:${cluster.id}`);
    const n = counts.clusters.get(cluster.id) ?? 0;
    for (let i = 0; i < n; i++) {
      let point: Position;
      let communeIndex: number | undefined;
      do {
        point = clusterPoint(clusterRandom, cluster);
        communeIndex = ctx.locator.uniqueCommuneAt(point);
      } while (communeIndex === undefined || !activity.hasGroups(communeIndex));
      const groupIndex = activity.groupInCommune(clusterRandom, communeIndex);
      tips.push({
        groupIndex,
        communeIndex,
        date: activity.dayFor(clusterRandom, groupIndex),
        category: pickCategory(clusterRandom, cluster.context),
        point,
      });
    }
  }
  return tips;
}
