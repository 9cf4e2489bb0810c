import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** How many times a failed query is tried again: only what may pass on a second try. */
export const MAX_RETRIES = 2;

/**
 * Whether an error may go away if the request is sent again: the server unreachable, a 5xx, or
 * 429 (too many requests). A 4xx answer (403, 404, a bad parameter) will be the same next time, so
 * it is shown at once instead of after seconds of skeleton.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === 'network' || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** A 4xx other than 429: the request itself is refused, and sending it again changes nothing. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isTransient(error);
}

/** 0.5 s, then 1 s: short, since a person is looking at a skeleton meanwhile. */
export const retryDelay = (attempt: number): number => Math.min(500 * 2 ** attempt, 4000);

export function createQueryClient(options: { retryDelay?: (attempt: number) => number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay: options.retryDelay ?? retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
