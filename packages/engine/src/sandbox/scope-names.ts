const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words that cannot name a destructured parameter in strict mode. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await eval arguments'
  ).split(' '),
);

/** Scope keys usable as variable names, sorted so the compiled-function cache key is stable. */
export function scopeNames(scope: Record<string, unknown>): string[] {
  return Object.keys(scope)
    .filter((name) => IDENTIFIER.test(name) && !RESERVED.has(name))
    .sort();
}

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}
