/**
 * Names the engine puts in scope of expressions, templates and code; they cannot be step ids.
 * input: the case's input; item/index: inside a map; value/reason: in validate checks and
 * feedback and in loop `until`; iteration/previous: inside a loop.
 */
export const SCOPE_NAMES = ['input', 'item', 'index', 'value', 'reason', 'iteration', 'previous'] as const;

export const SCOPE_NAME_SET: ReadonlySet<string> = new Set(SCOPE_NAMES);
