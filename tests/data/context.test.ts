/**
 * The map context of the build: the neighbouring provinces (Vĩnh Phúc itself left out), the Red
 * and Black rivers and six towns, named in Vietnamese, geometry as in the sources, credited, and
 * registered in the manifest like every other input and output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '#contract';
import type { BasemapContextResponse, ContextFeature } from '#contract/api';
import { sourcesDir } from '../../data/paths';
import { SOURCE_FILES } from '../../data/pipeline/sources/files';
import { BUILD_FILES } from '../../data/schema';
import { defaultBuild, type TestBuild } from './support/dataset';

let build: TestBuild;
let context: BasemapContextResponse;
beforeAll(async () => {
  build = await defaultBuild();
  context = JSON.parse(readFileSync(path.join(build.dir, BUILD_FILES.contextGeojson), 'utf8')) as BasemapContextResponse;
});

const ofKind = <K extends ContextFeature['properties']['kind']>(kind: K) =>
  context.features.filter((f): f is Extract<ContextFeature, { properties: { kind: K } }> => f.properties.kind === kind);
const source = (file: string) => JSON.parse(readFileSync(path.join(sourcesDir(), file), 'utf8')) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };

describe('map context', () => {
  it('given the 14 GADM provinces of the region, when built, then the 13 neighbours remain and Vĩnh Phúc is not among them', () => {
    const names = ofKind('province').map((f) => f.properties.name);
    expect(names).toHaveLength(13);
    expect(names.map(foldForSearch)).not.toContain('vinhphuc');
    expect(names).toEqual(expect.arrayContaining(['Hà Nội', 'Phú Thọ', 'Thái Nguyên', 'Tuyên Quang']));
  });

  it('given the Natural Earth rivers "Hong" and "Da", when built, then they are named Sông Hồng and Sông Đà and keep every vertex', () => {
    const rivers = ofKind('river');
    expect(rivers.map((f) => f.properties.name)).toEqual(['Sông Hồng', 'Sông Đà']);
    const hong = source(SOURCE_FILES.contextNaturalEarth).features.find((f) => f.properties.name === 'Hong');
    expect(rivers[0]?.geometry).toEqual(hong?.geometry);
  });

  it('given the populated places, when built, then "Hanoi" is written Hà Nội and every town is ranked by its scalerank', () => {
    const places = source(SOURCE_FILES.contextNaturalEarth).features.filter((f) => f.properties.kind === 'place');
    const towns = ofKind('town');
    expect(towns.map((f) => f.properties.name).sort()).toEqual(['Bắc Giang', 'Hà Nội', 'Sơn Tây', 'Thái Nguyên', 'Tuyên Quang', 'Việt Trì']);
    expect(towns.find((f) => f.properties.name === 'Hà Nội')?.properties.rank).toBe(2);
    expect(towns.map((f) => f.properties.rank)).toEqual(places.map((p) => p.properties.scalerank));
  });

  it('credits GADM and Natural Earth with their licences', () => {
    expect(context.attribution).toMatch(/GADM 4\.1.*non-commercial.*Natural Earth.*public domain/);
    expect(context.synthetic).toBe(false);
  });

  it('is an output of the manifest, and both context sources are hashed inputs', () => {
    expect(build.manifest.outputs.map((o) => o.file)).toContain(BUILD_FILES.contextGeojson);
    const inputs = build.manifest.inputs.map((i) => i.file);
    expect(inputs).toContain(`sources/${SOURCE_FILES.contextProvinces}`);
    expect(inputs).toContain(`sources/${SOURCE_FILES.contextNaturalEarth}`);
  });
});
