import { flattenTrace, type TraceRow } from '@reps/shared/trace-rows';
import { formatInt, formatUsd } from '../../../lib/format';
import type {
  CallTrace,
  CaseTrace,
  ItemTrace,
  StepTrace,
  ToolCallTrace,
  TraceError,
  TurnTrace,
} from '../types/run-result';

/** A bar of the trace timeline: one row of the trace (flattenTrace), with what its detail shows. */
export interface Span {
  key: string;
  depth: number;
  label: string;
  kind: string;
  start: number;
  end: number;
  status: string;
  error?: TraceError;
  /** A word beside the label, e.g. `final` on the turn that answered. */
  badge?: string;
  /** A second, smaller line under the label: a turn's tokens and cost. */
  meta?: string;
  step?: StepTrace;
  /** A model call: an llm step's, or the one an agent made on a turn. */
  call?: CallTrace;
  item?: ItemTrace;
  turn?: TurnTrace;
  /** Of a turn: how many of its call's first messages the turn before had sent already. */
  resent?: number;
  toolCall?: ToolCallTrace;
}

/** A page with a huge map would otherwise draw thousands of bars. */
export const MAX_SPANS = 400;

/** Characters of a tool call's arguments shown on its row; the detail shows them all. */
const ARGS_SUMMARY_CHARS = 48;

export function toSpans(trace: Pick<CaseTrace, 'steps'>): Span[] {
  return flattenTrace(trace, { limit: MAX_SPANS }).map((row) => ({
    key: row.path,
    depth: row.depth,
    start: row.start_ms,
    end: row.end_ms,
    ...describe(row),
  }));
}

function describe(row: TraceRow): Omit<Span, 'key' | 'depth' | 'start' | 'end'> {
  switch (row.type) {
    case 'step': {
      const { step } = row;
      return {
        label: step.id ?? `(${step.kind})`,
        kind: step.kind,
        status: step.status,
        error: step.error,
        step,
      };
    }
    case 'call': {
      const { call } = row;
      const several = (row.step.calls ?? []).length > 1;
      return {
        label: several ? `attempt ${call.attempt} · sample ${call.sample + 1}` : `call · ${call.model}`,
        kind: 'call',
        status: call.error ? 'failed' : 'ok',
        error: call.error,
        call,
      };
    }
    case 'turn': {
      const { turn } = row;
      const { call } = turn;
      return {
        label: `turn ${turn.turn} · ${call.model}`,
        meta: `${formatInt(call.input_tokens)} → ${formatInt(call.output_tokens)} tok · ${formatUsd(call.cost_usd)}`,
        kind: 'turn',
        status: call.error ? 'failed' : 'ok',
        error: call.error,
        badge: turn.final ? 'final' : undefined,
        call,
        turn,
        resent: row.resent,
      };
    }
    case 'tool_call': {
      const { toolCall } = row;
      return {
        label: `${toolCall.name}(${summarize(toolCall.args, ARGS_SUMMARY_CHARS)})`,
        kind: 'tool',
        status: toolCall.status,
        error: toolCall.error,
        toolCall,
      };
    }
    case 'item':
      return {
        label: `item ${row.item.index}`,
        kind: 'item',
        status: row.item.status,
        error: row.item.error,
        item: row.item,
      };
    case 'round': {
      const failing = row.round.failures.length;
      return {
        label: `check ${row.round.round + 1} · ${failing ? `${failing} failing` : 'passed'}`,
        kind: 'round',
        status: failing ? 'flagged' : 'ok',
      };
    }
    case 'iteration':
      return {
        label: `iteration ${row.iteration.iteration + 1}${row.iteration.done ? ' · done' : ''}`,
        kind: 'iteration',
        status: 'ok',
      };
  }
}

/**
 * A value on one line, at most `max` characters: an object as `key: value` pairs (the row reads
 * like a call, `name(order_id: "A1")`), a string as the model gave it (arguments that did not parse).
 */
export function summarize(value: unknown, max: number): string {
  const text =
    typeof value === 'string'
      ? value
      : value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value)
            .map(([key, inner]) => `${key}: ${JSON.stringify(inner)}`)
            .join(', ')
        : (JSON.stringify(value) ?? '');
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
