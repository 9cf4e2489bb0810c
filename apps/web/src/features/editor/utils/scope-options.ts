import type { Completion } from '@codemirror/autocomplete';

/**
 * What an expression or a template can name where the cursor is: step outputs, the names every
 * step has in scope, and inside an agent its tools and the variables of its stop_when and tools.
 */

const SCOPE_NAMES = ['input', 'item', 'index', 'value', 'iteration'];
/** An agent's texts that may name its tools: the prompt and system say when to call which. */
const AGENT_TEXT_KEYS = new Set(['prompt', 'system', 'stop_when']);

/** What text inside an agent can name besides steps: its tools, stop_when's and a tool's variables. */
export interface AgentScope {
  tools: string[];
  stopWhen: boolean;
  /** Inside a tool's code or steps, where the call's arguments are `args`. */
  args: boolean;
}

/**
 * The agent scope at `path`: its tools in its prompt, system and stop_when; `calls` and `turn` in
 * stop_when; `args` anywhere inside a tool. Null outside agents.
 */
export function inAgent(path: string[], tools: () => string[]): AgentScope | null {
  const key = path.at(-1);
  const inTool = path.some((part, i) => part === 'tools' && path[i - 1] === 'agent');
  const agentText = path.at(-2) === 'agent' && key !== undefined && AGENT_TEXT_KEYS.has(key);
  if (!agentText && !inTool) return null;
  return { tools: agentText ? tools() : [], stopWhen: agentText && key === 'stop_when', args: inTool };
}

export function scopeOptions(ids: string[], agent: AgentScope | null = null): Completion[] {
  return [
    ...(agent?.tools ?? []).map((name) => ({ label: name, type: 'function', detail: 'tool', boost: 1 })),
    ...(agent?.stopWhen
      ? [
          { label: 'calls', type: 'variable', detail: 'tool calls so far: { name, args, result, error }' },
          { label: 'turn', type: 'variable', detail: 'turns done (1-based)' },
        ]
      : []),
    ...(agent?.args ? [{ label: 'args', type: 'variable', detail: "the tool call's arguments" }] : []),
    ...ids.map((id) => ({ label: id, type: 'variable', detail: 'step output' })),
    ...SCOPE_NAMES.map((name) => ({ label: name, type: 'variable', detail: 'in scope', boost: -1 })),
  ];
}
