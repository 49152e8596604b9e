/**
 * The choices of an upload: which register, the coordinate system of its points, the sheet of a
 * workbook, and the file. Files the importer cannot read, or larger than the server takes, are
 * refused here before anything is sent.
 */
import { useState, type FormEvent } from 'react';
import { MAX_UPLOAD_BYTES, REGISTER_KINDS, type RegisterKind } from '#contract';
import type { UploadRequest } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ACCEPTED_ENDINGS, formatOfFile } from './registerFile';

export const KIND_KEYS: Record<RegisterKind, MessageKey> = {
  groups: 'admin.kind.groups',
  models: 'admin.kind.models',
  tips: 'admin.kind.tips',
  events: 'admin.kind.events',
};

const CRS_CHOICES = ['wgs84', 'vn2000', 'other'] as const;
type CrsChoice = (typeof CRS_CHOICES)[number];
const CRS_KEYS: Record<CrsChoice, MessageKey> = { wgs84: 'admin.crs.wgs84', vn2000: 'admin.crs.vn2000', other: 'admin.crs.other' };

export function UploadForm({ onSend }: { onSend: (request: Omit<UploadRequest, 'onProgress' | 'signal'>) => void }) {
  const { t, fmt } = useI18n();
  const [kind, setKind] = useState<RegisterKind>('groups');
  const [crs, setCrs] = useState<CrsChoice>('wgs84');
  const [epsg, setEpsg] = useState('');
  const [sheet, setSheet] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const type = file ? formatOfFile(file.name) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblem(t('admin.upload.noFile'));
    if (!type) return setProblem(t('admin.upload.badFile', { name: file.name }));
    if (file.size > MAX_UPLOAD_BYTES) return setProblem(t('admin.upload.tooLarge', { max: fmt.count(MAX_UPLOAD_BYTES / 1024 / 1024) }));
    if (crs === 'other' && !/^\d{4,5}$/.test(epsg.trim())) return setProblem(t('admin.upload.badEpsg'));
    setProblem(null);
    const crsValue = crs === 'wgs84' ? undefined : crs === 'vn2000' ? 'vn2000' : `EPSG:${epsg.trim()}`;
    onSend({
      file,
      media: type.media,
      query: { kind, filename: file.name, crs: crsValue, sheet: type.format === 'xlsx' && sheet.trim() ? sheet.trim() : undefined },
    });
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid="upload-form" noValidate>
      <label className="field">
        <span>{t('admin.upload.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as RegisterKind)} data-testid="upload-kind">
          {REGISTER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_KEYS[k])}
            </option>
          ))}
        </select>
        <span className="field__hint">{t('admin.upload.kindHint')}</span>
      </label>
      <div className="field">
        <span id="upload-file-label">{t('admin.upload.file')}</span>
        {/* The browser's own file button speaks the browser's language; this one speaks the app's. */}
        <div className="file-choice">
          <label className="button">
            {t('admin.upload.choose')}
            <input
              type="file"
              className="visually-hidden"
              accept={ACCEPTED_ENDINGS}
              aria-labelledby="upload-file-label"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="upload-file"
            />
          </label>
          <span className="file-choice__name" data-testid="upload-file-name">
            {file ? file.name : t('admin.upload.noneChosen')}
          </span>
        </div>
        <span className="field__hint">{t('admin.upload.fileHint', { max: fmt.count(MAX_UPLOAD_BYTES / 1024 / 1024) })}</span>
      </div>
      <label className="field">
        <span>{t('admin.upload.crs')}</span>
        <select value={crs} onChange={(e) => setCrs(e.target.value as CrsChoice)} data-testid="upload-crs">
          {CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(CRS_KEYS[c])}
            </option>
          ))}
        </select>
      </label>
      {crs === 'other' && (
        <label className="field">
          <span>{t('admin.upload.epsg')}</span>
          <input value={epsg} onChange={(e) => setEpsg(e.target.value)} inputMode="numeric" placeholder="9210" />
        </label>
      )}
      {type?.format === 'xlsx' && (
        <label className="field">
          <span>{t('admin.upload.sheet')}</span>
          <input value={sheet} onChange={(e) => setSheet(e.target.value)} placeholder={t('admin.upload.sheetPlaceholder')} />
        </label>
      )}
      {problem && (
        <p className="admin-form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--primary" data-testid="upload-submit">
          {t('admin.upload.submit')}
        </button>
      </div>
    </form>
  );
}
