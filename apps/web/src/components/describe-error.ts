import { ApiError } from '../lib/api-client';

/** What an error state says: 403 and 404 get their own words, anything else the caller's title. */
export function describeError(title: string, error: unknown): { title: string; message: string } {
  const message = error instanceof Error ? error.message : 'Unknown error.';
  if (error instanceof ApiError && error.status === 403) return { title: 'You do not have access', message };
  if (error instanceof ApiError && error.status === 404) return { title: 'Not found', message };
  return { title, message };
}
