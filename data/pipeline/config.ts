/**
 * The reviewed simulation configs in data/config/*.json, validated with zod. A config
 * mistake is a CONFIG_INVALID error naming the file and the JSON path; cross-checks against
 * the real communes (codes exist, names match, centres inside their hosts) happen in
 * simulate/check-config.ts once the reference layer is built.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MODEL_SETTINGS, OUTCOME_KINDS, TIP_CATEGORIES } from '#contract';
import { REPO_ROOT } from '../paths';
import { PipelineError } from './errors';

export const CONFIG_DIR = path.join(REPO_ROOT, 'data', 'config');

export const CONFIG_FILES = {
  settlementMask: 'settlement-mask.json',
  industrialParks: 'industrial-parks.json',
  areaFlags: 'area-flags.json',
  modelSettings: 'model-settings.json',
  rollout: 'rollout.json',
  tips: 'tips.json',
  tipClusters: 'tip-clusters.json',
  outcomeEvents: 'outcome-events.json',
} as const;

const lonLat = z.tuple([z.number().min(105).max(106.2), z.number().min(20.8).max(21.9)]);
const communeCode = z.string().regex(/^\d{5}$/);
const districtCode = z.string().regex(/^\d{3}$/);
const reason = z.string().min(10);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const yearWeights = z.record(z.string().regex(/^\d{4}$/), z.number().nonnegative());

const settlementMask = z.object({
  mask: z.object({ name: z.string(), polygon: z.array(lonLat).min(4) }),
  exempt_communes: z.array(z.object({ code: communeCode, name: z.string(), why: reason })),
});

const industrialParks = z.object({
  parks: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(3),
        host_communes: z.array(communeCode).min(1),
        centre: lonLat,
        area_ha: z.number().positive(),
        why: reason,
      }),
    )
    .min(1),
});

const flagEntry = z.object({
  code: communeCode,
  name: z.string(),
  weight: z.number().positive(),
  why: reason,
  basis: z.enum(['evidence', 'assumption']),
});
const areaFlags = z.object({ ethnic_minority: z.array(flagEntry).min(1), religious: z.array(flagEntry).min(1) });

const settingSplit = z.object({ count: z.number().int().nonnegative(), why: reason });
const modelSettings = z.object({
  split: z.object(Object.fromEntries(MODEL_SETTINGS.map((s) => [s, settingSplit])) as Record<(typeof MODEL_SETTINGS)[number], typeof settingSplit>),
  enterprise_park_share: z.number().min(0).max(1),
  provincial_seat: z.object({ code: communeCode, name: z.string(), why: reason }),
  district_seats: z.array(z.object({ district: districtCode, code: communeCode, why: reason })).min(1),
  names: z.object({
    school: z.array(z.string()).min(1),
    school_upper_secondary: z.string(),
    agency_province: z.array(z.string()),
    agency_seat: z.array(z.string()),
    agency_commune: z.array(z.string()),
    agency_overflow: z.string().includes('{n}'),
    hospital_province: z.string(),
    hospital_seat: z.string(),
    hospital_commune: z.string(),
    hospital_overflow: z.string().includes('{n}'),
    enterprise: z.string().includes('{n}'),
    enterprise_sectors: z.array(z.string()).min(1),
  }),
});

const rollout = z.object({
  groups: z.object({ year_weights: yearWeights, commune_launch_window: z.tuple([isoDate, isoDate]) }),
  models: z.object({ year_weights: yearWeights }),
});

const categoryWeights = z.object(
  Object.fromEntries(TIP_CATEGORIES.map((c) => [c, z.number().nonnegative()])) as Record<(typeof TIP_CATEGORIES)[number], z.ZodNumber>,
);
export const TIP_CONTEXTS = ['background', 'industrial', 'urban'] as const;
export type TipContext = (typeof TIP_CONTEXTS)[number];
const tips = z.object({
  total_at_scale_1: z.number().int().positive(),
  categories: z.object({ background: categoryWeights, industrial: categoryWeights, urban: categoryWeights }),
});

const tipClusters = z.object({
  clusters: z
    .array(
      z.object({
        id: z.string().regex(/^TC\d+$/),
        name: z.string(),
        context: z.enum(['industrial', 'urban']),
        park: z.string().nullable(),
        centre: lonLat,
        radius_km: z.number().positive().max(10),
        share: z.number().positive().max(0.3),
        why: reason,
        expected_hot_communes: z.array(communeCode),
      }),
    )
    .min(1),
});

export const COMMUNE_TRAITS = ['industrial', 'urban', 'rural', 'highland'] as const;
export type CommuneTrait = (typeof COMMUNE_TRAITS)[number];
const eventKind = z.object({
  quantity: z.tuple([z.number().int().positive(), z.number().int().positive()]).refine(([min, max]) => min <= max, 'min must not exceed max'),
  affinity: z.partialRecord(z.enum(COMMUNE_TRAITS), z.number().positive()),
  why: reason,
});
const outcomeEvents = z.object({
  kinds: z.object(Object.fromEntries(OUTCOME_KINDS.map((k) => [k, eventKind])) as Record<(typeof OUTCOME_KINDS)[number], typeof eventKind>),
});

export interface SimulationConfig {
  settlementMask: z.infer<typeof settlementMask>;
  industrialParks: z.infer<typeof industrialParks>;
  areaFlags: z.infer<typeof areaFlags>;
  modelSettings: z.infer<typeof modelSettings>;
  rollout: z.infer<typeof rollout>;
  tips: z.infer<typeof tips>;
  tipClusters: z.infer<typeof tipClusters>;
  outcomeEvents: z.infer<typeof outcomeEvents>;
}
export type IndustrialPark = SimulationConfig['industrialParks']['parks'][number];
export type TipCluster = SimulationConfig['tipClusters']['clusters'][number];
export type FlagEntry = z.infer<typeof flagEntry>;

function loadOne<T>(file: string, schema: z.ZodType<T>, dir: string): T {
  const absolute = path.join(dir, file);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (cause) {
    throw new PipelineError({
      code: 'CONFIG_INVALID',
      message: `The config ${file} could not be read as JSON (${(cause as Error).message}).`,
      file: absolute,
      fix: 'Fix the JSON syntax (or restore the file from version control).',
    });
  }
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top level)' : '(unknown)';
    throw new PipelineError({
      code: 'CONFIG_INVALID',
      message: `The config ${file} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}.`,
      file: absolute,
      where,
      fix: 'Correct that entry; data/README.md describes every config file.',
    });
  }
  return parsed.data;
}

export function loadSimulationConfig(dir: string = CONFIG_DIR): SimulationConfig {
  return {
    settlementMask: loadOne(CONFIG_FILES.settlementMask, settlementMask, dir),
    industrialParks: loadOne(CONFIG_FILES.industrialParks, industrialParks, dir),
    areaFlags: loadOne(CONFIG_FILES.areaFlags, areaFlags, dir),
    modelSettings: loadOne(CONFIG_FILES.modelSettings, modelSettings, dir),
    rollout: loadOne(CONFIG_FILES.rollout, rollout, dir),
    tips: loadOne(CONFIG_FILES.tips, tips, dir),
    tipClusters: loadOne(CONFIG_FILES.tipClusters, tipClusters, dir),
    outcomeEvents: loadOne(CONFIG_FILES.outcomeEvents, outcomeEvents, dir),
  };
}
