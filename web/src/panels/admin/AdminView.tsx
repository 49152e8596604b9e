/**
 * Data administration (admins): importing the registers, the data set versions and the accounts,
 * one tab each. Shown instead of the map; when the data
 * set in use changed here, the shell reloads the page on the way back so every figure is new.
 */
import { useCallback, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ImportPanel } from './ImportPanel';
import { UsersPanel } from './UsersPanel';
import { VersionsPanel } from './VersionsPanel';
import './admin.css';

const TABS = ['import', 'versions', 'users'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, MessageKey> = { import: 'admin.tab.import', versions: 'admin.tab.versions', users: 'admin.tab.users' };

interface AdminViewProps {
  /** Back to the map (the page reloads if the data set in use changed). */
  onClose: () => void;
  onDatasetChanged: () => void;
}

export function AdminView({ onClose, onDatasetChanged }: AdminViewProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('import');
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const onChanged = useCallback(
    (version: string) => {
      setChangedTo(version);
      onDatasetChanged();
    },
    [onDatasetChanged],
  );

  return (
    <section className="admin-view" aria-labelledby="admin-title" data-testid="admin-view">
      <header className="admin-view__header">
        <h2 id="admin-title">{t('admin.title')}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="admin-close">
          {t('admin.close')}
        </button>
      </header>
      {changedTo && (
        <p className="admin-changed" role="status" data-testid="dataset-changed">
          {t('admin.changed', { version: changedTo })}
        </p>
      )}
      <div className="planner__tabs" role="tablist" aria-label={t('admin.title')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`admin-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`admin-panel-${id}`}
            className="planner__tab"
            onClick={() => setTab(id)}
            data-testid={`admin-tab-${id}`}
          >
            {t(TAB_KEYS[id])}
          </button>
        ))}
      </div>
      {/* Both stay mounted: an upload in progress survives a look at the versions. */}
      <div role="tabpanel" id="admin-panel-import" aria-labelledby="admin-tab-import" hidden={tab !== 'import'} className="admin-view__body">
        <ImportPanel onImported={onChanged} />
      </div>
      <div role="tabpanel" id="admin-panel-versions" aria-labelledby="admin-tab-versions" hidden={tab !== 'versions'} className="admin-view__body">
        {tab === 'versions' && <VersionsPanel onActivated={onChanged} />}
      </div>
      <div role="tabpanel" id="admin-panel-users" aria-labelledby="admin-tab-users" hidden={tab !== 'users'} className="admin-view__body">
        {tab === 'users' && <UsersPanel />}
      </div>
    </section>
  );
}
