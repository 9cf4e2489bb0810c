import type { ModelKeyProvider } from '@reps/shared';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { Field } from '../../../components/field';
import { fieldErrors } from '../../../lib/field-errors';
import { useModelKeys, useRemoveModelKey, useSaveModelKey } from '../api/model-keys';

const PROVIDERS: { id: ModelKeyProvider; label: string; models: string }[] = [
  { id: 'openai', label: 'OpenAI-compatible', models: 'openai:<model>' },
  { id: 'anthropic', label: 'Anthropic', models: 'anthropic:<model>' },
];

/** Learners' own provider keys: saved encrypted on the server, shown only by their last characters. */
export function ModelKeysSection() {
  const keys = useModelKeys();
  const save = useSaveModelKey();
  const remove = useRemoveModelKey();
  const [provider, setProvider] = useState<ModelKeyProvider>('openai');
  const [apiKey, setApiKey] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ provider, apiKey: apiKey.trim() }, { onSuccess: () => setApiKey('') });
  };

  return (
    <section className="panel" aria-labelledby="model-keys-title">
      <h2 id="model-keys-title">Your model keys</h2>
      <p className="muted">
        Pipelines run on simulated models by default. On challenges that allow real models, your practice runs
        call them with your own key. Submissions are graded on the server's own providers, never your key
        (hidden cases never leave the server), and only with models whose price is known. Keys are stored
        encrypted and never shown again.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="model-key-provider">Provider</label>
          <select
            id="model-key-provider"
            className="select"
            value={provider}
            onChange={(e) => setProvider(e.target.value as ModelKeyProvider)}
          >
            {PROVIDERS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} ({p.models})
              </option>
            ))}
          </select>
        </div>
        <Field
          label="API key"
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          error={fieldErrors(save.error).api_key}
        />
        <button className="button" type="submit" disabled={apiKey.trim().length === 0 || save.isPending}>
          Save key
        </button>
      </form>
      {save.isSuccess && (
        <p role="status" className="success">
          Key saved.
        </p>
      )}
      {keys.isPending && <p aria-busy="true">Loading keys…</p>}
      {keys.isError && (
        <ErrorState title="Keys could not be loaded" error={keys.error} onRetry={() => keys.refetch()} />
      )}
      {keys.data && keys.data.items.length === 0 && <p className="muted">No keys saved.</p>}
      {keys.data && keys.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Key</th>
                <th>Saved</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.provider}>
                  <td>{PROVIDERS.find((p) => p.id === k.provider)?.label ?? k.provider}</td>
                  <td>
                    <code>{k.hint}</code>
                  </td>
                  <td>{new Date(k.updated_at).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => remove.mutate(k.provider)}
                      aria-label={`Remove the ${k.provider} key`}
                    >
                      Remove
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
