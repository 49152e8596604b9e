/**
 * Title, the button of the controls drawer, the view switch (briefing, explore, and the planner
 * for analysts), data administration for admins, language, and who is logged in (with logout).
 */
import type { SessionResponse } from '#contract/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Language, View } from '../state/atlasState';
import { allowedViews } from '../state/permissions';
import { LanguageSwitch } from './LanguageSwitch';

const VIEW_KEYS: Record<View, MessageKey> = { briefing: 'view.briefing', explore: 'view.explore', planner: 'view.planner' };
const ROLE_KEYS: Record<SessionResponse['role'], MessageKey> = {
  viewer: 'role.viewer',
  analyst: 'role.analyst',
  admin: 'role.admin',
};

interface AppHeaderProps {
  view: View;
  session: SessionResponse;
  controlsOpen: boolean;
  onControls: () => void;
  onView: (view: View) => void;
  onLanguage: (lang: Language) => void;
  onLogout: () => void;
  /** Whether the data administration screens (admins only) are open, and opening them. */
  adminOpen: boolean;
  onAdmin: () => void;
}

export function AppHeader({ view, session, controlsOpen, onControls, onView, onLanguage, onLogout, adminOpen, onAdmin }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <button
        type="button"
        className="button app-header__drawer"
        aria-expanded={controlsOpen}
        aria-controls="atlas-controls"
        onClick={onControls}
        data-testid="controls-toggle"
      >
        <span aria-hidden="true">☰</span> {controlsOpen ? t('controls.close') : t('controls.open')}
      </button>
      <div className="app-header__title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <nav className="segmented" aria-label={t('view.label')}>
        {allowedViews(session.role).map((v) => (
          <button key={v} type="button" className="segmented__item" aria-pressed={v === view && !adminOpen} onClick={() => onView(v)} data-testid={`view-${v}`}>
            {t(VIEW_KEYS[v])}
          </button>
        ))}
      </nav>
      <div className="app-header__tools">
        {session.role === 'admin' && (
          <button type="button" className={adminOpen ? 'button button--primary' : 'button'} aria-pressed={adminOpen} onClick={onAdmin} data-testid="open-admin">
            {t('admin.open')}
          </button>
        )}
        <LanguageSwitch onChange={onLanguage} />
        <span className="app-header__user" data-testid="user">
          {session.username}
          <span className="app-header__role"> · {t(ROLE_KEYS[session.role])}</span>
        </span>
        <button type="button" className="button" onClick={onLogout} data-testid="logout">
          {t('action.logout')}
        </button>
      </div>
    </header>
  );
}
