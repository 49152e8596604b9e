/**
 * Creating an account: name, role, password typed twice. Only the repetition is checked here;
 * the name and password rules are the server's (one rule, one place) and its refusals are shown
 * in the reader's language.
 */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '#contract';
import { addUser } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { adminErrorText } from './adminErrorText';
import { ROLE_KEYS } from './roleKeys';

/** The contract's longest name: a longer one would be refused before the server's own rule speaks. */
const MAX_USERNAME = 40;

export function AddUserForm({ onAdded }: { onAdded: (username: string, role: Role) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setProblem(t('admin.users.mismatch'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const created = await addUser({ username: username.trim(), role, password });
      setUsername('');
      setPassword('');
      setRepeat('');
      onAdded(created.username, created.role);
    } catch (error) {
      setProblem(adminErrorText(error instanceof Error ? error : new Error(String(error)), t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid="user-form" noValidate>
      <label className="field">
        <span>{t('admin.users.username')}</span>
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          maxLength={MAX_USERNAME}
          autoComplete="off"
          spellCheck={false}
          required
          data-testid="user-username"
        />
        <span className="field__hint">{t('admin.users.usernameHint')}</span>
      </label>
      <label className="field">
        <span>{t('admin.users.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_KEYS[r])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.users.password')}</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required data-testid="user-password" />
        <span className="field__hint">{t('admin.users.passwordHint')}</span>
      </label>
      <label className="field">
        <span>{t('admin.users.repeat')}</span>
        <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required data-testid="user-repeat" />
      </label>
      {problem && (
        <p className="admin-form__problem" role="alert" data-testid="user-problem">
          {problem}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="user-submit">
          {busy ? t('admin.users.adding') : t('admin.users.add')}
        </button>
      </div>
    </form>
  );
}
