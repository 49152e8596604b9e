/**
 * Log in. In demo mode (the simulated data set) the page says so and names the demo accounts;
 * the password is the one the server printed at start-up (or TLG_DEMO_PASSWORD).
 */
import { useState, type FormEvent } from 'react';
import { ApiRequestError, login } from '../api/client';
import type { SessionResponse } from '#contract/api';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../state/atlasState';
import { LanguageSwitch } from './LanguageSwitch';

const DEMO_ACCOUNTS = ['demo-viewer', 'demo-analyst', 'demo-admin'] as const;
const STATUS_TOO_MANY_REQUESTS = 429;

interface LoginPageProps {
  demo: boolean;
  sessionExpired: boolean;
  onLoggedIn: (session: SessionResponse) => void;
  onLanguage: (lang: Language) => void;
}

export function LoginPage({ demo, sessionExpired, onLoggedIn, onLanguage }: LoginPageProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(username.trim(), password));
    } catch (cause) {
      if (cause instanceof ApiRequestError && cause.status === 401) setError(t('login.wrong'));
      else if (cause instanceof ApiRequestError && cause.status === STATUS_TOO_MANY_REQUESTS) setError(t('login.tooMany'));
      else setError(t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login__lang">
        <LanguageSwitch onChange={onLanguage} />
      </div>
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <p className="login__subtitle">{t('app.subtitle')}</p>
        {demo && (
          <div className="login__demo" role="note" data-testid="demo-note">
            <strong>{t('login.demoTitle')}</strong>
            <p>{t('login.demoBody')}</p>
            <p>
              {t('login.demoAccounts')} <code>{DEMO_ACCOUNTS.join(', ')}</code>
            </p>
          </div>
        )}
        {sessionExpired && <p className="login__notice" role="status">{t('login.expired')}</p>}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="login__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
