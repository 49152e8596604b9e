/**
 * The two overlapping group flags, ethnic-minority area and religious area: the published
 * total (times the scale) is split over the communes listed in data/config/area-flags.json
 * by weight × the commune's group count, then whole villages are flagged first (an area is
 * designated village by village), the last one partly.
 */
import path from 'node:path';
import { CONFIG_DIR, CONFIG_FILES, type FlagEntry } from '../config';
import { PipelineError } from '../errors';
import { allocateExactly } from '../support/allocate';
import { groupBy } from '../support/group-by';
import type { Random } from '../support/prng';
import type { SimulationContext } from './context';
import type { GroupDraft } from './groups';

type FlagField = 'ethnic_minority' | 'religious';

function applyFlag(groups: GroupDraft[], entries: FlagEntry[], target: number, field: FlagField, random: Random): void {
  const byCommune = groupBy(groups, (g) => g.commune_code);
  const sizes = entries.map((e) => byCommune.get(e.code)?.length ?? 0);
  const capacity = sizes.reduce((s, n) => s + n, 0);
  if (capacity < target) {
    throw new PipelineError({
      code: 'SIMULATION_INFEASIBLE',
      message: `${target} groups must carry the ${field} flag, but the communes listed for it hold only ${capacity} groups.`,
      file: path.join(CONFIG_DIR, CONFIG_FILES.areaFlags),
      where: field,
      fix: 'List more communes (with the reason) under that flag in area-flags.json.',
    });
  }
  const quotas = allocateExactly(
    target,
    entries.map((e, i) => e.weight * (sizes[i] ?? 0)),
    sizes,
  );
  entries.forEach((entry, i) => {
    let remaining = quotas[i] ?? 0;
    const byVillage = groupBy(byCommune.get(entry.code) ?? [], (g) => g.village_id);
    for (const villageId of random.shuffled([...byVillage.keys()].sort())) {
      if (remaining === 0) break;
      const members = byVillage.get(villageId) ?? [];
      const chosen = members.length <= remaining ? members : random.shuffled(members).slice(0, remaining);
      for (const group of chosen) group[field] = true;
      remaining -= chosen.length;
    }
  });
}

export function flagGroups(ctx: SimulationContext, groups: GroupDraft[]): void {
  const { areaFlags } = ctx.config;
  applyFlag(groups, areaFlags.ethnic_minority, ctx.totals.groupsEthnicMinority * ctx.scale, 'ethnic_minority', ctx.random('flags:ethnic'));
  applyFlag(groups, areaFlags.religious, ctx.totals.groupsReligious * ctx.scale, 'religious', ctx.random('flags:religious'));
}
