import type { MapStep, Step } from '@reps/shared';
import type { ItemTrace, StepTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext, StepRecord } from '../run-context.js';
import { evaluate } from '../sandbox-calls.js';
import { StepFailure, toStepFailure } from '../step-failure.js';
import { VirtualSemaphore } from '../virtual-scheduler.js';

/** Items of one map run at once unless the map says otherwise. */
export const DEFAULT_MAP_CONCURRENCY = 8;

/** Most items one map may take, and most map items (all maps, nested ones too) in one case. */
export const MAX_MAP_ITEMS = 1_000;
export const MAX_MAP_ITEMS_PER_CASE = 10_000;

/**
 * A map: the inner step(s) once per item, `concurrency` at a time. Failed items are counted
 * against tolerated_failure_pct (default 0): within it they become null (on_item_error fail or
 * null) or are dropped (skip); beyond it the map fails with the first failed item's error.
 */
export async function runMapStep(
  ctx: RunContext,
  step: MapStep,
  frame: Frame,
  trace: StepTrace,
  record: StepRecord,
): Promise<unknown> {
  const items = await evaluate(ctx.sandbox, step.map, frame.values, 'map');
  if (!Array.isArray(items)) {
    throw new StepFailure('code_error', `map: the expression gave ${describe(items)}, not an array`);
  }
  if (items.length > MAX_MAP_ITEMS)
    throw new StepFailure(
      'sandbox_limit',
      `map: ${items.length} items, over the limit of ${MAX_MAP_ITEMS} per map; group the items (or filter them) first`,
    );
  ctx.mapItems.count += items.length;
  if (ctx.mapItems.count > MAX_MAP_ITEMS_PER_CASE)
    throw new StepFailure(
      'sandbox_limit',
      `map: this case has run ${ctx.mapItems.count} map items in all, over the limit of ${MAX_MAP_ITEMS_PER_CASE} per case`,
    );
  const slots = new VirtualSemaphore(step.concurrency ?? DEFAULT_MAP_CONCURRENCY);
  const inner = innerSteps(step);
  trace.items = items.map((_, index) => newItemTrace(index));
  const settled = await Promise.allSettled(
    items.map((item, index) => runItem(ctx, inner, item, index, frame, trace.items![index]!, slots)),
  );
  const failures = settled.flatMap((s, index) =>
    s.status === 'rejected' ? [{ index, failure: toStepFailure(s.reason) }] : [],
  );
  const fatal = failures.find((f) => f.failure.fatal);
  if (fatal) throw fatal.failure;
  frame.scope.throwIfCancelled();
  const tolerated = step.tolerated_failure_pct ?? 0;
  if (failures.length && (failures.length / items.length) * 100 > tolerated) {
    const first = failures[0]!;
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
    throw new StepFailure(first.failure.code, `item ${first.index}: ${first.failure.message}${more}`);
  }
  const output: unknown[] = [];
  const outputIndex: number[] = [];
  settled.forEach((s, index) => {
    if (s.status === 'rejected' && step.on_item_error === 'skip') return;
    output.push(s.status === 'fulfilled' ? s.value : null);
    outputIndex.push(index);
  });
  record.map = { items, outputIndex };
  return output;
}

export function innerSteps(step: MapStep): readonly Step[] {
  return step.steps ?? [step.step!];
}

const singleSteps = new WeakMap<Step, readonly Step[]>();

/** Runs (or re-runs, for validate) one item of a map. */
export async function runItem(
  ctx: RunContext,
  steps: readonly Step[],
  item: unknown,
  index: number,
  frame: Frame,
  trace: ItemTrace,
  slots?: VirtualSemaphore,
): Promise<unknown> {
  const release = slots ? await slots.acquire(frame.scope) : () => {};
  trace.start_ms = ctx.scheduler.now;
  try {
    const values = { ...frame.values, item, index };
    const value = await ctx.executor.runBlock(
      ctx,
      stable(steps),
      { ...frame, values, records: new Map(frame.records) },
      trace.steps,
    );
    trace.status = 'ok';
    trace.output = value;
    return value;
  } catch (error) {
    const failure = toStepFailure(error);
    trace.status = 'failed';
    trace.error = { code: failure.code, message: failure.message };
    throw error;
  } finally {
    trace.end_ms = ctx.scheduler.now;
    release();
  }
}

/** runBlock caches graphs per array; a map's single `step` needs one stable array. */
function stable(steps: readonly Step[]): readonly Step[] {
  if (steps.length !== 1) return steps;
  const only = steps[0]!;
  let cached = singleSteps.get(only);
  if (!cached) {
    cached = steps;
    singleSteps.set(only, cached);
  }
  return cached;
}

export function newItemTrace(index: number): ItemTrace {
  return { index, start_ms: 0, end_ms: 0, status: 'ok', steps: [] };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
