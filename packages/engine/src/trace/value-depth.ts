/**
 * The deepest a value made inside a case (a code step's result, a model's JSON answer) may nest
 * lists and objects. Such values are kept in traces and stored with results; a value nested
 * thousands deep breaks recursive JSON tools (Postgres included) long after the case ended.
 */
export const MAX_VALUE_DEPTH = 64;

/**
 * Whether JSON text nests deeper than `max`, by one pass over the text (strings skipped), with no
 * recursion and no parse: cheap enough to run on every result before it is parsed.
 */
export function jsonNestsDeeperThan(text: string, max = MAX_VALUE_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return false;
}
