import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { useLogin } from '../api/session';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mutation = useLogin();
  const [form, setForm] = useState({ login: '', password: '' });
  const next = safeNext(params.get('next'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(form, { onSuccess: () => navigate(next) });
  };

  return (
    <form className="auth-card" onSubmit={submit} noValidate>
      <h1>Sign in</h1>
      <Field
        label="Email or handle"
        name="login"
        autoComplete="username"
        required
        value={form.login}
        onChange={(e) => setForm({ ...form, login: e.target.value })}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
      />
      {mutation.isError && (
        <p className="form-error" role="alert">
          {mutation.error instanceof ApiError ? mutation.error.message : 'Sign-in failed.'}
        </p>
      )}
      <button className="button button--wide" type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="auth-card__alt">
        New to Reps?{' '}
        <Link to={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
