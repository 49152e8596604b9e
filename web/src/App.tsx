/**
 * Start-up and access: ask who is logged in; show the login page (which says when this is a
 * demo) or the atlas; return to the login page when the session ends.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, getConfig, getHealth, getSession, logout, onUnauthorized } from './api/client';
import type { ConfigResponse, SessionResponse } from '#contract/api';
import { AtlasShell } from './AtlasShell';
import { I18nProvider, useI18n } from './i18n/i18n';
import { ErrorState } from './panels/ErrorState';
import { errorText } from './panels/errorText';
import { LoginPage } from './panels/LoginPage';
import { Skeleton } from './panels/Skeleton';
import type { Language } from './state/atlasState';
import { useAtlasState } from './state/useAtlasState';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; error: Error }
  | { phase: 'login'; demo: boolean; expired: boolean }
  | { phase: 'in'; session: SessionResponse; config: ConfigResponse };

/**
 * Before login /api/config answers 401, so the login page learns "demo" from /api/health:
 * the server runs in demo mode exactly when its data set is the simulated one.
 */
async function loginPhase(expired: boolean): Promise<Boot> {
  const health = await getHealth();
  return { phase: 'login', demo: health.dataset.synthetic, expired };
}

/**
 * The server sets this script-readable marker beside the HttpOnly session cookie; without it
 * there is no session to ask about (and no 401 for the browser to log as an error).
 */
const SIGNED_IN_MARKER = 'tlg_signed_in=';
const maybeSignedIn = () => document.cookie.split(';').some((c) => c.trim().startsWith(SIGNED_IN_MARKER));

async function boot(): Promise<Boot> {
  if (!maybeSignedIn()) return loginPhase(false);
  const session = await getSession();
  if (!session) return loginPhase(false);
  return { phase: 'in', session, config: await getConfig() };
}

function Screen({ attempt, onRetry }: { attempt: number; onRetry: () => void }) {
  const [state, update] = useAtlasState();
  const { t } = useI18n();
  const [phase, setPhase] = useState<Boot>({ phase: 'loading' });

  useEffect(() => {
    let live = true;
    boot().then(
      (next) => live && setPhase(next),
      (error: unknown) => live && setPhase({ phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        loginPhase(true).then(setPhase, (error: unknown) =>
          setPhase({ phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
        );
      }),
    [],
  );

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t('app.title');
  }, [state.lang, t]);

  const onLanguage = useCallback((lang: Language) => update({ lang }), [update]);

  const onLoggedIn = useCallback(async (session: SessionResponse) => {
    try {
      setPhase({ phase: 'in', session, config: await getConfig() });
    } catch (error) {
      setPhase({ phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }, []);

  const onLogout = useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // Already logged out on the server (expired): the login page is still the right place.
      if (!(error instanceof ApiRequestError)) throw error;
    }
    setPhase(await loginPhase(false));
  }, []);

  switch (phase.phase) {
    case 'loading':
      return (
        <div className="boot" aria-busy="true">
          <Skeleton lines={4} />
        </div>
      );
    case 'failed':
      return (
        <div className="boot">
          <ErrorState message={errorText(phase.error, t)} onRetry={onRetry} />
        </div>
      );
    case 'login':
      return <LoginPage demo={phase.demo} sessionExpired={phase.expired} onLoggedIn={onLoggedIn} onLanguage={onLanguage} />;
    case 'in':
      return <AtlasShell state={state} update={update} session={phase.session} config={phase.config} onLogout={onLogout} />;
  }
}

export function App() {
  const [state] = useAtlasState();
  const [attempt, setAttempt] = useState(0);
  return (
    <I18nProvider lang={state.lang}>
      <Screen attempt={attempt} onRetry={() => setAttempt((n) => n + 1)} />
    </I18nProvider>
  );
}
