import { addUsage, emptyUsage, type StepTrace, type UsageTotals } from '../trace/trace-types.js';

/** Fills each step's usage with its calls' and its nested steps' (computed once, after the run). */
export function sumStepUsage(step: StepTrace): UsageTotals {
  const usage = emptyUsage();
  for (const call of step.calls ?? []) {
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
  ];
  for (const inner of nested) addUsage(usage, sumStepUsage(inner));
  step.usage = usage;
  return usage;
}
