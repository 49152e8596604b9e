/**
 * Cross-checks the configs against the real communes and the published totals before any
 * record is generated: every commune code exists and its name matches, park centres lie in
 * their host communes, the model split adds up, the tip total honours "more than".
 */
import path from 'node:path';
import { foldForSearch } from '#contract';
import { CONFIG_DIR, CONFIG_FILES, type SimulationConfig } from '../config';
import { PipelineError } from '../errors';
import type { Commune } from '../reference/types';
import type { PublishedTotals } from '../sources/published-totals';
import { yearOfDay } from '../support/dates';
import type { CommuneLocator } from '../reference/locator';

/** Planted clusters must stay a minority of all tips, or the background stops being realistic. */
const MAX_CLUSTER_SHARE = 0.5;

function configError(file: string, where: string, message: string, fix: string): PipelineError {
  return new PipelineError({ code: 'CONFIG_INVALID', message: `The config ${file}: ${message}`, file: path.join(CONFIG_DIR, file), where, fix });
}

export function checkConfig(
  config: SimulationConfig,
  communes: readonly Commune[],
  locator: CommuneLocator,
  totals: PublishedTotals,
  period: { start: number; end: number },
): void {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const expectCommune = (file: string, where: string, code: string, name?: string) => {
    const commune = byCode.get(code);
    if (!commune) throw configError(file, where, `commune code ${code} is not one of the 137 communes of 2019.`, 'Use the 5-digit GSO code of a 2019 commune (see units_commune.geojson).');
    if (name !== undefined && foldForSearch(name) !== foldForSearch(commune.name) && foldForSearch(name) !== foldForSearch(`${commune.type} ${commune.name}`)) {
      throw configError(file, where, `code ${code} is ${commune.type} ${commune.name}, not "${name}".`, 'Make the code and the name agree; the name is there so reviewers can read the file.');
    }
    return commune;
  };

  config.settlementMask.exempt_communes.forEach((e, i) => expectCommune(CONFIG_FILES.settlementMask, `exempt_communes.${i}`, e.code, e.name));

  for (const [kind, entries] of Object.entries(config.areaFlags)) {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      const where = `${kind}.${i}`;
      expectCommune(CONFIG_FILES.areaFlags, where, entry.code, entry.name);
      if (seen.has(entry.code)) throw configError(CONFIG_FILES.areaFlags, where, `commune ${entry.code} is listed twice under ${kind}.`, 'List each commune once per flag.');
      seen.add(entry.code);
    });
  }

  const parkIds = new Set<string>();
  config.industrialParks.parks.forEach((park, i) => {
    const where = `parks.${i} (${park.id})`;
    park.host_communes.forEach((code) => expectCommune(CONFIG_FILES.industrialParks, where, code));
    if (parkIds.has(park.id)) throw configError(CONFIG_FILES.industrialParks, where, `park id ${park.id} is used twice.`, 'Give every park a unique id.');
    parkIds.add(park.id);
    const inside = locator.containing(park.centre).map((index) => communes[index]!.code);
    if (!inside.some((code) => park.host_communes.includes(code))) {
      throw configError(
        CONFIG_FILES.industrialParks,
        where,
        `the centre [${park.centre.join(', ')}] of ${park.name} lies in ${inside.length > 0 ? inside.join(', ') : 'no commune'}, not in its host communes ${park.host_communes.join(', ')}.`,
        'Move the centre inside one of the host communes (or correct the host list).',
      );
    }
  });

  const clusterIds = new Set<string>();
  config.tipClusters.clusters.forEach((cluster, i) => {
    const where = `clusters.${i} (${cluster.id})`;
    if (clusterIds.has(cluster.id)) throw configError(CONFIG_FILES.tipClusters, where, `cluster id ${cluster.id} is used twice.`, 'Give every cluster a unique id.');
    clusterIds.add(cluster.id);
    if (cluster.park !== null && !parkIds.has(cluster.park)) {
      throw configError(CONFIG_FILES.tipClusters, where, `park "${cluster.park}" is not in ${CONFIG_FILES.industrialParks}.`, 'Use a park id from industrial-parks.json, or null for an urban cluster.');
    }
    if (locator.uniqueCommuneAt(cluster.centre) === undefined) {
      throw configError(CONFIG_FILES.tipClusters, where, `the centre [${cluster.centre.join(', ')}] is not inside exactly one commune.`, 'Move the centre inside the province, away from commune boundaries.');
    }
    cluster.expected_hot_communes.forEach((code, k) => expectCommune(CONFIG_FILES.tipClusters, `${where}.expected_hot_communes.${k}`, code));
  });
  const clusterShare = config.tipClusters.clusters.reduce((s, c) => s + c.share, 0);
  if (clusterShare > MAX_CLUSTER_SHARE) {
    throw configError(CONFIG_FILES.tipClusters, 'clusters', `the shares add up to ${clusterShare}, more than ${MAX_CLUSTER_SHARE} of all tips.`, 'Keep planted clusters a minority of the tips so the background stays realistic.');
  }

  const split = config.modelSettings.split;
  const splitSum = Object.values(split).reduce((s, v) => s + v.count, 0);
  if (splitSum !== totals.modelsTotal) {
    throw configError(CONFIG_FILES.modelSettings, 'split', `the setting counts add up to ${splitSum}, but ${totals.modelsTotal} models were published.`, `Adjust the counts so they sum to ${totals.modelsTotal}.`);
  }
  expectCommune(CONFIG_FILES.modelSettings, 'provincial_seat', config.modelSettings.provincial_seat.code, config.modelSettings.provincial_seat.name);
  config.modelSettings.district_seats.forEach((seat, i) => {
    const commune = expectCommune(CONFIG_FILES.modelSettings, `district_seats.${i}`, seat.code);
    if (commune.districtCode !== seat.district) {
      throw configError(CONFIG_FILES.modelSettings, `district_seats.${i}`, `commune ${seat.code} belongs to district ${commune.districtCode}, not ${seat.district}.`, 'Use a commune of that district as its seat.');
    }
  });

  if (config.tips.total_at_scale_1 <= totals.tipsMoreThan) {
    throw configError(CONFIG_FILES.tips, 'total_at_scale_1', `${config.tips.total_at_scale_1} tips would not be "more than ${totals.tipsMoreThan}" as published.`, `Use a total above ${totals.tipsMoreThan}.`);
  }

  const firstYear = yearOfDay(period.start);
  const lastYear = yearOfDay(period.end);
  for (const [section, weights] of [
    ['groups', config.rollout.groups.year_weights],
    ['models', config.rollout.models.year_weights],
  ] as const) {
    for (const year of Object.keys(weights)) {
      if (Number(year) < firstYear || Number(year) > lastYear) {
        throw configError(CONFIG_FILES.rollout, `${section}.year_weights.${year}`, `year ${year} is outside the published period ${firstYear}–${lastYear}.`, 'Only weight years inside the period.');
      }
    }
    if (!Object.values(weights).some((w) => w > 0)) {
      throw configError(CONFIG_FILES.rollout, `${section}.year_weights`, 'no year has a positive weight.', 'Give at least one year a positive weight.');
    }
  }
}
