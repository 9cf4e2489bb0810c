import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { Field } from '../../../components/field';
import { fieldErrors } from '../../../lib/field-errors';
import { useChangePassword, useCreateToken, useRevokeToken, useTokens } from '../api/tokens';
import { ModelKeysSection } from '../components/model-keys-section';

export function SettingsPage() {
  return (
    <div className="stack">
      <h1>Settings</h1>
      <ApiTokensSection />
      <ModelKeysSection />
      <PasswordSection />
    </div>
  );
}

function ApiTokensSection() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        Tokens let the <code>reps</code> command line submit as you:{' '}
        <code>reps login --token &lt;token&gt;</code>.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <Field
          label="Token name"
          name="token-name"
          placeholder="e.g. laptop"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors(create.error).name}
        />
        <button className="button" type="submit" disabled={!name.trim() || create.isPending}>
          Create token
        </button>
      </form>
      {create.data && (
        <div className="callout" role="status">
          <strong>Copy your new token now; it will not be shown again.</strong>
          <code className="secret">{create.data.token}</code>
        </div>
      )}
      {tokens.isPending && <p aria-busy="true">Loading tokens…</p>}
      {tokens.isError && (
        <ErrorState
          title="Tokens could not be loaded"
          error={tokens.error}
          onRetry={() => tokens.refetch()}
        />
      )}
      {tokens.data && tokens.data.items.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Token</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Expires</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{new Date(t.createdAt).toLocaleDateString()}</td>
                  <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'}</td>
                  <td>{new Date(t.expiresAt).toLocaleDateString()}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => revoke.mutate(t.id)}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PasswordSection() {
  const change = useChangePassword();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(form, { onSuccess: () => setForm({ currentPassword: '', newPassword: '' }) });
  };
  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form className="narrow-form" onSubmit={submit}>
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          error={errors.currentPassword}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          error={errors.newPassword}
          hint="At least 10 characters"
        />
        <button className="button" type="submit" disabled={change.isPending}>
          Change password
        </button>
        {change.isSuccess && (
          <p role="status" className="success">
            Password changed.
          </p>
        )}
      </form>
    </section>
  );
}
