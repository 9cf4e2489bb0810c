import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { fieldErrors } from '../../../lib/field-errors';
import { useRegister } from '../api/session';
import { safeNext } from './login-page';

export function RegisterPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mutation = useRegister();
  const [form, setForm] = useState({ email: '', handle: '', password: '' });
  const errors = fieldErrors(mutation.error);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new learner with nowhere else to go starts at the start-here challenge (/start).
    const next = params.get('next');
    mutation.mutate(form, { onSuccess: () => navigate(next ? safeNext(next) : '/start') });
  };

  return (
    <form className="auth-card" onSubmit={submit} noValidate>
      <h1>Create your account</h1>
      <p className="auth-card__lead">
        Your handle is public: it names you on leaderboards and on your proof-of-work page.
      </p>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={form.email}
        onChange={set('email')}
        error={errors.email}
      />
      <Field
        label="Handle"
        name="handle"
        autoComplete="username"
        required
        value={form.handle}
        onChange={set('handle')}
        error={errors.handle}
        hint="2 to 32 letters, digits, _ or -"
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={form.password}
        onChange={set('password')}
        error={errors.password}
        hint="At least 10 characters"
      />
      {mutation.isError && Object.keys(errors).length === 0 && (
        <p className="form-error" role="alert">
          {mutation.error instanceof ApiError ? mutation.error.message : 'Registration failed.'}
        </p>
      )}
      <button className="button button--wide" type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? 'Creating…' : 'Create account'}
      </button>
      <p className="auth-card__alt">
        Already practising? <Link to="/login">Sign in</Link>
      </p>
    </form>
  );
}
