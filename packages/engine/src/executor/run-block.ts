import type { Step } from '@reps/shared';
import { type BlockGraph, blockGraph } from '../dsl/dependency-graph.js';
import type { StepTrace } from '../trace/trace-types.js';
import type { Frame, RunContext, StepRecord } from './run-context.js';
import { runStep } from './run-step.js';
import { newStepTrace } from './step-trace.js';

const graphs = new WeakMap<readonly Step[], BlockGraph>();

function graphOf(steps: readonly Step[]): BlockGraph {
  let graph = graphs.get(steps);
  if (!graph) {
    graph = blockGraph(steps);
    if (!graph.order) throw new Error('The pipeline has a dependency cycle; parsePipeline rejects these.');
    graphs.set(steps, graph);
  }
  return graph;
}

/**
 * Runs a block of steps: each starts as soon as the steps it depends on are done, so independent
 * steps overlap. Traces are appended in file order. Returns the block's value: its output step's,
 * else its last step's. A failing step cancels its siblings still running.
 */
export async function runBlock(
  ctx: RunContext,
  steps: readonly Step[],
  frame: Frame,
  traces: StepTrace[],
): Promise<unknown> {
  const graph = graphOf(steps);
  const scope = frame.scope.child();
  const records = new Map<string, StepRecord>(frame.records);
  const stepTraces = steps.map(newStepTrace);
  traces.push(...stepTraces);
  const results: Promise<unknown>[] = new Array(steps.length);
  for (const i of graph.order!) {
    const deps = graph.deps[i]!;
    results[i] = Promise.all(deps.map((d) => results[d])).then((depValues) => {
      const values = { ...frame.values };
      deps.forEach((d, k) => {
        const id = steps[d]!.id;
        if (id) values[id] = depValues[k];
      });
      return runStep(ctx, steps[i]!, { values, records, feedback: frame.feedback, scope }, stepTraces[i]!);
    });
  }
  try {
    const outputs = await Promise.all(results);
    const outputAt = steps.findIndex((s) => 'output' in s);
    return outputs[outputAt >= 0 ? outputAt : steps.length - 1];
  } catch (error) {
    scope.cancel(error as Error);
    throw error;
  }
}
