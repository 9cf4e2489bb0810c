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
  return jsonShape(text, max).depth > max;
}

/**
 * The nesting depth of JSON text (stopping once past `stopAbove`) and how many objects and arrays
 * it holds: each becomes an object of its own when parsed, so a short text (`[{},{},…]`) can
 * stand for far more memory than its length.
 */
export function jsonShape(
  text: string,
  stopAbove = Number.POSITIVE_INFINITY,
): { depth: number; containers: number } {
  let depth = 0;
  let deepest = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      containers++;
      if (++depth > deepest) deepest = depth;
      if (deepest > stopAbove) break;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return { depth: deepest, containers };
}
