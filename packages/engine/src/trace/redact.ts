import type { CaseTrace, StepTrace, UsageTotals } from './trace-types.js';

/** What a hidden case may show: per step its kind, status, error code, timing and usage; no text. */
export interface RedactedStep {
  id?: string;
  kind: StepTrace['kind'];
  status: StepTrace['status'];
  error_code?: StepTrace extends { error?: infer E } ? (E extends { code: infer C } ? C : never) : never;
  start_ms: number;
  end_ms: number;
  usage: UsageTotals;
  items?: number;
  failed_items?: number;
  /** An agent's turns and tool calls (those that failed too): how it worked, not what it said. */
  turns?: number;
  tool_calls?: number;
  failed_tool_calls?: number;
}

export interface RedactedTrace {
  status: CaseTrace['status'];
  error_code?: CaseTrace['status'];
  latency_ms: number;
  usage: UsageTotals;
  steps: RedactedStep[];
}

/**
 * Reduces a trace to aggregates and error codes (docs/grading.md: hidden cases show aggregates
 * only). Prompts, messages, inputs, outputs and error messages are dropped: any of them could leak
 * the hidden input, and error messages quote it (a code_error's message can hold any value).
 */
export function redact(trace: CaseTrace): RedactedTrace {
  return {
    status: trace.status,
    ...(trace.error ? { error_code: trace.error.code } : {}),
    latency_ms: trace.latency_ms,
    usage: { ...trace.usage },
    steps: trace.steps.map(redactStep),
  };
}

function redactStep(step: StepTrace): RedactedStep {
  const out: RedactedStep = {
    ...(step.id ? { id: step.id } : {}),
    kind: step.kind,
    status: step.status,
    start_ms: step.start_ms,
    end_ms: step.end_ms,
    usage: { ...step.usage },
  };
  if (step.error) out.error_code = step.error.code;
  if (step.items) {
    out.items = step.items.length;
    out.failed_items = step.items.filter((item) => item.status === 'failed').length;
  }
  if (step.turns) {
    const calls = step.turns.flatMap((turn) => turn.tool_calls);
    out.turns = step.turns.length;
    out.tool_calls = calls.length;
    out.failed_tool_calls = calls.filter((call) => call.status === 'failed').length;
  }
  return out;
}
