import { ApiError } from './api-client';

/** Maps an API validation error's issues to form fields: `{ email: 'email: already in use' }`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.path && !out[issue.path]) out[issue.path] = issue.message.replace(`${issue.path}: `, '');
  }
  return out;
}
