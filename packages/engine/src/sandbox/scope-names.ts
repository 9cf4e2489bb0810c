import { RESERVED_NAMES } from '@reps/shared';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Scope keys usable as variable names, sorted so the compiled-function cache key is stable. */
export function scopeNames(scope: Record<string, unknown>): string[] {
  return Object.keys(scope)
    .filter((name) => IDENTIFIER.test(name) && !RESERVED_NAMES.has(name))
    .sort();
}
