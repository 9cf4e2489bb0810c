import { isStepOfKind, type Step, type ValidateStep } from '@reps/shared';
import { schemaErrorsText } from '../../schema/safe-ajv.js';
import type { StepTrace, ValidateRoundTrace } from '../../trace/trace-types.js';
import type { Frame, RunContext, StepRecord } from '../run-context.js';
import { evaluate, renderTemplate } from '../sandbox-calls.js';
import { StepFailure } from '../step-failure.js';
import { stepSchemaValidator } from '../step-schema.js';
import { newStepTrace } from '../step-trace.js';
import { innerSteps, newItemTrace, runItem } from './map-step.js';

const DEFAULT_FEEDBACK = 'Your previous answer {{ value }} was rejected: {{ reason }}. Correct it.';

interface Failure {
  /** Position in the target's output array when checking per item. */
  at?: number;
  reason: string;
}

/**
 * Checks a step's output with an expression (`value` in scope; true passes, false or a string
 * reason fails) or a JSON Schema. With on_fail.redo the target re-runs with the feedback appended
 * to its prompts, up to `rounds` times (default 1). A map target is checked item by item and only
 * the failing items re-run. After the last round: then fail (default) → invalid_output; flag →
 * the value passes and the failures are listed in the trace; keep → the value passes silently.
 * The output is the (corrected) value; the target's own output, seen by other steps, is unchanged.
 */
export async function runValidateStep(
  ctx: RunContext,
  step: ValidateStep,
  frame: Frame,
  trace: StepTrace,
): Promise<unknown> {
  const target = frame.records.get(step.validate);
  if (!target) throw new StepFailure('code_error', `validate: step "${step.validate}" has not run`);
  // A map's output is checked item by item, and only the failing items re-run.
  const itemSteps =
    isStepOfKind(target.step, 'map') && target.map !== undefined && Array.isArray(target.output)
      ? innerSteps(target.step)
      : undefined;
  const perItem = itemSteps !== undefined;
  const onFail = step.on_fail ?? {};
  const rounds = onFail.redo ? (onFail.rounds ?? 1) : 0;
  let value: unknown = perItem ? [...(target.output as unknown[])] : target.output;
  // Feedback accumulates: round N's re-run still sees why rounds 1..N-1 were rejected, as a
  // conversation would, so an answer rejected earlier is not offered again.
  const said: string[] = [];
  const saidPerItem = new Map<number, string[]>();
  trace.rounds = [];
  for (let round = 0; ; round++) {
    const failures = perItem
      ? await checkItems(ctx, step, frame, value as unknown[], target)
      : await checkOne(ctx, step, frame, value);
    const roundTrace: ValidateRoundTrace = { round, failures: failures.map(describeFailure), redo: [] };
    trace.rounds.push(roundTrace);
    if (failures.length === 0) return value;
    if (round >= rounds) return settle(step, trace, value, failures);
    const feedback = (v: unknown, reason: string) =>
      renderTemplate(ctx.sandbox, onFail.feedback ?? DEFAULT_FEEDBACK, { ...frame.values, value: v, reason });
    if (perItem) {
      value = await redoItems(
        ctx,
        target,
        itemSteps,
        value as unknown[],
        failures,
        feedback,
        saidPerItem,
        roundTrace,
      );
    } else {
      said.push(await feedback(value, failures[0]!.reason));
      value = await redoStep(ctx, target, said, roundTrace);
    }
  }
}

async function checkOne(
  ctx: RunContext,
  step: ValidateStep,
  frame: Frame,
  value: unknown,
  extra: Record<string, unknown> = {},
): Promise<Failure[]> {
  if (step.schema) {
    const validate = stepSchemaValidator(ctx, step.schema, 'the validate schema');
    return validate(value) ? [] : [{ reason: schemaErrorsText(validate.errors, 'value') }];
  }
  const result = await evaluate(
    ctx.sandbox,
    step.check!,
    { ...frame.values, ...extra, value },
    'validate check',
  );
  if (typeof result === 'string') return [{ reason: result || `the check \`${step.check}\` failed` }];
  return result ? [] : [{ reason: `the check \`${step.check}\` is false` }];
}

async function checkItems(
  ctx: RunContext,
  step: ValidateStep,
  frame: Frame,
  values: unknown[],
  target: StepRecord,
): Promise<Failure[]> {
  const { items, outputIndex } = target.map!;
  const failures: Failure[] = [];
  for (const [at, value] of values.entries()) {
    const index = outputIndex[at]!;
    const found = await checkOne(ctx, step, frame, value, { item: items[index], index });
    failures.push(...found.map((f) => ({ ...f, at })));
  }
  return failures;
}

async function redoStep(
  ctx: RunContext,
  target: StepRecord,
  said: string[],
  round: ValidateRoundTrace,
): Promise<unknown> {
  const redoTrace = newStepTrace(target.step);
  round.redo.push(redoTrace);
  const frame: Frame = {
    ...target.frame,
    feedback: [...target.frame.feedback, ...said],
    records: new Map(target.frame.records),
  };
  return ctx.executor.runStep(ctx, target.step, frame, redoTrace);
}

async function redoItems(
  ctx: RunContext,
  target: StepRecord,
  steps: readonly Step[],
  values: unknown[],
  failures: Failure[],
  feedback: (value: unknown, reason: string) => Promise<string>,
  saidPerItem: Map<number, string[]>,
  round: ValidateRoundTrace,
): Promise<unknown[]> {
  const { items, outputIndex } = target.map!;
  const next = [...values];
  const byPosition = new Map<number, string>();
  for (const f of failures) if (!byPosition.has(f.at!)) byPosition.set(f.at!, f.reason);
  round.items = [];
  const redos = [...byPosition].map(async ([at, reason]) => {
    const index = outputIndex[at]!;
    const itemTrace = newItemTrace(index);
    round.items!.push(itemTrace);
    const said = [...(saidPerItem.get(at) ?? []), await feedback(values[at], reason)];
    saidPerItem.set(at, said);
    const frame: Frame = { ...target.frame, feedback: [...target.frame.feedback, ...said] };
    try {
      next[at] = await runItem(ctx, steps, items[index], index, frame, itemTrace);
    } catch (error) {
      // A re-run that fails keeps the previous answer; the next check reports it again.
      if (error instanceof StepFailure && error.fatal) throw error;
      target.frame.scope.throwIfCancelled();
    }
  });
  await Promise.all(redos);
  round.items.sort((a, b) => a.index - b.index);
  return next;
}

function settle(step: ValidateStep, trace: StepTrace, value: unknown, failures: Failure[]): unknown {
  const then = step.on_fail?.then ?? 'fail';
  if (then === 'fail') {
    const first = failures[0]!;
    const where = first.at !== undefined ? `item ${first.at}: ` : '';
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
    throw new StepFailure(
      'invalid_output',
      `validation of "${step.validate}" failed: ${where}${first.reason}${more}`,
    );
  }
  if (then === 'flag') {
    trace.status = 'flagged';
    trace.flagged = failures.map(describeFailure);
  }
  return value;
}

function describeFailure(f: Failure): { index?: number; reason: string } {
  return f.at !== undefined ? { index: f.at, reason: f.reason } : { reason: f.reason };
}
