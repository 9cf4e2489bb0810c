import { ApiError } from './api-client';
import { createQueryClient, isClientError, MAX_RETRIES, shouldRetry } from './query-client';

const answer = (status: number) =>
  new ApiError(status, status >= 500 ? 'internal' : 'not_found', `HTTP ${status}`);
const network = new ApiError(0, 'network', 'Cannot reach the Reps server.');

describe('which failed queries are tried again', () => {
  it.each([400, 401, 403, 404, 409, 422])('never a %i', (status) => {
    expect(shouldRetry(0, answer(status))).toBe(false);
    expect(isClientError(answer(status))).toBe(true);
  });

  it.each([429, 500, 502, 503])('a %i, at most twice', (status) => {
    expect(shouldRetry(0, answer(status))).toBe(true);
    expect(shouldRetry(1, answer(status))).toBe(true);
    expect(shouldRetry(2, answer(status))).toBe(false);
    expect(isClientError(answer(status))).toBe(false);
  });

  it('a network error, and nothing that is not an API error', () => {
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});

describe('the app’s query client', () => {
  async function attempts(error: ApiError): Promise<{ calls: number; ms: number }> {
    const client = createQueryClient({ retryDelay: () => 1 });
    let calls = 0;
    const started = Date.now();
    await expect(
      client.fetchQuery({
        queryKey: ['q', error.status],
        queryFn: async () => {
          calls += 1;
          throw error;
        },
        // fetchQuery does not retry by default: take the app's query defaults.
        retry: client.getDefaultOptions().queries?.retry,
      }),
    ).rejects.toBe(error);
    client.clear();
    return { calls, ms: Date.now() - started };
  }

  it('asks once on a 403 or 404', async () => {
    expect((await attempts(answer(403))).calls).toBe(1);
    expect((await attempts(answer(404))).calls).toBe(1);
  });

  it('asks again on a 503, a 429 and a network error', async () => {
    expect((await attempts(answer(503))).calls).toBe(1 + MAX_RETRIES);
    expect((await attempts(answer(429))).calls).toBe(1 + MAX_RETRIES);
    expect((await attempts(network)).calls).toBe(1 + MAX_RETRIES);
  });
});
