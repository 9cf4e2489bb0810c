import { ModelError } from './types.js';

/**
 * The HTTP exchange shared by the real providers: one POST with a per-request timeout, and every
 * way it can fail turned into a typed ModelError with a message a user can act on. Messages never
 * contain the API key, even when the server echoes it back.
 */

/** Per-request timeout of the real providers unless configured. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface PostJsonRequest {
  /** Shown in messages: `OpenAI-compatible server`, `Anthropic`. */
  label: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Redacted from every message. */
  apiKey?: string;
  /** What to check when the key is refused or the server is unreachable: `REPS_OPENAI_API_KEY`. */
  keyVariable: string;
  urlVariable: string;
}

export interface PostJsonResponse {
  body: unknown;
  latencyMs: number;
}

/** POSTs JSON and returns the parsed JSON body of a 2xx answer; throws ModelError otherwise. */
export async function postJson(request: PostJsonRequest): Promise<PostJsonResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let status: number;
  let headers: Headers;
  let text: string;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal,
    });
    status = response.status;
    headers = response.headers;
    text = await response.text();
  } catch (error) {
    throw transportError(request, error, timeout.aborted, elapsed());
  }
  const latencyMs = elapsed();
  if (status < 200 || status >= 300) throw statusError(request, status, headers, text, latencyMs);
  try {
    return { body: JSON.parse(text), latencyMs };
  } catch {
    throw new ModelError(
      'model_error',
      redact(
        `${request.label} answered HTTP ${status} with a body that is not JSON (${preview(text)}); check ${request.urlVariable} points at the API, not a web page or proxy.`,
        request.apiKey,
      ),
      { latency_ms: latencyMs },
    );
  }
}

/** A ModelError for a 2xx body that lacks what the API promises. */
export function malformedResponse(request: PostJsonRequest, what: string, latencyMs: number): ModelError {
  return new ModelError(
    'model_error',
    `${request.label} answered with an unexpected response (${what}); check ${request.urlVariable} points at a server that speaks this API.`,
    { latency_ms: latencyMs },
  );
}

/**
 * Milliseconds to wait from the `retry-after-ms` header (OpenAI) or `retry-after` (seconds or an
 * HTTP date); undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const CONTEXT_LENGTH =
  /context[ _-]?(length|window|size)|maximum context|prompt is too long|too many (input )?tokens|exceeds? the (available )?context|context overflow/i;

function statusError(
  request: PostJsonRequest,
  status: number,
  headers: Headers,
  text: string,
  latencyMs: number,
): ModelError {
  const detail = serverMessage(text);
  const say = (code: ConstructorParameters<typeof ModelError>[0], message: string, retryAfterMs?: number) =>
    new ModelError(code, redact(message, request.apiKey), { latency_ms: latencyMs, retryAfterMs });
  const where = `${request.label} answered HTTP ${status}: ${detail}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers);
    const wait = retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`;
    return say('rate_limited', `${where}${wait}. Lower the step's concurrency or retry later.`, retryAfterMs);
  }
  if ((status === 400 || status === 413 || status === 422) && CONTEXT_LENGTH.test(text)) {
    return say('context_length_exceeded', `${where}. Shorten the prompt or split the input across steps.`);
  }
  if (status === 401 || status === 403) {
    return say('model_error', `${where}. The API key was refused; check ${request.keyVariable}.`);
  }
  if (status === 404) {
    return say(
      'model_error',
      `${where}. Check the model name and that ${request.urlVariable} is the API's base URL (OpenAI-compatible servers usually end in /v1).`,
    );
  }
  if (status >= 500) return say('model_error', `${where}. The provider failed; retry later.`);
  return say('model_error', `${where}. The provider rejected the request.`);
}

function transportError(request: PostJsonRequest, error: unknown, timedOut: boolean, latencyMs: number) {
  if (timedOut) {
    return new ModelError('timeout', `${request.label} did not answer within ${request.timeoutMs} ms.`, {
      latency_ms: latencyMs,
    });
  }
  if (request.signal?.aborted) {
    return new ModelError('timeout', `The call to ${request.label} was cancelled (step timeout).`, {
      latency_ms: latencyMs,
    });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new ModelError(
    'model_error',
    redact(
      `Could not reach ${request.label} at ${originOf(request.url)} (${reason}); check ${request.urlVariable} and that the server is running.`,
      request.apiKey,
    ),
    { latency_ms: latencyMs },
  );
}

/** The error text a server put in its body: OpenAI and Anthropic use error.message. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    if (typeof error === 'string') return preview(error);
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      return preview((error as { message: string }).message);
    }
    for (const key of ['message', 'detail']) {
      if (typeof body[key] === 'string') return preview(body[key] as string);
    }
  } catch {
    // Not JSON: show the start of the raw body.
  }
  return preview(text);
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return 'empty body';
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Removes the key and anything shaped like a secret key (`sk-…`), wherever it shows up. */
export function redact(message: string, apiKey?: string): string {
  let safe = apiKey && apiKey.length >= 4 ? message.split(apiKey).join('[redacted]') : message;
  safe = safe.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, 'sk-[redacted]');
  return safe;
}
