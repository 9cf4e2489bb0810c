import type { Issue } from '@reps/shared';
import { type ChangeEvent, useId, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useUploadBundle } from '../api/instructor';

/**
 * Uploads a challenge bundle (the .json file `reps challenge bundle` writes). A bad bundle is
 * answered with every problem at its path, line and column; they are listed under the input.
 */
export function UploadBundle() {
  const upload = useUploadBundle();
  const inputId = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileName(file.name);
    setLocalError(null);
    upload.reset();
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch (error) {
      setLocalError(
        `${file.name} is not JSON (${(error as Error).message}). Upload the file \`reps challenge bundle\` writes.`,
      );
      return;
    }
    upload.mutate(bundle);
  };

  const error = upload.error instanceof ApiError ? upload.error : null;
  return (
    <div className="upload">
      <div className="upload__row">
        <label htmlFor={inputId} className={`button${upload.isPending ? ' button--busy' : ''}`}>
          {upload.isPending ? 'Uploading…' : 'Choose a bundle file'}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-label="Challenge bundle file"
          disabled={upload.isPending}
          onChange={onFile}
        />
        <span className="muted small">
          Build one with <code>reps challenge bundle challenges/&lt;slug&gt;</code>: manifest, brief,
          generator, scorer and the reference and baseline pipelines in one JSON file.
        </span>
      </div>
      {localError && (
        <p className="form-error" role="alert">
          {localError}
        </p>
      )}
      {upload.data && (
        <p className="callout" role="status">
          <span>
            Uploaded <strong>{upload.data.title}</strong> ({upload.data.slug} v{upload.data.version}) from{' '}
            {fileName}: it is being calibrated on the hidden cases. It is published if the reference passes
            and the baseline does not.
          </span>
        </p>
      )}
      {error && (
        <div className="form-error" role="alert">
          <strong>
            The bundle was not accepted
            {error.issues.length > 0
              ? `: ${error.issues.length} ${error.issues.length === 1 ? 'problem' : 'problems'}`
              : `: ${error.message}`}
          </strong>
          {error.issues.length > 0 && <IssueList issues={error.issues} />}
        </div>
      )}
    </div>
  );
}

function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <ul className="issue-list" aria-label="Problems in the bundle">
      {issues.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
        <li key={i}>
          <span className="issue-list__where">
            {issue.path ? <code>{issue.path}</code> : 'bundle'}
            {issue.line !== undefined && (
              <>
                {' '}
                · line {issue.line}
                {issue.column !== undefined && `, column ${issue.column}`}
              </>
            )}
          </span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
