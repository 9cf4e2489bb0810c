import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { fieldErrors } from '../../../lib/field-errors';
import { useCreateCohort, useJoinCohort } from '../api/cohorts';

const messageOf = (error: unknown) =>
  error instanceof ApiError && error.issues.length === 0 ? error.message : undefined;

/** Joins a cohort with the 8-character code its instructor shared. */
export function JoinCohortForm() {
  const join = useJoinCohort();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate(code.trim().toUpperCase(), { onSuccess: () => setCode('') });
  };
  return (
    <form className="inline-form inline-form--top" onSubmit={submit} aria-label="Join a cohort">
      <Field
        label="Join code"
        name="join-code"
        placeholder="e.g. K7Q2MX9P"
        autoComplete="off"
        spellCheck={false}
        maxLength={8}
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        error={fieldErrors(join.error).code ?? messageOf(join.error)}
        hint="8 letters and digits, from your instructor"
      />
      <button className="button" type="submit" disabled={code.trim().length !== 8 || join.isPending}>
        {join.isPending ? 'Joining…' : 'Join'}
      </button>
      {join.data && (
        <p role="status" className="success">
          You joined <Link to={`/cohorts/${join.data.id}`}>{join.data.name}</Link>.
        </p>
      )}
    </form>
  );
}

/** Creates a cohort (instructors) and shows its join code to share. */
export function CreateCohortForm() {
  const create = useCreateCohort();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <>
      <form className="inline-form inline-form--top" onSubmit={submit} aria-label="Create a cohort">
        <Field
          label="Cohort name"
          name="cohort-name"
          placeholder="e.g. Spring 2027 — evening group"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors(create.error).name ?? messageOf(create.error)}
        />
        <button className="button" type="submit" disabled={name.trim().length < 2 || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create cohort'}
        </button>
      </form>
      {create.data && (
        <div className="callout" role="status">
          <strong>
            <Link to={`/cohorts/${create.data.id}`}>{create.data.name}</Link> is ready. Share its join code
            with your learners:
          </strong>
          <code className="join-code">{create.data.join_code}</code>
        </div>
      )}
    </>
  );
}
