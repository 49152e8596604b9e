/**
 * An accepted import becomes a new version through the same writer as a demo build: the
 * reference layer from the sources, this register's records, the other registers carried over
 * from the active version (real data only: over the demo data they start empty), then tables,
 * rollup, totals queried back and checked against the counts written, manifest, commit.
 */
import path from 'node:path';
import { codeVersion } from '../pipeline/output/code-version';
import { contentHash } from '../pipeline/output/manifest';
import { checkRecordCounts } from '../pipeline/output/totals';
import type { TableSource } from '../pipeline/output/tables';
import { writeVersion, type RecordTables } from '../pipeline/output/write-version';
import type { ReferenceData } from '../pipeline/reference/types';
import type { HashedInput } from '../pipeline/sources/files';
import type { Progress } from '../pipeline/support/progress';
import { RECORD_KINDS, type Manifest, type PendingProvenance, type RecordKind } from '../schema';
import type { ActiveData } from './active-data';
import type { RecordRow } from './place-records';
import type { Problem } from './problems';

export interface ImportWrite {
  store: string;
  kind: RecordKind;
  rows: Iterable<RecordRow>;
  /** How many `rows` yields (checked against the table written). */
  count: number;
  active: ActiveData;
  reference: ReferenceData;
  inputs: HashedInput[];
  provenance: PendingProvenance;
  /** Options that change the content (CRS, sheet, accept-valid), part of the content hash. */
  options: Record<string, string | boolean | null>;
  keepVersions: number;
  progress: Progress;
}

export async function writeImport(w: ImportWrite): Promise<Manifest> {
  const real = w.active.real;
  const table = (kind: RecordKind): TableSource => (kind === w.kind ? w.rows : real ? { parquet: path.join(real.dir, `${kind}.parquet`) } : []);
  // Villages are the demo's settlement frame; real registers name villages but do not list them.
  const records: RecordTables = { villages: [], groups: table('groups'), models: table('models'), tips: table('tips'), events: table('events') };
  const expected = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, kind === w.kind ? w.count : real ? (real.manifest.rows[kind] ?? 0) : 0]),
  ) as Record<RecordKind, number>;
  const carried = real ? real.manifest.imports.filter((i) => i.kind !== w.kind) : [];
  const hash = contentHash({ base: real?.manifest.content_hash ?? null, kind: w.kind, sha256: w.provenance.sha256, code: codeVersion(), options: w.options });
  const { manifest } = await writeVersion({
    store: w.store,
    kind: 'import',
    reference: w.reference,
    records,
    inputs: w.inputs,
    origin: { synthetic: false, contentHash: hash, builtBy: w.provenance.imported_by, seed: null, scale: null, plantedClusters: null, imports: [...carried, w.provenance] },
    check: (totals) => checkRecordCounts(totals, expected),
    keepVersions: w.keepVersions,
    progress: w.progress,
  });
  return manifest;
}

/** After a groups import: tips and events carried over that name a group no longer in the register. */
export function orphanWarnings(manifest: Manifest): Problem[] {
  return (['tips', 'events'] as const).flatMap((kind) => {
    const orphans = manifest.totals[`records.${kind}_without_group`] ?? 0;
    if (orphans === 0) return [];
    return [
      {
        row: 1,
        column: 'id',
        value: String(orphans),
        code: 'ORPHANED_RECORDS',
        message: {
          vi: `${orphans} bản ghi ${kind} của bộ dữ liệu ghi mã tổ không có trong danh sách tổ mới. Sửa: bổ sung các tổ đó, hoặc nhập lại danh sách ${kind}.`,
          en: `${orphans} ${kind} of the data set name groups that are not in the new groups register. Fix: add those groups, or import the ${kind} register again.`,
        },
      },
    ];
  });
}
