import { AGENT_MAX_TURNS_DEFAULT, type AgentStep } from '@reps/shared';
import type { ChatMessage, Completion, CompletionRequest, ToolCall } from '../../models/types.js';
import type { StepTrace, ToolCallTrace, TurnTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';
import { StepFailure } from '../step-failure.js';
import { agentTools, runToolCall, type ToolCallRecord } from './agent-tools.js';
import { chargePolls } from './code-step.js';
import {
  newCallTrace,
  openingMessages,
  outputSpec,
  readAnswer,
  renderPrompts,
  tracedModelCall,
} from './model-call.js';

/** What one turn's completion asked for: tools to call, or the final answer. */
type TurnReply = { toolCalls: ToolCall[]; text: string } | { answer: unknown };

/**
 * An agent step: a conversation in turns. Each turn is one model call offered the step's tools;
 * the tools it asks for run in parallel and their results go back as `tool` messages; a turn that
 * asks for none gives the final answer (text, or JSON checked as an llm step's). stop_when makes
 * the next turn the last (tools offered but not callable); running out of turns is agent_max_turns.
 * Retry and timeout apply to the whole conversation (step-runners.ts), which a retry starts over.
 */
export async function runAgentStep(
  ctx: RunContext,
  step: AgentStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const spec = step.agent;
  const { system, prompt } = await renderPrompts(ctx, spec, frame);
  const conversation = openingMessages(system, prompt, frame.feedback);
  const maxTurns = spec.max_turns ?? AGENT_MAX_TURNS_DEFAULT;
  // Turns of every attempt stay in the trace (they were paid for); call.attempt tells them apart.
  trace.turns ??= [];
  const turns = trace.turns;
  const attempt = trace.attempts ?? 1;
  const history: ToolCallRecord[] = [];
  let sent = 0;
  let mustAnswer = false;
  for (let turn = 1; turn <= maxTurns; turn++) {
    const toolChoice = mustAnswer ? 'none' : 'auto';
    // The trace keeps the whole conversation on the first turn, then only the messages added since
    // the turn before (the assistant's tool calls and their results): the conversation is the
    // concatenation, and a long agent's trace grows linearly instead of quadratically.
    const call = newCallTrace({ attempt, sample: 0, model: spec.model, messages: conversation.slice(sent) });
    const turnTrace: TurnTrace = { turn, call, tool_calls: [] };
    const reply = await tracedModelCall(
      ctx,
      frame,
      toRequest(step, conversation, toolChoice),
      call,
      () => turns.push(turnTrace),
      (completion): TurnReply => {
        const read = readTurn(ctx, step, completion, turn, toolChoice);
        if ('answer' in read) call.output = read.answer;
        return read;
      },
    );
    sent = conversation.length;
    if ('answer' in reply) {
      turnTrace.final = true;
      return reply.answer;
    }
    conversation.push({ role: 'assistant', content: reply.text, tool_calls: reply.toolCalls });
    const results = await runToolCalls(ctx, step, reply.toolCalls, frame, turnTrace);
    reply.toolCalls.forEach((asked, i) => {
      conversation.push({ role: 'tool', tool_call_id: asked.id, name: asked.name, content: results[i]! });
      const done = turnTrace.tool_calls[i]!;
      history.push({
        name: asked.name,
        args: asked.arguments,
        result: done.status === 'ok' ? done.result : null,
        error: done.error?.message ?? null,
      });
    });
    if (spec.stop_when !== undefined) {
      const values = { ...frame.values, turn, calls: history };
      // Evaluated every turn over every call so far: its CPU is charged like a code body's.
      const before = ctx.sandbox.polls;
      mustAnswer = Boolean(await evaluate(ctx.sandbox, spec.stop_when, values, 'agent stop_when'));
      await chargePolls(ctx, before, frame);
    }
  }
  throw new StepFailure(
    'agent_max_turns',
    `the agent used its ${maxTurns} turns without giving a final answer; raise max_turns, or add stop_when to make it answer`,
  );
}

function toRequest(
  step: AgentStep,
  conversation: ChatMessage[],
  toolChoice: 'auto' | 'none',
): CompletionRequest {
  const spec = step.agent;
  return {
    model: spec.model,
    // A copy: the conversation grows after the call, and a gateway (or a cache) may keep the request.
    messages: conversation.slice(),
    temperature: spec.temperature ?? 0,
    ...(spec.max_output_tokens ? { maxOutputTokens: spec.max_output_tokens } : {}),
    output: outputSpec(spec.output),
    sampleIndex: 0,
    tools: agentTools(spec).specs,
    toolChoice,
  };
}

/**
 * Tool calls, or the answer. On the last turn (toolChoice none) a model that still asks for tools
 * answers with its text if it gave any; with none there is no answer to read.
 */
function readTurn(
  ctx: RunContext,
  step: AgentStep,
  completion: Completion,
  turn: number,
  toolChoice: 'auto' | 'none',
): TurnReply {
  const asked = completion.toolCalls ?? [];
  if (asked.length && toolChoice === 'auto') {
    const toolCalls = asked.map((call, i) => (call.id ? call : { ...call, id: `call_${turn}_${i}` }));
    return { toolCalls, text: completion.text };
  }
  if (asked.length && !completion.text.trim())
    throw new StepFailure(
      'invalid_output',
      `on its last turn (stop_when was true) the model asked for tools (${asked.map((c) => c.name).join(', ')}) instead of answering`,
    );
  return { answer: readAnswer(ctx, step.agent.output, completion) };
}

/**
 * Runs a turn's tool calls in parallel (their virtual times overlap) and gives their results in the
 * model's order. A call that stops the step cancels the others still running.
 */
async function runToolCalls(
  ctx: RunContext,
  step: AgentStep,
  calls: ToolCall[],
  frame: Frame,
  turn: TurnTrace,
): Promise<string[]> {
  const scope = frame.scope.child();
  const traces = calls.map(
    (call): ToolCallTrace => ({
      id: call.id,
      name: call.name,
      args: call.arguments,
      start_ms: ctx.scheduler.now,
      end_ms: ctx.scheduler.now,
      status: 'ok',
    }),
  );
  turn.tool_calls = traces;
  try {
    return await Promise.all(
      calls.map((call, i) => runToolCall(ctx, step.agent, call, { ...frame, scope }, traces[i]!)),
    );
  } catch (error) {
    scope.cancel(error as Error);
    throw error;
  }
}
