import type { CallTrace, StepTrace, TraceError, UsageTotals } from '@reps/engine';
import type { ToolCallTrace } from '@reps/shared';
import { flattenTrace, type TraceRow, type TurnRow } from '@reps/shared/trace-rows';
import type { TraceRecord } from '../run/trace-record.js';
import { compactJson, formatCost, formatInt, formatMs, formatScore, truncate } from './format.js';

export interface TimelineOptions {
  /** Whole prompts (every message) and whole outputs instead of one truncated line. */
  full: boolean;
  /** Characters of a truncated prompt or output. */
  width: number;
}

/**
 * `reps trace`: a case as a timeline. Each line starts with its virtual start–end time; map items,
 * attempts, samples, an agent's turns and tool calls, rounds and iterations are indented under
 * their step, so the nesting of the
 * pipeline and the overlap of parallel work are both visible.
 */
export function renderTrace(record: TraceRecord, options: TimelineOptions): string {
  const timeline = new Timeline(record.trace.latency_ms, options);
  timeline.header(record);
  for (const row of flattenTrace(record.trace)) timeline.row(row);
  timeline.closeSteps(0);
  return timeline.text();
}

class Timeline {
  private readonly lines: string[] = [];
  private readonly digits: number;

  constructor(
    latencyMs: number,
    private readonly options: TimelineOptions,
  ) {
    this.digits = Math.max(1, formatInt(latencyMs).length);
  }

  text(): string {
    return this.lines.map((line) => `${line.trimEnd()}\n`).join('');
  }

  header(record: TraceRecord): void {
    const { trace } = record;
    this.lines.push(
      `${record.case_id} · ${record.challenge.slug} v${record.challenge.version} · ${record.pipeline}`,
      [
        `status ${record.status}`,
        `score ${formatScore(record.score)}`,
        `latency ${formatMs(trace.latency_ms)}`,
        usageText(trace.usage) || '0 calls',
      ].join(' · '),
    );
    if (trace.error)
      this.lines.push(
        `error ${errorText(trace.error)}${trace.error.step ? ` (step ${trace.error.step})` : ''}`,
      );
    if (record.reason) this.lines.push(`reason   ${this.clip(record.reason)}`);
    this.value('input', record.input, '');
    this.value('expected', record.expected, '');
    this.value('output', record.output, '');
    this.lines.push('', `${'time (virtual ms)'.padEnd(this.timeWidth())}  step`);
  }

  /** Steps whose rows are out, with their depth: what they produced is shown after what they hold. */
  private readonly open: { step: StepTrace; depth: number }[] = [];

  row(row: TraceRow): void {
    this.closeSteps(row.depth);
    if (row.type === 'step') this.step(row.step, row.depth);
    else if (row.type === 'call')
      this.call(
        row.call,
        row.depth,
        (row.step.calls ?? []).some((call) => call.sample > 0),
      );
    else if (row.type === 'turn') this.turn(row);
    else if (row.type === 'tool_call') this.toolCall(row.toolCall, row.depth);
    else if (row.type === 'item') {
      const parts = [`item ${row.item.index}`, row.item.status];
      if (row.item.error) parts.push(errorText(row.item.error, this.options.width));
      this.timed(row.start_ms, row.end_ms, row.depth, parts.join(' · '));
    } else if (row.type === 'round') {
      this.untimed(row.depth, `round ${row.round.round} · ${row.round.failures.length} failing`);
      for (const failure of row.round.failures)
        this.untimed(row.depth + 1, `✗ ${failureText(failure, this.options.width)}`);
    } else {
      this.untimed(row.depth, `iteration ${row.iteration.iteration}${row.iteration.done ? ' · done' : ''}`);
    }
  }

  /** Ends the steps at `depth` or deeper: their flags, tally and output go under all they held. */
  closeSteps(depth: number): void {
    for (let top = this.open.at(-1); top && top.depth >= depth; top = this.open.at(-1)) {
      this.open.pop();
      this.stepResult(top.step, top.depth + 1);
    }
  }

  private step(step: StepTrace, depth: number): void {
    if (neverRan(step)) {
      this.untimed(depth, `${step.id ?? '(inline)'} · ${step.kind} · not run`);
      return;
    }
    const parts = [step.id ?? '(inline)', step.kind, step.status];
    if (step.error) parts.push(errorText(step.error, this.options.width));
    if (step.branch !== undefined)
      parts.push(`branch ${step.branch === 'default' ? 'default' : `case ${step.branch + 1}`}`);
    if (step.attempts && step.attempts > 1) parts.push(`${step.attempts} attempts`);
    const usage = usageText(step.usage);
    if (usage) parts.push(usage);
    this.timed(step.start_ms, step.end_ms, depth, parts.join(' · '));
    this.open.push({ step, depth });
  }

  private stepResult(step: StepTrace, depth: number): void {
    for (const flag of step.flagged ?? [])
      this.untimed(depth, `flagged ${failureText(flag, this.options.width)}`);
    if (step.tally) this.untimed(depth, `tally ${this.clip(compactJson(step.tally))}`);
    // An llm step's answer is on its calls and an agent's on its final turn; for the other kinds,
    // show what the step produced.
    if (step.kind !== 'llm' && step.kind !== 'agent' && step.output !== undefined && step.status !== 'failed')
      this.value('→', step.output, indent(depth));
  }

  private call(call: CallTrace, depth: number, sampled: boolean): void {
    const parts = [`call ${sampled ? `sample ${call.sample + 1} ` : ''}attempt ${call.attempt}`, call.model];
    parts.push(
      `${formatInt(call.input_tokens)}→${formatInt(call.output_tokens)} tok`,
      formatCost(call.cost_usd),
    );
    if (call.error) parts.push(errorText(call.error, this.options.width));
    this.timed(call.start_ms, call.end_ms, depth, parts.join(' · '));
    this.prompt(call, depth + 1);
    if (call.text !== undefined) this.value('output', call.text, indent(depth + 1));
  }

  /**
   * A turn: its model call, then the prompt (first turn only: later turns resend it) or, under
   * --full, the messages new since the turn before (the tool results it answers); then the text
   * the model gave. The tool calls it asked for follow as their own rows.
   */
  private turn({ turn, resent, depth, start_ms, end_ms }: TurnRow): void {
    const { call } = turn;
    const parts = [`turn ${turn.turn}`, call.model];
    parts.push(
      `${formatInt(call.input_tokens)}→${formatInt(call.output_tokens)} tok`,
      formatCost(call.cost_usd),
    );
    if (turn.tool_calls.length)
      parts.push(`${turn.tool_calls.length} tool call${turn.tool_calls.length === 1 ? '' : 's'}`);
    if (turn.final) parts.push('final');
    if (call.error) parts.push(errorText(call.error, this.options.width));
    this.timed(start_ms, end_ms, depth, parts.join(' · '));
    const pad = indent(depth + 1);
    if (!this.options.full) {
      if (turn.turn === 1) this.prompt(call, depth + 1);
    } else {
      for (const message of call.messages.slice(resent))
        this.value(messageLabel(message), messageText(message), pad);
    }
    if (call.text) this.value('output', call.text, pad);
  }

  /** A tool call: name, status and arguments, then what went back to the model. */
  private toolCall(toolCall: ToolCallTrace, depth: number): void {
    const parts = [`tool ${toolCall.name}`, toolCall.status];
    if (toolCall.error) parts.push(errorText(toolCall.error, this.options.width));
    this.timed(toolCall.start_ms, toolCall.end_ms, depth, parts.join(' · '));
    const pad = indent(depth + 1);
    this.value('args', toolCall.args, pad);
    if (toolCall.status === 'ok') this.value('→', toolCall.result, pad);
  }

  private prompt(call: CallTrace, depth: number): void {
    const pad = indent(depth);
    if (!this.options.full) {
      const user = [...call.messages].reverse().find((m) => m.role === 'user');
      this.value('prompt', user?.content ?? '', pad);
      return;
    }
    for (const message of call.messages) this.value(message.role, message.content, pad);
  }

  /** A labelled value: one clipped line, or under --full the whole text indented below. */
  private value(label: string, value: unknown, pad: string): void {
    const text = typeof value === 'string' ? value : JSON.stringify(value, null, this.options.full ? 2 : 0);
    if (text === undefined) return;
    const prefix = `${' '.repeat(this.timeWidth())}  ${pad}`;
    const head = pad ? prefix : '';
    if (!this.options.full) {
      this.lines.push(`${head}${label.padEnd(pad ? 0 : 8)} ${this.clip(text)}`);
      return;
    }
    this.lines.push(`${head}${label}:`);
    for (const line of text.split('\n')) this.lines.push(`${head}  ${line}`);
  }

  private timed(start: number, end: number, depth: number, text: string): void {
    const time = `${formatInt(start).padStart(this.digits)}–${formatInt(end).padStart(this.digits)}`;
    this.lines.push(`${time.padEnd(this.timeWidth())}  ${indent(depth)}${text}`);
  }

  private untimed(depth: number, text: string): void {
    this.lines.push(`${' '.repeat(this.timeWidth())}  ${indent(depth)}${text}`);
  }

  private timeWidth(): number {
    return Math.max(this.digits * 2 + 1, 'time (virtual ms)'.length);
  }

  private clip(text: string): string {
    return this.options.full ? text : truncate(text, this.options.width);
  }
}

/**
 * The executor gives every step of a block a trace up front (status ok, 0–0 ms) and leaves it so
 * when a dependency fails first; such a step did not run, and showing it as "ok" would mislead.
 */
function neverRan(step: StepTrace): boolean {
  return (
    step.status === 'ok' &&
    step.start_ms === 0 &&
    step.end_ms === 0 &&
    !('output' in step) &&
    !step.calls &&
    !step.turns &&
    !step.items &&
    !step.steps &&
    !step.rounds &&
    !step.iterations
  );
}

type Message = CallTrace['messages'][number];

/** A tool message is labelled with the tool whose result it carries. */
function messageLabel(message: Message): string {
  return message.role === 'tool' && message.name ? `tool ${message.name}` : message.role;
}

/** What a message says, with the tool calls an assistant message asked for, one a line. */
function messageText(message: Message): string {
  const calls = (message.tool_calls ?? []).map(
    (toolCall) => `→ ${toolCall.name}(${compactJson(toolCall.arguments)})`,
  );
  return [message.content, ...calls].filter(Boolean).join('\n');
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}

function usageText(usage: UsageTotals): string {
  if (!usage.calls) return '';
  const calls = `${usage.calls} call${usage.calls === 1 ? '' : 's'}`;
  return `${calls} · ${formatInt(usage.input_tokens)}→${formatInt(usage.output_tokens)} tok · ${formatCost(usage.cost_usd)}`;
}

function errorText(error: TraceError, width = 120): string {
  return `${error.code}: ${truncate(error.message, width)}`;
}

function failureText(failure: { index?: number; reason: string }, width: number): string {
  return `${failure.index !== undefined ? `item ${failure.index}: ` : ''}${truncate(failure.reason, width)}`;
}
