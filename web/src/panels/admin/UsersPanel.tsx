/**
 * The accounts (admins): who may log in, with which role, since when; creating one; removing one,
 * confirmed first because that ends the account's sessions at once. Your own account and the demo
 * accounts (held in memory by the server, gone with real data) offer no removal: the server
 * refuses both. There is no change of role: remove the account and create it again.
 */
import { useCallback, useState } from 'react';
import type { PublicUser } from '#contract/api';
import type { Role } from '#contract';
import { getSession, getUsers, removeUser } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../state/useResource';
import { ErrorState } from '../ErrorState';
import { Skeleton } from '../Skeleton';
import { AddUserForm } from './AddUserForm';
import { adminErrorText } from './adminErrorText';
import { formatDateTime } from './dateTime';
import { ROLE_KEYS } from './roleKeys';

function Confirm({ username, onYes, onNo, busy }: { username: string; onYes: () => void; onNo: () => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="admin-confirm" role="alertdialog" aria-labelledby="remove-user-text" data-testid="remove-confirm">
      <p id="remove-user-text">{t('admin.users.confirm', { username })}</p>
      <div className="admin-actions">
        <button type="button" className="button button--primary" onClick={onYes} disabled={busy} data-testid="remove-yes">
          {busy ? t('admin.users.removing') : t('admin.users.confirmYes')}
        </button>
        <button type="button" className="button" onClick={onNo} disabled={busy} data-testid="remove-no">
          {t('admin.users.confirmNo')}
        </button>
      </div>
    </div>
  );
}

function Row({ user, own, onRemove }: { user: PublicUser; own: boolean; onRemove: () => void }) {
  const { t, lang } = useI18n();
  let action;
  if (own) action = <span className="panel__note">{t('admin.users.own')}</span>;
  else if (user.demo) action = <span className="panel__note">{t('admin.users.demoKept')}</span>;
  else
    action = (
      <button type="button" className="button" onClick={onRemove} data-testid="user-remove">
        {t('admin.users.remove')}
      </button>
    );
  return (
    <tr data-testid="user-row" data-username={user.username} data-role={user.role} data-own={own}>
      <th scope="row">
        <code>{user.username}</code>
        {user.demo && <span className="users-table__tag">{t('admin.users.demo')}</span>}
      </th>
      <td>{t(ROLE_KEYS[user.role])}</td>
      <td>{formatDateTime(user.created_at, lang)}</td>
      <td>{action}</td>
    </tr>
  );
}

export function UsersPanel() {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const users = useResource(`users|${attempt}`, getUsers);
  const session = useResource('session', getSession);
  const [asked, setAsked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const onAdded = useCallback(
    (username: string, role: Role) => {
      setDone(t('admin.users.added', { username, role: t(ROLE_KEYS[role]) }));
      refresh();
    },
    [refresh, t],
  );

  const remove = useCallback(async () => {
    if (!asked) return;
    setBusy(true);
    setFailure(null);
    try {
      await removeUser(asked);
      setDone(t('admin.users.removed', { username: asked }));
      setAsked(null);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
      refresh();
    }
  }, [asked, refresh, t]);

  const me = session.data?.username ?? null;
  const list = users.data?.users ?? users.latest?.users ?? null;
  let body;
  if (users.error && !list) body = <ErrorState message={adminErrorText(users.error, t)} onRetry={users.retry} />;
  else if (!list) body = <Skeleton lines={4} />;
  else if (list.length === 0) body = <p className="planner__empty">{t('admin.users.empty')}</p>;
  else
    body = (
      <div className="report-table__frame">
        <table className="report-table users-table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.created')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <Row
                key={u.username}
                user={u}
                own={u.username === me}
                onRemove={() => {
                  setDone(null);
                  setFailure(null);
                  setAsked(u.username);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="admin-users">
      <section className="admin-card" aria-labelledby="admin-users-title" aria-busy={users.loading}>
        <div className="admin-card__header">
          <h3 id="admin-users-title">{t('admin.users.title')}</h3>
          <button type="button" className="button" onClick={refresh} data-testid="users-refresh">
            {t('admin.versions.refresh')}
          </button>
        </div>
        <p className="panel__note">{t('admin.users.intro')}</p>
        {done && (
          <p className="admin-success" role="status" data-testid="users-done">
            {done}
          </p>
        )}
        {asked && <Confirm username={asked} onYes={remove} onNo={() => setAsked(null)} busy={busy} />}
        {failure && <ErrorState message={adminErrorText(failure, t)} compact />}
        {body}
      </section>
      <section className="admin-card" aria-labelledby="admin-user-add-title">
        <h3 id="admin-user-add-title">{t('admin.users.addTitle')}</h3>
        <AddUserForm onAdded={onAdded} />
      </section>
    </div>
  );
}
