import { jsonNestsDeeperThan } from '@reps/engine';

/** No JSON body Reps takes nests deeper than this (a pipeline document nests far less). */
export const MAX_BODY_DEPTH = 64;

/**
 * body-parser's `verify` hook: refuses a JSON body nested deeper than MAX_BODY_DEPTH before it is
 * parsed, so no validator or canonical-JSON step downstream recurses through it (400, not a stack
 * overflow and a 500).
 */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (!jsonNestsDeeperThan(body.toString('utf8'), MAX_BODY_DEPTH)) return;
  throw Object.assign(new Error(`The JSON body nests deeper than ${MAX_BODY_DEPTH} levels.`), {
    status: 400,
    type: 'entity.too.deep',
  });
}
