import type { ErrorBody, ErrorCode, Issue } from '@reps/shared';

/** An error answered by the API, with its code and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * GETs or sends JSON to the API on the same origin. Some endpoints answer errors with a useful
 * body (the health check's 503), so `acceptStatus` lets a caller take those as data.
 */
export async function api<T>(path: string, init: RequestInit & { acceptStatus?: number[] } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: {
        Accept: 'application/json',
        // Every write is JSON, even an empty one: the API refuses other cookie-authenticated writes (CSRF).
        ...(init.method && init.method !== 'GET' ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the Reps server. Check that it is running.');
  }
  const body = await res.json().catch(() => null);
  if (res.ok || init.acceptStatus?.includes(res.status)) return body as T;
  const error = (body as ErrorBody | null)?.error;
  throw new ApiError(
    res.status,
    error?.code ?? 'internal',
    error?.message ?? `The server answered ${res.status}.`,
    error?.issues ?? [],
  );
}
