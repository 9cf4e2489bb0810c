import type { ErrorCode, Pipeline } from '@reps/shared';
import type { SkillResolver } from '../dsl/check-steps.js';
import type { ModelContext, ModelGateway } from '../models/types.js';
import { CaseSandbox } from '../sandbox/case-sandbox.js';
import { createQuickJSSandbox } from '../sandbox/quickjs-sandbox.js';
import type { Sandbox, SandboxLimits } from '../sandbox/types.js';
import { pipelineSchemas } from '../schema/pipeline-schemas.js';
import type { CaseTrace, StepTrace, TraceError, UsageTotals } from '../trace/trace-types.js';
import { BudgetMeter } from './budget-meter.js';
import { withDeadline } from './deadline.js';
import { runBlock } from './run-block.js';
import type { RunContext } from './run-context.js';
import { runStep } from './run-step.js';
import { budgetExceeded, toStepFailure } from './step-failure.js';
import { sumStepUsage } from './trace-usage.js';
import { CancelScope, Priority, VirtualScheduler, VirtualSemaphore } from './virtual-scheduler.js';

export interface RunOptions {
  /** The case's input, `input` in every expression. JSON. */
  input: unknown;
  gateway: ModelGateway;
  /** Facts and aspects for simulated models; never visible to the pipeline. */
  modelContext?: ModelContext;
  /**
   * A sandbox to use instead of the case's own (tests). By default each case gets a fresh QuickJS
   * instance on first need, disposed when the case ends.
   */
  sandbox?: Sandbox;
  /** Limits of the case's own sandbox. */
  sandboxLimits?: SandboxLimits;
  /** Model calls in flight at once across the case (virtual time); default 16. */
  concurrency?: number;
  /** Seeds Math.random in code steps. */
  seed?: number;
  skills?: SkillResolver;
}

export interface CaseRun {
  output: unknown;
  status: 'ok' | ErrorCode;
  error?: TraceError & { step?: string };
  trace: CaseTrace;
  usage: UsageTotals;
  /** Virtual time from start to result: the critical path under the concurrency limits. */
  latency_ms: number;
}

export const DEFAULT_CALL_CONCURRENCY = 16;

/**
 * Runs a parsed pipeline on one case (docs/dsl.md). Never throws for anything the
 * pipeline or a model does: failures come back as the status and error of the CaseRun.
 */
export async function runPipeline(pipeline: Pipeline, options: RunOptions): Promise<CaseRun> {
  const scheduler = new VirtualScheduler();
  const root = new CancelScope(scheduler);
  const sandbox = caseSandbox(options, scheduler, root);
  const ctx: RunContext = {
    scheduler,
    sandbox,
    gateway: options.gateway,
    modelContext: options.modelContext ?? {},
    meter: new BudgetMeter(pipeline.budget, root),
    callSlots: new VirtualSemaphore(options.concurrency ?? DEFAULT_CALL_CONCURRENCY),
    ...(options.skills ? { skills: options.skills } : {}),
    schemas: pipelineSchemas(pipeline),
    mapItems: { count: 0 },
    executor: { runBlock, runStep },
  };
  const steps: StepTrace[] = [];
  const frame = { values: { input: options.input ?? null }, records: new Map(), feedback: [], scope: root };
  let output: unknown = null;
  let error: CaseRun['error'];
  try {
    output = await scheduler.run(() =>
      withTimeBudget(ctx, pipeline, root, () => runBlock(ctx, pipeline.steps, frame, steps)),
    );
  } catch (thrown) {
    const failure = toStepFailure(thrown);
    error = { code: failure.code, message: failure.message, ...(failure.step ? { step: failure.step } : {}) };
  } finally {
    sandbox.dispose();
  }
  for (const step of steps) sumStepUsage(step);
  const usage = { ...ctx.meter.usage };
  const status = error?.code ?? 'ok';
  const latency_ms = scheduler.now;
  const trace: CaseTrace = { status, ...(error ? { error } : {}), latency_ms, usage, steps };
  return {
    output: error ? null : (output ?? null),
    status,
    ...(error ? { error } : {}),
    trace,
    usage,
    latency_ms,
  };
}

/**
 * The case's sandbox: a given one is shared as is (and not disposed); otherwise a fresh QuickJS
 * instance, opened inside the virtual scheduler (real work that takes no virtual time, so where in
 * the case it happens changes nothing) and disposed with the case.
 */
function caseSandbox(options: RunOptions, scheduler: VirtualScheduler, root: CancelScope): CaseSandbox {
  const given = options.sandbox;
  if (given) return new CaseSandbox(async () => sharedView(given));
  const open = () => createQuickJSSandbox({ seed: options.seed ?? 0, ...options.sandboxLimits });
  return new CaseSandbox(() => scheduler.external(open, () => 0, root));
}

/** A given sandbox seen through a view whose dispose does nothing: its owner disposes it. */
function sharedView(sandbox: Sandbox): Sandbox {
  return {
    evaluate: (expression, scope) => sandbox.evaluate(expression, scope),
    run: (body, scope) => sandbox.run(body, scope),
    get usage() {
      return sandbox.usage;
    },
    dispose: () => undefined,
  };
}

/** budget.max_ms: the case stops when its virtual clock passes the limit. */
function withTimeBudget<T>(
  ctx: RunContext,
  pipeline: Pipeline,
  root: CancelScope,
  fn: () => Promise<T>,
): Promise<T> {
  const maxMs = pipeline.budget.max_ms;
  if (maxMs === undefined) return fn();
  const expire = () => budgetExceeded(`the case ran past max_ms = ${maxMs} ms of (virtual) time`);
  return withDeadline(ctx.scheduler, maxMs, Priority.budget, root, expire, fn);
}
