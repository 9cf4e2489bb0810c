/**
 * Names the engine puts in scope of expressions, templates and code; they cannot be step ids.
 * input: the case's input; item/index: inside a map; value/reason: in validate checks and
 * feedback and in loop `until`; iteration/previous: inside a loop.
 */
export const SCOPE_NAMES = ['input', 'item', 'index', 'value', 'reason', 'iteration', 'previous'] as const;

export const SCOPE_NAME_SET: ReadonlySet<string> = new Set(SCOPE_NAMES);

/** In an agent's tool bodies (its `code`, and every step of its `steps`): the arguments of the call. */
export const TOOL_SCOPE_NAMES = ['args'] as const;

/** In an agent's `stop_when`: the turns done (1-based) and every tool call so far. */
export const STOP_WHEN_SCOPE_NAMES = ['turn', 'calls'] as const;

/**
 * Scope names that exist only in one place of an agent step, with where, for the message when
 * one is used elsewhere. They cannot be step ids either: there a step would be hidden behind them.
 */
export const PLACED_SCOPE_NAMES: ReadonlyMap<string, string> = new Map([
  ...TOOL_SCOPE_NAMES.map((name) => [name, "an agent tool's body (its code or steps)"] as const),
  ...STOP_WHEN_SCOPE_NAMES.map((name) => [name, "an agent's stop_when"] as const),
]);
