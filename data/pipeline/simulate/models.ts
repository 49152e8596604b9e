/**
 * Simulated "4 an toàn" models: the published total split by setting
 * (data/config/model-settings.json), spread over communes by what each setting follows —
 * schools by population, agencies and hospitals towards district seats, enterprises mostly
 * in the industrial parks — each named by type and located near a village centre or in its park.
 */
import { MODEL_SETTINGS, type ModelSetting } from '#contract';
import type { IndustrialPark } from '../config';
import type { Commune } from '../reference/types';
import type { Position } from '../sources/gadm';
import { allocateExactly } from '../support/allocate';
import { groupBy } from '../support/group-by';
import type { Random } from '../support/prng';
import { YearRamp } from '../support/ramp';
import type { SimulationContext } from './context';
import { distanceMetres, jitterInCommune, offsetPoint } from './geo-sampling';
import type { VillagePlan } from './villages';

/** Agencies: a committee and offices in every commune, many more in district and provincial seats. */
const AGENCY_BASE = 1;
const AGENCY_PER_10K_PEOPLE = 1;
const AGENCY_DISTRICT_SEAT_BONUS = 4;
const AGENCY_PROVINCIAL_SEAT_BONUS = 8;
/** Hospitals: district medical centres and provincial hospitals; larger health stations elsewhere. */
const HOSPITAL_BASE = 0.25;
const HOSPITAL_PER_40K_PEOPLE = 1;
const HOSPITAL_DISTRICT_SEAT_BONUS = 1.5;
const HOSPITAL_PROVINCIAL_SEAT_BONUS = 6;
/** Enterprises outside the parks sit in towns twice as often as in rural communes. */
const ENTERPRISE_URBAN_FACTOR = 2;
/** Institutions stand near a village centre: spread in metres (one sd). */
const INSTITUTION_SPREAD_M = 200;
/** Every third-level school slot in eight is an upper-secondary school (fewer of those). */
const UPPER_SECONDARY_EVERY = 8;
const ENTERPRISE_NUMBER_DIGITS = 5;

export interface ModelDraft {
  name: string;
  setting: ModelSetting;
  communeIndex: number;
  founded_on: number;
  point: Position;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "Trường THCS Bá Hiến", then "… số 2", "… số 3" for further ones in the same commune. */
function uniqueName(base: string, seen: Map<string, number>): string {
  const k = (seen.get(base) ?? 0) + 1;
  seen.set(base, k);
  return k === 1 ? base : `${base} số ${k}`;
}

export function simulateModels(ctx: SimulationContext, villages: VillagePlan[]): ModelDraft[] {
  const { config, communes } = ctx;
  const settings = config.modelSettings;
  const random = ctx.random('models');
  const ramp = new YearRamp(config.rollout.models.year_weights, ctx.modelsPeriod);
  const districtSeats = new Set(settings.district_seats.map((s) => s.code));
  const provincialSeat = settings.provincial_seat.code;
  const villagesByCommune = groupBy(villages, (v) => v.communeIndex);
  const usedNames = communes.map(() => new Map<string, number>());
  const perCommuneCount = communes.map(() => ({ school: 0, agency: 0, hospital: 0, enterprise: 0 }));
  let enterpriseNumber = 0;

  const counts = allocateExactly(
    ctx.totals.modelsTotal * ctx.scale,
    MODEL_SETTINGS.map((s) => settings.split[s].count),
  );
  const seatBonus = (c: Commune, district: number, provincial: number) =>
    (districtSeats.has(c.code) ? district : 0) + (c.code === provincialSeat ? provincial : 0);
  const weightsFor: Record<Exclude<ModelSetting, 'enterprise'>, number[]> = {
    school: communes.map((c) => c.population),
    agency: communes.map((c) => AGENCY_BASE + (AGENCY_PER_10K_PEOPLE * c.population) / 10_000 + seatBonus(c, AGENCY_DISTRICT_SEAT_BONUS, AGENCY_PROVINCIAL_SEAT_BONUS)),
    hospital: communes.map((c) => HOSPITAL_BASE + (HOSPITAL_PER_40K_PEOPLE * c.population) / 40_000 + seatBonus(c, HOSPITAL_DISTRICT_SEAT_BONUS, HOSPITAL_PROVINCIAL_SEAT_BONUS)),
  };

  const nameFor = (setting: ModelSetting, communeIndex: number): string => {
    const commune = communes[communeIndex]!;
    const district = ctx.districtsByCode.get(commune.districtCode)!;
    const values = {
      commune: commune.name,
      unit: `${commune.type.toLocaleLowerCase('vi')} ${commune.name}`,
      district: `${district.type.toLocaleLowerCase('vi')} ${district.name}`,
      sector: settings.names.enterprise_sectors[random.int(0, settings.names.enterprise_sectors.length - 1)]!,
      n: '',
    };
    const k = perCommuneCount[communeIndex]![setting]++;
    const names = settings.names;
    const isDistrictSeat = districtSeats.has(commune.code);
    const isProvincialSeat = commune.code === provincialSeat;
    /** The k-th name of an ordered list, then the overflow template numbered from 1. */
    const inOrder = (list: string[], overflow: string) => {
      if (k < list.length) return list[k]!;
      values.n = String(k - list.length + 1);
      return overflow;
    };
    let template: string;
    switch (setting) {
      case 'school':
        template = k % UPPER_SECONDARY_EVERY === UPPER_SECONDARY_EVERY - 1 ? names.school_upper_secondary : names.school[k % names.school.length]!;
        break;
      case 'agency':
        template = inOrder([...(isProvincialSeat ? names.agency_province : []), ...(isDistrictSeat ? names.agency_seat : []), ...names.agency_commune], names.agency_overflow);
        break;
      case 'hospital':
        template = inOrder(
          [...(isProvincialSeat ? [names.hospital_province] : []), ...(isDistrictSeat ? [names.hospital_seat] : []), names.hospital_commune],
          names.hospital_overflow,
        );
        break;
      case 'enterprise':
        enterpriseNumber += 1;
        values.n = String(enterpriseNumber).padStart(ENTERPRISE_NUMBER_DIGITS, '0');
        template = names.enterprise;
        break;
    }
    return uniqueName(fill(template, values), usedNames[communeIndex]!);
  };

  const nearVillage = (communeIndex: number): Position => {
    const members = villagesByCommune.get(communeIndex) ?? [];
    const village = members[random.weightedIndex(members.map((v) => v.row.households))]!.row;
    const exempt = ctx.maskExempt.has(communes[communeIndex]!.code);
    return jitterInCommune(random, ctx.locator, communeIndex, [village.lon, village.lat], INSTITUTION_SPREAD_M, (p) => exempt || !ctx.mask.contains(p));
  };

  const drafts: ModelDraft[] = [];
  const add = (setting: ModelSetting, communeIndex: number, point: Position) =>
    drafts.push({ name: nameFor(setting, communeIndex), setting, communeIndex, founded_on: ramp.sample(random), point });

  MODEL_SETTINGS.forEach((setting, s) => {
    const count = counts[s] ?? 0;
    if (setting === 'enterprise') {
      const inParks = Math.round(count * settings.enterprise_park_share);
      const parks = config.industrialParks.parks;
      allocateExactly(inParks, parks.map((p) => p.area_ha)).forEach((n, p) => {
        for (let i = 0; i < n; i++) {
          const located = inPark(ctx, random, parks[p]!);
          add('enterprise', located.communeIndex, located.point);
        }
      });
      const elsewhere = allocateExactly(count - inParks, communes.map((c, i) => c.households * (ctx.traits[i]!.has('urban') ? ENTERPRISE_URBAN_FACTOR : 1)));
      elsewhere.forEach((n, communeIndex) => {
        for (let i = 0; i < n; i++) add('enterprise', communeIndex, nearVillage(communeIndex));
      });
      return;
    }
    allocateExactly(count, weightsFor[setting]).forEach((n, communeIndex) => {
      for (let i = 0; i < n; i++) add(setting, communeIndex, nearVillage(communeIndex));
    });
  });
  return drafts;
}

const SQUARE_METRES_PER_HA = 10_000;
/** Draws fall within this many park radii of the centre (factories along the park's roads). */
const PARK_SPREAD_RADII = 2;

/** A point in the park's area (a disc of the park's size around its centre), in one commune. */
function inPark(ctx: SimulationContext, random: Random, park: IndustrialPark): { point: Position; communeIndex: number } {
  const radius = Math.sqrt((park.area_ha * SQUARE_METRES_PER_HA) / Math.PI);
  for (;;) {
    const point = offsetPoint(park.centre, random.normal() * radius, random.normal() * radius);
    if (distanceMetres(point, park.centre) > PARK_SPREAD_RADII * radius) continue;
    const communeIndex = ctx.locator.uniqueCommuneAt(point);
    if (communeIndex !== undefined && !ctx.mask.contains(point)) return { point, communeIndex };
  }
}
