import {
  addUsage,
  type CallTrace,
  emptyUsage,
  type StepTrace,
  type UsageTotals,
} from '../trace/trace-types.js';

/**
 * Fills each step's usage with its calls' and its nested steps' (computed once, after the run): an
 * llm step's calls, an agent's turn calls and the steps inside its use and steps tools, and the
 * steps of maps, branches, skills, loops and validate's re-runs.
 */
export function sumStepUsage(step: StepTrace): UsageTotals {
  const usage = emptyUsage();
  const calls: CallTrace[] = [...(step.calls ?? []), ...(step.turns ?? []).map((turn) => turn.call)];
  for (const call of calls) {
    addUsage(usage, {
      calls: 1,
      input_tokens: call.input_tokens,
      output_tokens: call.output_tokens,
      cost_usd: call.cost_usd,
    });
  }
  const nested = [
    ...(step.steps ?? []),
    ...(step.items ?? []).flatMap((item) => item.steps),
    ...(step.iterations ?? []).flatMap((it) => it.steps),
    ...(step.rounds ?? []).flatMap((r) => [...r.redo, ...(r.items ?? []).flatMap((item) => item.steps)]),
    ...(step.turns ?? []).flatMap((turn) => turn.tool_calls.flatMap((call) => call.steps ?? [])),
  ];
  for (const inner of nested) addUsage(usage, sumStepUsage(inner));
  step.usage = usage;
  return usage;
}
