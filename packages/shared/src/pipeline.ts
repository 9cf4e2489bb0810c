import { z } from 'zod';
import { STEP_KINDS, type StepKind } from './step-kinds.js';

/**
 * The pipeline DSL (docs/dsl.md): the one definition. Types are inferred from it, the
 * editor's JSON Schema is generated from it (pipelineJsonSchema), and the engine's parser checks
 * documents against it before its own checks (references, cycles, models, code syntax). The kinds
 * and what the editor and the graph say about each are in step-kinds.ts.
 */

/** Step ids become JavaScript variables in expressions, templates and code. */
export const STEP_ID_PATTERN = /^[a-z_][a-z0-9_]*$/i;

/**
 * Words that cannot name a variable in strict-mode code (so not a step id either), and
 * `__proto__`, which would set an object's prototype instead of naming a value.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await eval arguments ' +
    '__proto__'
  ).split(' '),
);

const stepId = z
  .string()
  .regex(
    STEP_ID_PATTERN,
    'must start with a letter or _ and hold only letters, digits and _ (it is used as a variable)',
  )
  .refine((id) => !RESERVED_NAMES.has(id), 'is a reserved word of JavaScript; pick another id');

/** A JavaScript expression run in the sandbox. */
const expression = z.string().trim().min(1, 'must not be empty');
/** Text with `{{ expression }}` parts. */
const template = z.string();
/** A JSON Schema; the parser compiles it with ajv and reports what is wrong with it. */
const jsonSchema = z.record(z.string(), z.unknown());

/** Error codes a step can fail with, which `retry.on` may name. */
export const STEP_ERROR_CODES = [
  'invalid_output',
  'budget_exceeded',
  'timeout',
  'model_error',
  'rate_limited',
  'context_length_exceeded',
  'code_error',
  'sandbox_limit',
  'no_branch_matched',
  'agent_max_turns',
] as const;

export const retrySchema = z.strictObject({
  /** Total attempts, the first included. */
  attempts: z.int().min(1).max(10),
  /** Error codes worth another attempt; default invalid_output, model_error, rate_limited, timeout. */
  on: z.array(z.enum(STEP_ERROR_CODES)).min(1).optional(),
  /** Virtual wait before the second attempt; doubles for each further attempt. */
  backoff_ms: z.number().min(0).max(600_000).optional(),
  /** Append the previous attempt's error to the next attempt's prompt. */
  feedback: z.boolean().optional(),
});
export type RetryPolicy = z.infer<typeof retrySchema>;

const DEFAULT_CALL = /^default\(([\s\S]*)\)$/;

/** `fail`, `skip`, `{ default: <value> }` or the short form `default(<json>)`. */
export const onErrorSchema = z.union(
  [
    z.literal('fail'),
    z.literal('skip'),
    z.strictObject({ default: z.unknown() }),
    z
      .string()
      .regex(DEFAULT_CALL)
      .transform((text, ctx) => {
        const inner = DEFAULT_CALL.exec(text)?.[1] ?? '';
        try {
          return { default: JSON.parse(inner) as unknown };
        } catch {
          ctx.addIssue({ code: 'custom', message: `default(…) must hold a JSON value, got ${inner}` });
          return z.NEVER;
        }
      }),
  ],
  { error: 'must be fail, skip, default(<json value>) or { default: <value> }' },
);
export type OnError = 'fail' | 'skip' | { default: unknown };

/**
 * The steps of map, branch and loop nest, so their types are written out (TypeScript cannot infer
 * a recursive schema's type); the schemas below are checked against them.
 */
type StepSchema = z.ZodType<Step, unknown>;

export interface BranchSpec {
  cases: { when: string; steps: Step[] }[];
  default?: Step[];
}

export interface LoopSpec {
  steps: Step[];
  until: string;
  max_iterations: number;
}

/**
 * A tool an agent may call: a name and description the model reads, a JSON Schema its arguments
 * must match, and exactly one body: `code` (a function body with `args` in scope), `use` (a saved
 * skill, given `args` as its inputs) or `steps` (an inline sub-pipeline with `args` in scope, whose
 * last step's output is the result).
 */
export interface AgentTool {
  name: string;
  description: string;
  input: Record<string, unknown>;
  code?: string;
  use?: string;
  steps?: Step[];
}

export interface AgentSpec {
  model: string;
  system?: string;
  prompt: string;
  tools: AgentTool[];
  /** Model turns at most; a turn is one model call, whatever tools it asks for. */
  max_turns?: number;
  temperature?: number;
  max_output_tokens?: number;
  /** The final answer: text, or JSON checked against a JSON Schema (as for llm). */
  output?: LlmOutput;
  /**
   * Expression checked after each turn's tool results, with `turn` (turns done, 1-based) and
   * `calls` (every tool call so far: { name, args, result, error }) in scope: true makes the next
   * turn the last, offered no tools, so the model must answer.
   */
  stop_when?: string;
}

export interface CommonStepKeys {
  id?: string;
  needs?: string[];
  timeout_ms?: number;
  retry?: RetryPolicy;
  on_error?: OnError;
}

export interface MapStep extends CommonStepKeys {
  map: string;
  step?: Step;
  steps?: Step[];
  concurrency?: number;
  on_item_error?: 'fail' | 'skip' | 'null';
  tolerated_failure_pct?: number;
}

export interface BranchStep extends CommonStepKeys {
  branch: BranchSpec;
}

export interface LoopStep extends CommonStepKeys {
  loop: LoopSpec;
}

export interface AgentStep extends CommonStepKeys {
  agent: AgentSpec;
}

const commonKeys = {
  /** Unique in the pipeline; optional only for the single inner `step` of a map. */
  id: stepId.optional(),
  /** Steps this one waits for besides the ones it names in expressions and templates. */
  needs: z.array(stepId).optional(),
  /** Per attempt; virtual time under simulated models. */
  timeout_ms: z.int().positive().optional(),
  retry: retrySchema.optional(),
  on_error: onErrorSchema.optional(),
};

export const llmOutputSchema = z.union(
  [z.literal('text'), z.strictObject({ json: jsonSchema, strict: z.boolean().optional() })],
  { error: 'must be text or { json: <JSON Schema>, strict?: boolean }' },
);

export const llmSpecSchema = z.strictObject({
  model: z.string().min(1),
  system: template.optional(),
  prompt: template,
  temperature: z.number().min(0).max(2).optional(),
  /** n > 1 makes the step's output an array of n answers. */
  samples: z.int().min(1).max(32).optional(),
  max_output_tokens: z.int().positive().optional(),
  output: llmOutputSchema.optional(),
  retry: retrySchema.optional(),
});
export type LlmSpec = z.infer<typeof llmSpecSchema>;
export type LlmOutput = z.infer<typeof llmOutputSchema>;

/** Tool names as every provider accepts them (OpenAI: ^[a-zA-Z0-9_-]{1,64}$). */
export const TOOL_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

export const AGENT_MAX_TURNS_DEFAULT = 8;

export const agentToolSchema: z.ZodType<AgentTool, unknown> = z
  .strictObject({
    name: z
      .string()
      .regex(
        TOOL_NAME_PATTERN,
        'must start with a letter and hold only letters, digits, _ and - (64 at most)',
      ),
    description: z.string().trim().min(1, 'must say what the tool does: the model reads it to choose'),
    /** JSON Schema of the arguments; the parser compiles it and the executor checks every call. */
    input: jsonSchema,
    code: z.string().trim().min(1, 'must not be empty').optional(),
    use: z.string().min(1).optional(),
    get steps(): z.ZodOptional<z.ZodArray<StepSchema>> {
      return z.array(stepSchema).min(1).optional();
    },
  })
  .refine((tool) => [tool.code, tool.use, tool.steps].filter((body) => body !== undefined).length === 1, {
    // Reported after the tool's place: "tools[1] needs exactly one body: …".
    message: 'needs exactly one body: code, use (a saved skill) or steps',
  });

export const agentSpecSchema: z.ZodType<AgentSpec, unknown> = z.strictObject({
  model: z.string().min(1),
  system: template.optional(),
  prompt: template,
  tools: z.array(agentToolSchema).min(1).max(32),
  max_turns: z.int().min(1).max(50).optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_output_tokens: z.int().positive().optional(),
  output: llmOutputSchema.optional(),
  stop_when: expression.optional(),
});

export const agentStepSchema = z.strictObject({ ...commonKeys, agent: agentSpecSchema });

export const llmStepSchema = z.strictObject({ ...commonKeys, llm: llmSpecSchema });

export const codeStepSchema = z.strictObject({
  ...commonKeys,
  /** A function body; `return` gives the step's output. */
  code: z.string().trim().min(1, 'must not be empty'),
});

export const mapStepSchema = z.strictObject({
  ...commonKeys,
  /** Expression giving the array to map over; `item` and `index` are in scope of the inner steps. */
  map: expression,
  get step(): z.ZodOptional<StepSchema> {
    return stepSchema.optional();
  },
  get steps(): z.ZodOptional<z.ZodArray<StepSchema>> {
    return z.array(stepSchema).min(1).optional();
  },
  concurrency: z.int().min(1).max(64).optional(),
  /** YAML reads a bare `null` as null rather than the word; both mean the same here. */
  on_item_error: z
    .union([z.enum(['fail', 'skip', 'null']), z.null().transform(() => 'null' as const)], {
      error: 'must be fail, skip or null',
    })
    .optional(),
  /** Share of items that may fail (after on_item_error) before the map fails; default 0. */
  tolerated_failure_pct: z.number().min(0).max(100).optional(),
});

export const branchStepSchema = z.strictObject({
  ...commonKeys,
  get branch(): z.ZodType<BranchSpec, unknown> {
    return z.strictObject({
      cases: z.array(z.strictObject({ when: expression, steps: z.array(stepSchema).min(1) })).min(1),
      default: z.array(stepSchema).min(1).optional(),
    });
  },
});

export const validateOnFailSchema = z.strictObject({
  /** Re-run the target with feedback (the correction loop). */
  redo: z.boolean().optional(),
  rounds: z.int().min(0).max(5).optional(),
  /** Template with `{{ value }}` and `{{ reason }}`. */
  feedback: template.optional(),
  /** After the last round: fail the step, flag the value in the trace, or keep it silently. */
  // biome-ignore lint/suspicious/noThenProperty: `then` is the DSL's word; this object is never awaited.
  then: z.enum(['fail', 'flag', 'keep']).optional(),
});

export const validateStepSchema = z.strictObject({
  ...commonKeys,
  /** The step whose output is checked. */
  validate: stepId,
  /** Expression with `value` in scope: true passes, false or a string (the reason) fails. */
  check: expression.optional(),
  schema: jsonSchema.optional(),
  on_fail: validateOnFailSchema.optional(),
});

export const voteStepSchema = z.strictObject({
  ...commonKeys,
  /** A step with samples, or a list of steps. */
  vote: z.union([stepId, z.array(stepId).min(2)], { error: 'must be a step id or a list of step ids' }),
  method: z.enum(['majority', 'unanimous', 'mean']).optional(),
});

export const loopStepSchema = z.strictObject({
  ...commonKeys,
  get loop(): z.ZodType<LoopSpec, unknown> {
    return z.strictObject({
      steps: z.array(stepSchema).min(1),
      /** Expression with `value` (this iteration's result) and `iteration` (0-based) in scope. */
      until: expression,
      max_iterations: z.int().min(1).max(50),
    });
  },
});

export const useStepSchema = z.strictObject({
  ...commonKeys,
  /** Name of a saved skill. */
  use: z.string().min(1),
  /** The skill's input: name → expression. */
  inputs: z.record(z.string(), expression).optional(),
});

export const outputStepSchema = z.strictObject({
  ...commonKeys,
  /** Expression giving the pipeline's result. */
  output: expression,
});

export type LlmStep = z.infer<typeof llmStepSchema>;
export type CodeStep = z.infer<typeof codeStepSchema>;
export type ValidateStep = z.infer<typeof validateStepSchema>;
export type VoteStep = z.infer<typeof voteStepSchema>;
export type UseStep = z.infer<typeof useStepSchema>;
export type OutputStep = z.infer<typeof outputStepSchema>;

/** The step type of each kind; a kind missing here makes `Step` fail to compile. */
export interface StepsByKind {
  llm: LlmStep;
  agent: AgentStep;
  code: CodeStep;
  map: MapStep;
  branch: BranchStep;
  validate: ValidateStep;
  vote: VoteStep;
  loop: LoopStep;
  use: UseStep;
  output: OutputStep;
}
export type Step = StepsByKind[StepKind];
/** A step narrowed to one kind: `StepOfKind<'map'>` is MapStep. */
export type StepOfKind<K extends StepKind> = StepsByKind[K];

/** The step schema per kind, in STEP_KINDS order (the parser picks one by the kind key present). */
export const stepSchemasByKind = {
  llm: llmStepSchema,
  agent: agentStepSchema,
  code: codeStepSchema,
  map: mapStepSchema,
  branch: branchStepSchema,
  validate: validateStepSchema,
  vote: voteStepSchema,
  loop: loopStepSchema,
  use: useStepSchema,
  output: outputStepSchema,
} as const satisfies { [K in StepKind]: z.ZodType<StepOfKind<K>, unknown> };

export const stepSchema: StepSchema = z.union(
  [
    llmStepSchema,
    agentStepSchema,
    codeStepSchema,
    mapStepSchema,
    branchStepSchema,
    validateStepSchema,
    voteStepSchema,
    loopStepSchema,
    useStepSchema,
    outputStepSchema,
  ],
  { error: `a step needs exactly one kind: ${STEP_KINDS.join(', ')}` },
);

export const budgetSchema = z.strictObject({
  max_calls: z.int().positive().optional(),
  max_tokens: z.int().positive().optional(),
  max_cost_usd: z.number().positive().optional(),
  /** Virtual time of the case's critical path. */
  max_ms: z.number().positive().optional(),
});
export type Budget = z.infer<typeof budgetSchema>;

export const pipelineSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Optional: the challenge's caps always apply, and a pipeline's own budget can only lower them. */
  budget: budgetSchema.default({}),
  /** Named inputs with a JSON Schema each; a skill's caller passes them in `use.inputs`. */
  inputs: z.record(z.string(), jsonSchema).optional(),
  steps: z.array(stepSchema).min(1),
});
export type Pipeline = z.infer<typeof pipelineSchema>;
export type PipelineInput = z.input<typeof pipelineSchema>;

/** Which kind a step is; the schema guarantees exactly one kind key. */
export function stepKind(step: Step): StepKind {
  for (const kind of STEP_KINDS) if (kind in step) return kind;
  throw new Error('A step without a kind passed validation.');
}

/** Whether a step is of `kind` (has its key), narrowing it to that kind's type. */
export function isStepOfKind<K extends StepKind>(step: Step, kind: K): step is StepOfKind<K> {
  return kind in step;
}

/** JSON Schema of the DSL for editors (YAML language server, Monaco). */
export function pipelineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
