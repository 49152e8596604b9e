/**
 * Bad input through the real CLI: a corrupt GeoJSON or CSV, a renamed source file or an
 * unjoinable commune name fails with exit status ≠ 0 and a message naming the file, the
 * row or feature and the fix — no stack trace — and the existing good store (its versions and
 * ACTIVE pointer) is untouched. Sources are copied to a temp folder outside the repository and
 * corrupted there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sourcesDir } from '../../data/paths';
import { SOURCE_FILES } from '../../data/pipeline/sources/files';
import { defaultBuild, directoryFingerprint } from './support/dataset';

const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

let scratch: string;
let goodStore: string;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'tlg-bad-input-'));
  goodStore = (await defaultBuild()).store;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of the sources and of the good store for one scenario. */
function scenario(name: string): { sources: string; target: string } {
  const sources = path.join(scratch, name, 'sources');
  const target = path.join(scratch, name, 'build');
  cpSync(sourcesDir(), sources, { recursive: true });
  cpSync(goodStore, target, { recursive: true });
  return { sources, target };
}

function runCli(sources: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [TSX_CLI, path.join(REPO_ROOT, 'scripts', 'prepare-data.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TLG_SOURCES: sources, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectUntouched(target: string, before: Record<string, string>): void {
  expect(directoryFingerprint(target)).toEqual(before);
  const leftovers = readdirSync(path.dirname(target)).filter((f) => f !== path.basename(target) && f !== 'sources');
  expect(leftovers).toEqual([]);
}

describe('bad input through `npm run data`', () => {
  it('given a truncated GeoJSON, when the CLI runs, then it exits 1 naming the file and the fix, and the good build is untouched', () => {
    const { sources, target } = scenario('truncated-geojson');
    const file = path.join(sources, SOURCE_FILES.communes);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 50_000));
    const before = directoryFingerprint(target);

    const result = runCli(sources, ['--out', target]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[GEOJSON_MALFORMED]');
    expect(result.stderr).toContain('gadm41_vinh_phuc_communes.geojson is not valid JSON');
    expect(result.stderr).toMatch(/fix: +Restore the file/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expectUntouched(target, before);
  });

  it('given a census CSV row with a missing field, when the CLI runs, then it exits 1 naming the file and the line', () => {
    const { sources, target } = scenario('short-csv-row');
    const file = path.join(sources, SOURCE_FILES.census);
    writeFileSync(file, readFileSync(file, 'utf8').replace('08710,Phường Liên Bảo,22737,6170,,', '08710,Phường Liên Bảo,22737,6170,'));
    const before = directoryFingerprint(target);

    const result = runCli(sources, ['--out', target]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[CSV_MALFORMED]');
    expect(result.stderr).toContain('vinh_phuc_population_2019.csv line 5 has 6 fields, expected 7');
    expect(result.stderr).toMatch(/where: line 5/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expectUntouched(target, before);
  });

  it('given a renamed crosswalk file, when the CLI runs, then it exits 1 saying which file is missing and to rename it back', () => {
    const { sources, target } = scenario('renamed-file');
    renameSync(path.join(sources, SOURCE_FILES.crosswalk), path.join(sources, 'vinh_phuc_crosswalk_2025 (copy).csv'));
    const before = directoryFingerprint(target);

    const result = runCli(sources, ['--out', target]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[SOURCE_MISSING]');
    expect(result.stderr).toContain('vinh_phuc_crosswalk_2025.csv was not found');
    expect(result.stderr).toContain('Rename "vinh_phuc_crosswalk_2025 (copy).csv" back to "vinh_phuc_crosswalk_2025.csv"');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expectUntouched(target, before);
  });

  it('given a GADM commune name that matches no census commune, when the CLI runs, then it exits 1 naming the feature and its district', () => {
    const { sources, target } = scenario('unjoinable-name');
    const file = path.join(sources, SOURCE_FILES.communes);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"NAME_3":"ĐìnhChu"', '"NAME_3":"ĐìnhChuu"'));
    const before = directoryFingerprint(target);

    const result = runCli(sources, ['--out', target]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[JOIN_FAILED]');
    expect(result.stderr).toContain('GID_3 VNM.62.2.4_1, NAME_3 "ĐìnhChuu"');
    expect(result.stderr).toContain('Huyện Lập Thạch (246)');
    expect(result.stderr).toContain('Đình Chu (08857)');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expectUntouched(target, before);
  });

  it('given no build yet and a corrupt source, when the CLI runs, then nothing at all is left in the target folder', () => {
    const { sources } = scenario('no-previous-build');
    const target = path.join(scratch, 'no-previous-build', 'fresh-target');
    const file = path.join(sources, SOURCE_FILES.census);
    writeFileSync(file, readFileSync(file, 'utf8').replace('commune,08707,Phường Tích Sơn,9414', 'commune,08707,Phường Tích Sơn,9.414'));

    const result = runCli(sources, ['--out', target]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('vinh_phuc_population_2019.csv line 4: population "9.414" is not a positive whole number');
    expect(readdirSync(path.dirname(target)).sort()).toEqual(['build', 'sources']);
  });

  it('given an invalid --scale, when the CLI runs, then it exits 2 with the usage', () => {
    const result = runCli(sourcesDir(), ['--scale', '0', '--out', path.join(scratch, 'never-built')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The scale must be a whole number from 1 to');
    expect(result.stderr).toContain('--scale 1 (the published totals)');
  });
});
