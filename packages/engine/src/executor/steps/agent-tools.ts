import type { AgentSpec, AgentTool } from '@reps/shared';
import type { ToolCall, ToolSpec } from '../../models/types.js';
import { schemaErrorsText } from '../../schema/safe-ajv.js';
import type { ToolCallTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { StepFailure, toStepFailure } from '../step-failure.js';
import { stepSchemaValidator } from '../step-schema.js';
import { runCodeBody } from './code-step.js';
import { clip } from './model-call.js';
import { runSkill } from './use-step.js';

/**
 * Most characters of one tool result sent back to the model: a tool returning a whole document
 * would otherwise fill the context (and the bill) without anyone noticing. The trace keeps the
 * full result; the message the model reads says it was cut.
 */
export const MAX_TOOL_RESULT_CHARS = 16_000;

/** An agent's tools as the gateway offers them, and by name. */
export interface AgentToolSet {
  specs: ToolSpec[];
  byName: Map<string, AgentTool>;
}

const toolSets = new WeakMap<AgentSpec, AgentToolSet>();

/** The tool set of an agent, built once per spec (not once per turn of every case). */
export function agentTools(spec: AgentSpec): AgentToolSet {
  let tools = toolSets.get(spec);
  if (!tools) {
    tools = {
      specs: spec.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.input })),
      byName: new Map(spec.tools.map((t) => [t.name, t])),
    };
    toolSets.set(spec, tools);
  }
  return tools;
}

/** A tool call as `stop_when` sees it in `calls`. */
export interface ToolCallRecord {
  name: string;
  args: unknown;
  result: unknown;
  error: string | null;
}

/**
 * Runs one tool call and gives the text of the `tool` message that answers it. Whatever goes wrong
 * with the call itself (no such tool, bad arguments, the body throws or a step inside it fails) goes
 * back to the model as `Error: …`, so that it can recover; only a failure that stops the case
 * (budget_exceeded), the step (cancellation, its timeout) or a sandbox limit is thrown.
 */
export async function runToolCall(
  ctx: RunContext,
  spec: AgentSpec,
  call: ToolCall,
  frame: Frame,
  trace: ToolCallTrace,
): Promise<string> {
  trace.start_ms = ctx.scheduler.now;
  try {
    const tool = agentTools(spec).byName.get(call.name);
    if (!tool) {
      const names = spec.tools.map((t) => t.name).join(', ');
      throw new StepFailure('invalid_output', `no tool named "${call.name}"; the tools are ${names}`);
    }
    const args = checkedArgs(ctx, tool, call.arguments);
    const value = (await runBody(ctx, tool, args, frame, trace)) ?? null;
    const text = capped(JSON.stringify(value));
    trace.status = 'ok';
    // The trace keeps what the model read: a whole store returned turn after turn would otherwise
    // grow one case's trace without bound.
    trace.result = text.length < MAX_TOOL_RESULT_CHARS ? value : text;
    return text;
  } catch (error) {
    const failure = toStepFailure(error);
    // A sandbox limit (the body's CPU deadline, its memory) is not a mistake the model can fix by
    // calling again; going back to it as a result would let the agent burn the limit every turn.
    if (failure.fatal || failure.code === 'sandbox_limit' || frame.scope.reason) throw failure;
    trace.status = 'failed';
    trace.error = { code: failure.code, message: failure.message };
    return `Error: ${failure.message}`;
  } finally {
    trace.end_ms = ctx.scheduler.now;
  }
}

/** The arguments when they are an object that matches the tool's input schema. */
function checkedArgs(ctx: RunContext, tool: AgentTool, args: unknown): Record<string, unknown> {
  if (typeof args === 'string')
    throw new StepFailure('invalid_output', `the arguments are not JSON: ${clip(args)}`);
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw new StepFailure(
      'invalid_output',
      `the arguments must be a JSON object, not ${args === null ? 'null' : Array.isArray(args) ? 'an array' : `a ${typeof args}`}`,
    );
  const validate = stepSchemaValidator(ctx, tool.input, `tool ${tool.name}'s input schema`);
  if (!validate(args))
    throw new StepFailure(
      'invalid_output',
      `the arguments do not match the tool's input schema: ${schemaErrorsText(validate.errors, 'args')}`,
    );
  return args as Record<string, unknown>;
}

/** A code body sees the frame's values and `args`; a skill gets `args` as its input; steps see both. */
function runBody(
  ctx: RunContext,
  tool: AgentTool,
  args: Record<string, unknown>,
  frame: Frame,
  trace: ToolCallTrace,
): Promise<unknown> {
  if (tool.code !== undefined)
    return runCodeBody(ctx, tool.code, { ...frame, values: { ...frame.values, args } });
  trace.steps = [];
  if (tool.use !== undefined) return runSkill(ctx, tool.use, args, frame, trace.steps);
  const values = { ...frame.values, args };
  return ctx.executor.runBlock(
    ctx,
    tool.steps!,
    { ...frame, values, records: new Map(frame.records) },
    trace.steps,
  );
}

function capped(text: string): string {
  if (text.length <= MAX_TOOL_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_TOOL_RESULT_CHARS)}… (truncated, ${text.length} chars)`;
}
