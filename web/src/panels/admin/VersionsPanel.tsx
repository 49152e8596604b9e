/**
 * The data set versions of the store, newest first: simulated or real, when and by whom, the
 * records in each, the imports they come from, which one is served; and switching to another
 * (rollback), confirmed first because every user sees the switch at once.
 */
import { useCallback, useState } from 'react';
import type { VersionResponse } from '#contract/api';
import { activateVersion, getVersions } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../state/useResource';
import { ErrorState } from '../ErrorState';
import { Skeleton } from '../Skeleton';
import { adminErrorText } from './adminErrorText';
import { formatDateTime } from './dateTime';
import { KIND_KEYS } from './UploadForm';

function Confirm({ version, onYes, onNo, busy }: { version: VersionResponse; onYes: () => void; onNo: () => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="admin-confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="activate-confirm">
      <p id="confirm-text">
        {t(version.synthetic ? 'admin.versions.confirmDemo' : 'admin.versions.confirmReal', { version: version.version })}
      </p>
      <div className="admin-actions">
        <button type="button" className="button button--primary" onClick={onYes} disabled={busy} data-testid="activate-yes">
          {busy ? t('admin.versions.switching') : t('admin.versions.confirmYes')}
        </button>
        <button type="button" className="button" onClick={onNo} disabled={busy}>
          {t('admin.versions.confirmNo')}
        </button>
      </div>
    </div>
  );
}

function Row({ version, onActivate }: { version: VersionResponse; onActivate: () => void }) {
  const { t, fmt, lang } = useI18n();
  const rows = (table: string) => fmt.count(version.rows[table] ?? 0);
  return (
    <tr data-testid="version-row" data-version={version.version} data-active={version.active} data-synthetic={version.synthetic}>
      <th scope="row">
        <code>{version.version}</code>
      </th>
      <td>{version.synthetic ? t('admin.versions.demo') : t('admin.versions.real')}</td>
      <td>
        {formatDateTime(version.built_at, lang)}
        <br />
        <span className="panel__note">{version.built_by}</span>
      </td>
      <td>{t('admin.versions.rowsValue', { groups: rows('groups'), models: rows('models'), tips: rows('tips'), events: rows('events') })}</td>
      <td>
        {fmt.period(version.period.from, version.period.to)}
        {version.imports.length > 0 && (
          <ul className="version-imports">
            {version.imports.map((i) => (
              <li key={`${i.kind}-${i.imported_at}`}>
                {t('admin.versions.importLine', { kind: t(KIND_KEYS[i.kind]), file: i.file, accepted: fmt.count(i.accepted), rejected: fmt.count(i.rejected), user: i.imported_by, at: formatDateTime(i.imported_at, lang) })}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {version.active ? (
          <strong data-testid="version-active">{version.served ? t('admin.versions.active') : t('admin.versions.switching')}</strong>
        ) : (
          <button type="button" className="button" onClick={onActivate} data-testid="version-activate">
            {t('admin.versions.activate')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function VersionsPanel({ onActivated }: { onActivated: (version: string) => void }) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const versions = useResource(`versions|${attempt}`, getVersions);
  const [asked, setAsked] = useState<VersionResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);

  const activate = useCallback(async () => {
    if (!asked) return;
    setBusy(true);
    setFailure(null);
    try {
      const done = await activateVersion(asked.version);
      onActivated(done.version);
      setAsked(null);
      setAttempt((n) => n + 1);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  }, [asked, onActivated]);

  const list = versions.data?.versions ?? versions.latest?.versions ?? null;
  let body;
  if (versions.error && !list) body = <ErrorState message={adminErrorText(versions.error, t)} onRetry={versions.retry} />;
  else if (!list) body = <Skeleton lines={5} />;
  else if (list.length === 0) body = <p className="planner__empty">{t('admin.versions.empty')}</p>;
  else
    body = (
      <div className="report-table__frame">
        <table className="report-table versions-table" data-testid="versions-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.versions.version')}</th>
              <th scope="col">{t('admin.versions.kind')}</th>
              <th scope="col">{t('admin.versions.built')}</th>
              <th scope="col">{t('admin.versions.rows')}</th>
              <th scope="col">{t('admin.versions.source')}</th>
              <th scope="col">{t('admin.versions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {[...list].reverse().map((v) => (
              <Row key={v.version} version={v} onActivate={() => setAsked(v)} />
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="admin-card" aria-labelledby="admin-versions-title" aria-busy={versions.loading}>
      <div className="admin-card__header">
        <h3 id="admin-versions-title">{t('admin.versions.title')}</h3>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)} data-testid="versions-refresh">
          {t('admin.versions.refresh')}
        </button>
      </div>
      <p className="panel__note">{t('admin.versions.intro')}</p>
      {asked && <Confirm version={asked} onYes={activate} onNo={() => setAsked(null)} busy={busy} />}
      {failure && <ErrorState message={adminErrorText(failure, t)} compact />}
      {body}
    </section>
  );
}
