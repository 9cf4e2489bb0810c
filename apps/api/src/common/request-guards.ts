import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonNestsDeeperThan } from '@reps/engine';
import { isStorableText } from './jsonb-safe.js';

/** No JSON body Reps takes nests deeper than this (a pipeline document nests far less). */
export const MAX_BODY_DEPTH = 64;

/**
 * The largest JSON body of any route but a challenge upload: a pipeline is at most 256 KiB, which
 * JSON escaping can at most double. Uploads (a whole challenge bundle) may send up to
 * MAX_UPLOAD_BYTES, and are read only once the caller is known to be an instructor (readUploadBody).
 */
export const MAX_BODY_BYTES = 600 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const UPLOAD_PATH = '/api/instructor/challenges';

/** True for the one request whose body the global parser leaves alone: a challenge upload. */
export function isUpload(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url ?? '').split('?')[0] === UPLOAD_PATH;
}

/**
 * body-parser's `verify` hook, run on the raw bytes before they are parsed, so none of these costs
 * a parse:
 * - a charset other than UTF-8 is 415 (in UTF-7 `+AFw-u0000` is an escaped NUL no byte scan sees);
 * - a NUL character (raw, or the JSON escape `\u0000`) is 400: Postgres stores no NUL in text or
 *   jsonb, so it could only fail later as a 500;
 * - a lone surrogate escape (`\ud800` without its pair) is 400, for the same reason (jsonb);
 * - a body nested deeper than MAX_BODY_DEPTH is 400, so no validator or canonical-JSON step
 *   downstream recurses through it (400, not a stack overflow and a 500).
 * The parser's own limit (MAX_BODY_BYTES) refuses a larger body from its Content-Length before
 * reading it, and compressed bodies are refused (415), so a small request cannot expand into a
 * large one.
 */
export function checkJsonBody(req: IncomingMessage, _res: ServerResponse | undefined, body: Buffer): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i
    .exec(req.headers['content-type'] ?? '')?.[1]
    ?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    throw refusal(415, 'charset.unsupported', `JSON bodies are read as UTF-8 only, not ${charset}.`);
  const text = body.toString('utf8');
  if (hasEscape(text, '\\u0000') || text.includes('\u0000'))
    throw refusal(
      400,
      'entity.nul',
      'The JSON body contains a NUL character (\\u0000), which Reps does not store.',
    );
  if (/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(text) && hasLoneSurrogate(text))
    throw refusal(
      400,
      'entity.surrogate',
      'The JSON body contains a lone UTF-16 surrogate (such as \\ud800), which is not text.',
    );
  if (jsonNestsDeeperThan(text, MAX_BODY_DEPTH))
    throw refusal(400, 'entity.too.deep', `The JSON body nests deeper than ${MAX_BODY_DEPTH} levels.`);
}

/**
 * A challenge upload's JSON body, read in its handler, after the guards: only an instructor's
 * request is read at all, up to MAX_UPLOAD_BYTES (a larger Content-Length is refused unread), as
 * UTF-8 JSON without compression, with the same checks as every other body.
 */
export async function readUploadBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw refusal(415, 'type.unsupported', 'A challenge upload is sent as application/json.');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity')
    throw refusal(415, 'encoding.unsupported', `Compressed request bodies (${encoding}) are not accepted.`);
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_UPLOAD_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) {
      req.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  checkJsonBody(req, undefined, body);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw refusal(400, 'entity.parse.failed', `The JSON body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Express middleware: a NUL character anywhere in the URL (`%00`) is 400, for the same reason. */
export function refuseNulInUrl(
  req: IncomingMessage,
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const nul = /%00/.test(req.url ?? '');
  next(
    nul
      ? refusal(400, 'url.nul', 'The URL contains a NUL character (%00), which Reps does not accept.')
      : undefined,
  );
}

/** An escape such as `\u0000` whose backslash is not itself escaped. */
function hasEscape(text: string, sequence: string): boolean {
  for (let at = text.indexOf(sequence); at !== -1; at = text.indexOf(sequence, at + 1)) {
    let backslashes = 0;
    for (let i = at; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) return true;
  }
  return false;
}

/** Parses (only a body that has a surrogate escape at all) and looks for a string or key that is not well formed. */
function hasLoneSurrogate(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false; // the parser answers malformed JSON
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (!isStorableText(item)) return true;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (!isStorableText(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

function tooLarge(): Error {
  return refusal(
    413,
    'entity.too.large',
    `A challenge upload is at most ${MAX_UPLOAD_BYTES / 2 ** 20} MiB of JSON.`,
  );
}

function refusal(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}
