/**
 * The kinds of step of the pipeline DSL (docs/dsl.md) and what the editor and the graph say about
 * each: plain data without zod, so that the web app can have it without the schemas
 * (apps/web/vite.config.ts serializes it into `virtual:step-kinds`). The schemas are in pipeline.ts,
 * the runners in packages/engine/src/executor/step-runners.ts.
 */

/** In the order stepKind() tries them and the graph's legend lists them. */
export const STEP_KINDS = [
  'llm',
  'agent',
  'code',
  'map',
  'branch',
  'validate',
  'vote',
  'loop',
  'use',
  'output',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * Where a step keeps steps it runs: a path of keys from the step, where `*` stands for every entry
 * of an array. What the path leads to is a list of steps, or a single step when `single` is set.
 */
export interface ChildStepsAt {
  readonly path: readonly string[];
  readonly single?: true;
}

export interface StepKindInfo {
  /** The kind's name as shown on graph nodes, in the legend and in completions. */
  readonly label: string;
  /** What the kind does, in a few words (the detail of its completion). */
  readonly blurb: string;
  /**
   * YAML the editor inserts for the kind, in place of its key. Lines after the first are indented
   * by the step's column; `$model` stands for the challenge's first model; the cursor lands at
   * `$0`, or at the end when there is none.
   */
  readonly snippet: string;
  /** Where its nested steps are (the graph lists them inside the node); none for most kinds. */
  readonly children: readonly ChildStepsAt[];
}

/** One entry per kind: a kind without its entry (or an entry without its kind) does not compile. */
export const STEP_KIND_INFO: { readonly [K in StepKind]: StepKindInfo } = {
  llm: {
    label: 'llm',
    blurb: 'a model call',
    snippet: 'llm:\n  model: $model\n  prompt: |\n    ',
    children: [],
  },
  agent: {
    label: 'agent',
    blurb: 'a model that calls tools',
    snippet:
      'agent:\n  model: $model\n  prompt: |\n    $0\n  max_turns: 6\n  tools:\n    - name: lookup\n      description: \n      input: { type: object, required: [id], properties: { id: { type: string } } }\n      code: |\n        return ',
    children: [{ path: ['agent', 'tools', '*', 'steps'] }],
  },
  code: {
    label: 'code',
    blurb: 'JavaScript in the sandbox',
    snippet: 'code: |\n  return ',
    children: [],
  },
  map: {
    label: 'map',
    blurb: 'run inner steps per item',
    snippet: 'map: $0\nstep:\n  ',
    children: [{ path: ['step'], single: true }, { path: ['steps'] }],
  },
  branch: {
    label: 'branch',
    blurb: 'choose steps by condition',
    snippet: 'branch: ',
    children: [{ path: ['branch', 'cases', '*', 'steps'] }, { path: ['branch', 'default'] }],
  },
  validate: {
    label: 'validate',
    blurb: 'check a step, correct it',
    snippet: 'validate: $0\ncheck: ',
    children: [],
  },
  vote: {
    label: 'vote',
    blurb: 'majority / mean of samples',
    snippet: 'vote: ',
    children: [],
  },
  loop: {
    label: 'loop',
    blurb: 'refine until good enough',
    snippet: 'loop: ',
    children: [{ path: ['loop', 'steps'] }],
  },
  use: {
    label: 'use',
    blurb: 'a saved skill',
    snippet: 'use: ',
    children: [],
  },
  output: {
    label: 'output',
    blurb: "the pipeline's result",
    snippet: 'output: ',
    children: [],
  },
};
