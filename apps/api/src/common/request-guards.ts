import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonNestsDeeperThan } from '@reps/engine';

/** No JSON body Reps takes nests deeper than this (a pipeline document nests far less). */
export const MAX_BODY_DEPTH = 64;

/**
 * The largest JSON body of any route but a challenge upload: a pipeline is at most 256 KiB, which
 * JSON escaping can at most double. Uploads (a whole challenge bundle) may send up to
 * MAX_UPLOAD_BYTES, the parser's own limit.
 */
export const MAX_BODY_BYTES = 600 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const UPLOAD_PATH = '/api/instructor/challenges';

/**
 * body-parser's `verify` hook, run before the body is parsed, so none of these costs a parse:
 * - a body over MAX_BODY_BYTES on any route but an upload is 413;
 * - a NUL character (raw, or the JSON escape `\u0000`) is 400: Postgres stores no NUL in text or
 *   jsonb, so it could only fail later as a 500;
 * - a body nested deeper than MAX_BODY_DEPTH is 400, so no validator or canonical-JSON step
 *   downstream recurses through it (400, not a stack overflow and a 500).
 */
export function checkJsonBody(req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  const path = (req.url ?? '').split('?')[0];
  if (body.length > MAX_BODY_BYTES && !(req.method === 'POST' && path === UPLOAD_PATH))
    throw refusal(413, 'entity.too.large', `The JSON body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const text = body.toString('utf8');
  if (hasNul(text))
    throw refusal(
      400,
      'entity.nul',
      'The JSON body contains a NUL character (\\u0000), which Reps does not store.',
    );
  if (jsonNestsDeeperThan(text, MAX_BODY_DEPTH))
    throw refusal(400, 'entity.too.deep', `The JSON body nests deeper than ${MAX_BODY_DEPTH} levels.`);
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

/** A raw NUL, or a `\u0000` escape whose backslash is not itself escaped. */
function hasNul(text: string): boolean {
  if (text.includes('\u0000')) return true;
  for (let at = text.indexOf('\\u0000'); at !== -1; at = text.indexOf('\\u0000', at + 1)) {
    let backslashes = 0;
    for (let i = at; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) return true;
  }
  return false;
}

function refusal(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}
