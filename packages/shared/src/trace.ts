import type { ErrorCode } from './errors.js';
import type { StepKind } from './step-kinds.js';

/** A tool call a model asked for: `arguments` is the parsed JSON, or the raw text when it did not parse. */
export interface TraceToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

/**
 * A message as sent to a model, as the trace records it. In an agent's conversation an assistant
 * message may carry the tool calls it asked for, and a `tool` message carries one call's result.
 */
export interface TraceMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** assistant: the tools it asked for. */
  tool_calls?: TraceToolCall[];
  /** tool: the call this result answers, and the tool's name. */
  tool_call_id?: string;
  name?: string;
}

/**
 * The trace of one case run (docs/dsl.md): per step, map item, attempt and sample, what was
 * sent and received, at which virtual time, and what it cost. Times are virtual milliseconds from
 * the start of the case.
 */

export interface TraceError {
  code: ErrorCode;
  message: string;
}

export interface UsageTotals {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

/** One model call: a sample of an attempt of an llm step. */
export interface CallTrace {
  attempt: number;
  sample: number;
  model: string;
  messages: TraceMessage[];
  /** The raw text returned. */
  text?: string;
  /** The parsed value (JSON output) or the text. */
  output?: unknown;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  start_ms: number;
  end_ms: number;
  error?: TraceError;
}

export interface ItemTrace {
  index: number;
  start_ms: number;
  end_ms: number;
  status: 'ok' | 'failed';
  output?: unknown;
  error?: TraceError;
  steps: StepTrace[];
}

export interface ValidateRoundTrace {
  round: number;
  /** Failures found this round (index is the map item when the check is per item). */
  failures: { index?: number; reason: string }[];
  /** Re-runs of the target with feedback. */
  redo: StepTrace[];
  items?: ItemTrace[];
}

export interface IterationTrace {
  iteration: number;
  steps: StepTrace[];
  output?: unknown;
  done: boolean;
}

/** One tool call of an agent turn: what the model asked for and what went back to it. */
export interface ToolCallTrace {
  /** The provider's call id (the sim's and the executor's when the provider gives none). */
  id: string;
  name: string;
  /** The arguments as the model gave them (parsed JSON, or the raw text when it did not parse). */
  args: unknown;
  start_ms: number;
  end_ms: number;
  /** failed: the tool threw, its arguments broke its schema, or the model named no such tool. */
  status: 'ok' | 'failed';
  /** What the tool returned (sent back to the model as JSON). */
  result?: unknown;
  /** Why it failed; the message went back to the model as the tool's result. */
  error?: TraceError;
  /** Inner steps of a `use` or `steps` tool. */
  steps?: StepTrace[];
}

/** One turn of an agent: a model call and the tool calls it asked for, run in parallel. */
export interface TurnTrace {
  /** 1-based. */
  turn: number;
  call: CallTrace;
  tool_calls: ToolCallTrace[];
  /** True on the turn that gave the final answer. */
  final?: boolean;
}

/** `not_run`: the step never started (a step it depends on failed, or the case stopped first). */
export type StepStatus = 'ok' | 'failed' | 'skipped' | 'defaulted' | 'flagged' | 'not_run';

export interface StepTrace {
  id?: string;
  kind: StepKind;
  start_ms: number;
  end_ms: number;
  status: StepStatus;
  output?: unknown;
  error?: TraceError;
  /** Attempts of a non-llm step with retry (1-based count); llm steps retry per call. */
  attempts?: number;
  /** Model calls (llm steps). */
  calls?: CallTrace[];
  /** Turns of an agent step, each with its model call and tool calls. */
  turns?: TurnTrace[];
  /** Items of a map. */
  items?: ItemTrace[];
  /** Inner steps of a branch's chosen case or a skill. */
  steps?: StepTrace[];
  /** Which branch case ran: its index, or 'default'. */
  branch?: number | 'default';
  rounds?: ValidateRoundTrace[];
  /** Validation failures left after the last round when on_fail.then is flag or keep. */
  flagged?: { index?: number; reason: string }[];
  iterations?: IterationTrace[];
  /** Vote tally: canonical value → count. */
  tally?: Record<string, number>;
  usage: UsageTotals;
}

export interface CaseTrace {
  status: 'ok' | ErrorCode;
  error?: TraceError & { step?: string };
  latency_ms: number;
  usage: UsageTotals;
  steps: StepTrace[];
}

export function emptyUsage(): UsageTotals {
  return { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };
}

export function addUsage(into: UsageTotals, more: UsageTotals): void {
  into.calls += more.calls;
  into.input_tokens += more.input_tokens;
  into.output_tokens += more.output_tokens;
  into.cost_usd += more.cost_usd;
}
