/**
 * What every simulation stage shares: the real communes with their traits, the validated
 * config, the targets (published totals times the scale), the point locator and the seed.
 */
import { MODELS_PERIOD, PUBLISHED_PERIOD } from '#contract';
import type { CommuneTrait, SimulationConfig } from '../config';
import type { AreaUnit, Commune, ReferenceData } from '../reference/types';
import type { PublishedTotals } from '../sources/published-totals';
import { dayFromIso } from '../support/dates';
import { createRandom, type Random } from '../support/prng';
import { AreaMask } from './geo-sampling';
import { CommuneLocator } from '../reference/locator';

/** Hill districts (Lập Thạch, Tam Đảo, Sông Lô): the 'highland' trait of outcome events. */
export const HIGHLAND_DISTRICTS: ReadonlySet<string> = new Set(['246', '248', '253']);

export interface SimulationContext {
  seed: number;
  scale: number;
  communes: readonly Commune[];
  districtsByCode: ReadonlyMap<string, AreaUnit>;
  config: SimulationConfig;
  totals: PublishedTotals;
  locator: CommuneLocator;
  mask: AreaMask;
  maskExempt: ReadonlySet<string>;
  traits: readonly ReadonlySet<CommuneTrait>[];
  period: { start: number; end: number };
  modelsPeriod: { start: number; end: number };
  random(stream: string): Random;
}

export function communeTraits(commune: Commune, industrialHosts: ReadonlySet<string>): Set<CommuneTrait> {
  const traits = new Set<CommuneTrait>();
  traits.add(commune.type === 'Xã' ? 'rural' : 'urban');
  if (industrialHosts.has(commune.code)) traits.add('industrial');
  if (HIGHLAND_DISTRICTS.has(commune.districtCode)) traits.add('highland');
  return traits;
}

export function createContext(
  reference: ReferenceData,
  config: SimulationConfig,
  totals: PublishedTotals,
  seed: number,
  scale: number,
): SimulationContext {
  const industrialHosts = new Set(config.industrialParks.parks.flatMap((p) => p.host_communes));
  return {
    seed,
    scale,
    communes: reference.communes,
    districtsByCode: new Map(reference.districts.map((d) => [d.code, d])),
    config,
    totals,
    locator: new CommuneLocator(reference.communes),
    mask: new AreaMask(config.settlementMask.mask.polygon),
    maskExempt: new Set(config.settlementMask.exempt_communes.map((e) => e.code)),
    traits: reference.communes.map((c) => communeTraits(c, industrialHosts)),
    period: { start: dayFromIso(PUBLISHED_PERIOD.from), end: dayFromIso(PUBLISHED_PERIOD.to) },
    modelsPeriod: { start: dayFromIso(MODELS_PERIOD.from), end: dayFromIso(MODELS_PERIOD.to) },
    random: (stream) => createRandom(seed, stream),
  };
}
