import { type ErrorCode, ErrorCode as ErrorCodes, type Issue } from '@reps/shared';
import { CliError, EXIT } from '../cli-error.js';
import type { Server } from './saved-login.js';
import { readSse, type SseEvent } from './sse.js';

/** Plain requests; a grading stream has no deadline of its own. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An error response of the API (`{ error: { code, message, issues? } }`), kept with its status so
 * a command can treat 422 and 429 as the learner's to fix (exit 1) and the rest as exit 2.
 */
export class ApiError extends CliError {
  readonly status: number;
  readonly issues: Issue[];
  constructor(status: number, code: ErrorCode, message: string, issues: Issue[] = []) {
    super(code, message, EXIT.usage);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

/**
 * The few routes of the Reps API the CLI uses, over Node's fetch. Every failure becomes one coded
 * line: an unreachable server is `service_unavailable` naming the URL, an error body keeps the
 * server's code and message, and something that is not the Reps API says so.
 */
export class ApiClient {
  constructor(
    readonly server: Server,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await this.send(path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => '');
    if (!response.ok) throw this.errorOf(response.status, text);
    if (response.status === 204 || text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw this.notReps(response.status);
    }
  }

  /** Opens a server-sent event stream; the caller iterates it and may stop early. */
  async events(path: string, signal?: AbortSignal): Promise<AsyncGenerator<SseEvent>> {
    const response = await this.send(path, {
      method: 'GET',
      headers: this.headers({ accept: 'text/event-stream' }),
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) throw this.errorOf(response.status, await response.text().catch(() => ''));
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/event-stream') || !response.body) throw this.notReps(response.status);
    return readSse(response.body);
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return {
      ...extra,
      ...(this.server.token ? { authorization: `Bearer ${this.server.token}` } : {}),
    };
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const url = `${this.server.url}${path}`;
    try {
      return await this.fetchImpl(url, init);
    } catch (error) {
      throw new CliError(
        'service_unavailable',
        `cannot reach the Reps server at ${this.server.url}: ${networkCause(error)}`,
      );
    }
  }

  private errorOf(status: number, text: string): CliError {
    let body: { error?: { code?: string; message?: string; issues?: Issue[] } } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const error = body?.error;
    if (!error || typeof error.message !== 'string') return this.notReps(status);
    const code = isErrorCode(error.code) ? error.code : status >= 500 ? 'internal' : 'validation_failed';
    let message = error.message;
    if (status === 401) message += this.server.token ? ' Log in again: reps login --token <token>' : '';
    if (status >= 500) message = `the server failed (${status}): ${message}`;
    return new ApiError(status, code, message, Array.isArray(error.issues) ? error.issues : []);
  }

  private notReps(status: number): CliError {
    return new CliError(
      'service_unavailable',
      `${this.server.url} answered ${status} with something other than the Reps API; check --url or REPS_URL`,
    );
  }
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ErrorCodes;
}

/** fetch says "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND, a timeout) is its cause. */
function networkCause(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = err.cause;
  if (cause?.code === 'ECONNREFUSED')
    return 'connection refused (is it running? `npm start` serves one locally)';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  return cause?.code ?? cause?.message ?? err.message;
}
