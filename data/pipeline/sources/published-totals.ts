/**
 * The figures published at the 25 Oct 2022 review conference: the targets the demo data
 * reproduces exactly (times the scale). Read from context/published_totals.json and never
 * "fixed" — the 50-group gap between rural + urban and the total is kept.
 */
import path from 'node:path';
import { z } from 'zod';
import type { OutcomeKind } from '#contract';
import { PipelineError } from '../errors';
import { parseJsonSource } from './files';

const qualified = z.union([z.number().int().nonnegative(), z.object({ value: z.number().int().nonnegative() }).loose()]);
const schema = z.object({
  to_lien_gia: z.object({
    total_active: z.number().int().positive(),
    rural: z.number().int().nonnegative(),
    urban: z.number().int().nonnegative(),
    ethnic_minority_areas: z.number().int().nonnegative(),
    religious_areas: z.number().int().nonnegative(),
  }),
  outcomes_2017_2022: z.object({
    security_tips_provided: qualified,
    household_registration_violations_reported: qualified,
    illegal_entry_foreigners_reported: qualified,
    women_illegal_exit_returned_reported: qualified,
    guns_surrendered: qualified,
    primitive_weapons_surrendered: qualified,
    post_rehab_people_managed: qualified,
    post_rehab_exemplars: qualified,
  }),
  bon_an_toan: z.object({ total: z.number().int().positive() }),
});

export interface PublishedTotals {
  groupsTotal: number;
  groupsRural: number;
  groupsUrban: number;
  groupsEthnicMinority: number;
  groupsReligious: number;
  /** Published as "more than N". */
  tipsMoreThan: number;
  modelsTotal: number;
  outcomes: Record<OutcomeKind, number>;
}

const valueOf = (v: z.infer<typeof qualified>): number => (typeof v === 'number' ? v : v.value);

export function parsePublishedTotals(text: string, file: string): PublishedTotals {
  const name = path.basename(file);
  const document = parseJsonSource(text, file, 'TOTALS_INVALID', 'Restore the file from ../shared/context (the figures of the 25 Oct 2022 conference).');
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PipelineError({
      code: 'TOTALS_INVALID',
      message: `${name} lacks a published figure: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}.`,
      file,
      where: issue?.path.join('.'),
      fix: 'Restore the file from ../shared/context; every figure of the conference report must be present as a whole number.',
    });
  }
  const t = parsed.data;
  const o = t.outcomes_2017_2022;
  const totals: PublishedTotals = {
    groupsTotal: t.to_lien_gia.total_active,
    groupsRural: t.to_lien_gia.rural,
    groupsUrban: t.to_lien_gia.urban,
    groupsEthnicMinority: t.to_lien_gia.ethnic_minority_areas,
    groupsReligious: t.to_lien_gia.religious_areas,
    tipsMoreThan: valueOf(o.security_tips_provided),
    modelsTotal: t.bon_an_toan.total,
    outcomes: {
      household_registration_violations_reported: valueOf(o.household_registration_violations_reported),
      illegal_entry_foreigners_reported: valueOf(o.illegal_entry_foreigners_reported),
      women_illegal_exit_returned_reported: valueOf(o.women_illegal_exit_returned_reported),
      guns_surrendered: valueOf(o.guns_surrendered),
      primitive_weapons_surrendered: valueOf(o.primitive_weapons_surrendered),
      post_rehab_people_managed: valueOf(o.post_rehab_people_managed),
      post_rehab_exemplars: valueOf(o.post_rehab_exemplars),
    },
  };
  if (totals.groupsRural + totals.groupsUrban > totals.groupsTotal) {
    throw new PipelineError({
      code: 'TOTALS_INVALID',
      message: `${name}: rural (${totals.groupsRural}) + urban (${totals.groupsUrban}) exceed the total (${totals.groupsTotal}).`,
      file,
      where: 'to_lien_gia',
      fix: 'Restore the published figures; the split may fall short of the total (the gap becomes "unclassified") but cannot exceed it.',
    });
  }
  return totals;
}
