import type { Step } from '@reps/shared';
import type { SkillResolver } from '../dsl/check-steps.js';
import type { ModelContext, ModelGateway } from '../models/types.js';
import type { CaseSandbox } from '../sandbox/case-sandbox.js';
import type { PipelineSchemas } from '../schema/pipeline-schemas.js';
import type { StepTrace } from '../trace/trace-types.js';
import type { BudgetMeter } from './budget-meter.js';
import type { CancelScope, VirtualScheduler, VirtualSemaphore } from './virtual-scheduler.js';

/** What every step of one case run shares. */
export interface RunContext {
  scheduler: VirtualScheduler;
  sandbox: CaseSandbox;
  gateway: ModelGateway;
  modelContext: ModelContext;
  meter: BudgetMeter;
  /** The global limit on model calls in flight (virtual time). */
  callSlots: VirtualSemaphore;
  skills?: SkillResolver;
  /** The pipeline's compiled JSON Schemas, shared by all its cases (never across pipelines). */
  schemas: PipelineSchemas;
  /** Map items started so far in this case (every map, nested ones and redos too). */
  mapItems: { count: number };
  /** How steps run the steps inside them; see Executor. */
  executor: Executor;
}

/**
 * runBlock and runStep, for the steps that run other steps: map items, branch cases, loop bodies,
 * skills and validate's re-runs. runPipeline passes them in, so that no step runner imports the
 * modules that dispatch to it (executor/import-cycles.test.ts).
 */
export interface Executor {
  runBlock(ctx: RunContext, steps: readonly Step[], frame: Frame, traces: StepTrace[]): Promise<unknown>;
  runStep(ctx: RunContext, step: Step, frame: Frame, trace: StepTrace): Promise<unknown>;
}

/** A finished step, kept so that a validate step can re-run it with feedback. */
export interface StepRecord {
  step: Step;
  frame: Frame;
  output: unknown;
  /** For a map: its items, and for each output entry the item it came from (skip drops items). */
  map?: { items: unknown[]; outputIndex: number[] };
}

/** The lexical environment of a step. */
export interface Frame {
  /** JSON values in scope of expressions, templates and code: input, step outputs, item, index … */
  values: Record<string, unknown>;
  /** Finished steps visible from here, by id. */
  records: Map<string, StepRecord>;
  /** Feedback appended to every prompt in this subtree (validate's correction loop). */
  feedback: string[];
  scope: CancelScope;
}
