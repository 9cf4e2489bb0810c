import {
  agentSpecSchema,
  agentToolSchema,
  budgetSchema,
  type Issue,
  llmSpecSchema,
  type Pipeline,
  retrySchema,
  STEP_KINDS,
  type StepKind,
  stepSchemasByKind,
  validateOnFailSchema,
} from '@reps/shared';
import type { Ajv } from 'ajv';
import { z } from 'zod';
import {
  compileSchema,
  createSchemaAjv,
  MAX_PIPELINE_SCHEMA_BYTES,
  schemaSizeProblem,
} from '../schema/safe-ajv.js';
import { stableStringify } from '../schema/stable-stringify.js';
import { blockGraph, stepIdOf } from './dependency-graph.js';
import { type FreeName, freeNames, JS_GLOBALS } from './free-names.js';
import { type CodeKind, parseSnippet } from './js-parse.js';
import { SchemaBudget } from './schema-budget.js';
import { PLACED_SCOPE_NAMES, SCOPE_NAME_SET } from './scope.js';
import type { Path, SourceMap } from './source-map.js';
import {
  explicitTargets,
  isInsideNestedStep,
  isObject,
  type NestedBlock,
  nestedBlocks,
  type Snippet,
  snippetsOf,
} from './step-parts.js';
import { parseTemplate } from './template.js';
import { type Located, locateZodIssue, suggest } from './zod-issues.js';

/** The kind keys a step has; a valid step has exactly one. */
function kindsOf(step: unknown): StepKind[] {
  return isObject(step) ? STEP_KINDS.filter((kind) => kind in step) : [];
}

/**
 * Resolves `use:` skills by name. A resolver made by skillLibrary also says why a skill it holds
 * did not parse, and shares its schema budget with the pipeline that uses it.
 */
export type SkillResolver = ((name: string) => Pipeline | undefined) & {
  problems?: (name: string) => Issue[] | undefined;
  schemaBudget?: SchemaBudget;
};

export interface CheckOptions {
  knownModels?: (id: string) => boolean;
  skills?: SkillResolver;
  /** Shared with the skills the pipeline uses; a fresh one by default. */
  schemaBudget?: SchemaBudget;
}

interface Visibility {
  /** Ids a step in this block may use: its siblings and those of every enclosing block. */
  visible: ReadonlySet<string>;
  /** Ids of the steps enclosing this block (their output does not exist yet inside them). */
  enclosing: ReadonlySet<string>;
  /** Names in scope here besides SCOPE_NAMES, from an enclosing block (`args` in a tool's steps). */
  names: ReadonlySet<string>;
}

const COMMON_KEYS = ['id', 'needs', 'timeout_ms', 'retry', 'on_error'];

/** Every problem of the steps of a pipeline document, beyond what the top-level schema reports. */
export class StepChecker {
  readonly problems: Located[] = [];
  private readonly allIds = new Map<string, Path>();
  private outputSteps = 0;

  constructor(
    private readonly source: SourceMap,
    private readonly options: CheckOptions,
  ) {}

  check(steps: unknown[]): void {
    this.collectIds(steps, ['steps']);
    this.checkBlock(
      { path: ['steps'], steps, single: false },
      { visible: new Set(), enclosing: new Set(), names: new Set() },
      true,
    );
  }

  private report(path: Path, message: string, position = this.source.valueAt(path)): void {
    this.problems.push({ path, message, position });
  }

  private collectIds(steps: unknown[], path: Path): void {
    steps.forEach((step, i) => {
      const id = stepIdOf(step);
      const at = [...path, i];
      if (id !== undefined) {
        const first = this.allIds.get(id);
        if (first) {
          const line = this.source.valueAt([...first, 'id']).line;
          this.report(
            [...at, 'id'],
            `duplicate step id "${id}" (first used on line ${line}); ids must be unique`,
          );
        } else this.allIds.set(id, at);
        if (SCOPE_NAME_SET.has(id) || PLACED_SCOPE_NAMES.has(id) || JS_GLOBALS.has(id))
          this.report(
            [...at, 'id'],
            `"${id}" is a reserved name (${JS_GLOBALS.has(id) ? 'a JavaScript global' : 'a scope variable'}); choose another id`,
          );
      }
      for (const block of nestedBlocks(step, at)) this.collectIds(block.steps, block.path);
    });
  }

  private checkBlock(block: NestedBlock, outer: Visibility, topLevel: boolean): void {
    const ids = block.steps.map(stepIdOf).filter((id): id is string => id !== undefined);
    const scope: Visibility = {
      visible: new Set([...outer.visible, ...ids]),
      enclosing: outer.enclosing,
      names: block.scope ? new Set([...outer.names, ...block.scope]) : outer.names,
    };
    block.steps.forEach((step, i) => {
      const path = block.single ? block.path : [...block.path, i];
      this.checkStep(step, path, scope, block.single, topLevel);
    });
    const graph = blockGraph(block.steps);
    if (graph.cycle) this.reportCycle(block, graph.cycle);
  }

  private reportCycle(block: NestedBlock, cycle: number[]): void {
    const names = cycle.map((i) => stepIdOf(block.steps[i]) ?? `#${i}`);
    const path = block.single ? block.path : [...block.path, cycle[0]!];
    const loop =
      names.length === 1 ? `"${names[0]}" uses its own output` : `${[...names, names[0]].join(' → ')}`;
    this.report(
      [...path, 'id'],
      `dependency cycle: ${loop}; a step can only use steps that can finish before it`,
    );
  }

  private checkStep(step: unknown, path: Path, scope: Visibility, single: boolean, topLevel: boolean): void {
    if (!isObject(step)) {
      this.report(path, 'a step must be a mapping with an id and one kind (llm, code, map, …)');
      return;
    }
    if (!single && step.id === undefined)
      this.report(path, 'this step needs an id (used to refer to its output)');
    const kinds = kindsOf(step);
    if (kinds.length === 0) {
      this.reportNoKind(step, path);
      return;
    }
    if (kinds.length > 1) {
      this.report(
        [...path, kinds[1]!],
        `a step has exactly one kind, but this one has ${kinds.join(' and ')}; split it into separate steps`,
        this.source.keyAt([...path, kinds[1]!]),
      );
      return;
    }
    const kind = kinds[0]!;
    this.checkSchema(step, path, kind);
    if (kind === 'output' && topLevel && ++this.outputSteps > 1)
      this.report(
        [...path, 'output'],
        'a pipeline has at most one output step',
        this.source.keyAt([...path, 'output']),
      );
    this.checkSnippets(snippetsOf(step, path), scope);
    this.checkTargets(step, path, scope);
    this.checkKindRules(step, path, kind);
    const id = stepIdOf(step);
    const inner: Visibility = {
      visible: scope.visible,
      enclosing: id ? new Set([...scope.enclosing, id]) : scope.enclosing,
      names: scope.names,
    };
    for (const block of nestedBlocks(step, path)) this.checkBlock(block, inner, false);
  }

  private reportNoKind(step: Record<string, unknown>, path: Path): void {
    const unknown = Object.keys(step).filter((k) => !COMMON_KEYS.includes(k));
    const first = unknown[0];
    const hint = first ? `; "${first}" is not a step kind${suggest(first, STEP_KINDS)}` : '';
    const at = first ? [...path, first] : path;
    this.report(
      at,
      `this step has no kind: add one of ${STEP_KINDS.join(', ')}${hint}`,
      first ? this.source.keyAt(at) : undefined,
    );
  }

  private checkSchema(step: Record<string, unknown>, path: Path, kind: StepKind): void {
    const schema = stepSchemasByKind[kind];
    const result = schema.safeParse(step, { reportInput: true });
    if (result.success) return;
    for (const issue of result.error.issues) {
      const relative = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (isInsideNestedStep(relative)) continue;
      this.problems.push(...locateZodIssue(issue, path, this.source, (rel) => allowedStepKeys(kind, rel)));
    }
  }

  private checkSnippets(snippets: Snippet[], scope: Visibility): void {
    for (const snippet of snippets) {
      const uses = this.namesOf(snippet);
      if (uses) for (const use of uses) this.checkName(snippet, use, scope);
    }
  }

  /** The free names of a snippet's code, or undefined (and the syntax error reported) when it does not parse. */
  private namesOf(snippet: Snippet): FreeName[] | undefined {
    const text = this.source.stringAt(snippet.path) ?? snippet.text;
    if (snippet.kind !== 'template') return this.parseCode(snippet, text, 0, snippet.kind);
    const parsed = parseTemplate(text);
    if (!parsed.ok) {
      this.report(
        snippet.path,
        `bad template: ${parsed.problem.message}`,
        this.source.inString(snippet.path, parsed.problem.offset),
      );
      return undefined;
    }
    const uses: FreeName[] = [];
    for (const part of parsed.parts) {
      if (!('expression' in part)) continue;
      const names = this.parseCode(snippet, part.expression, part.offset, 'expression');
      if (!names) return undefined;
      uses.push(...names);
    }
    return uses;
  }

  /** Parses `code`, which starts at offset `base` of the snippet's string; never runs it. */
  private parseCode(snippet: Snippet, code: string, base: number, kind: CodeKind): FreeName[] | undefined {
    if (!code.trim()) return []; // the schema reports empty code
    const parsed = parseSnippet(code, kind);
    if (parsed.ok) return freeNames(parsed.ast).map((use) => ({ ...use, offset: base + use.offset }));
    const what =
      snippet.kind === 'template' ? 'the {{ }} expression' : kind === 'body' ? 'the code' : 'the expression';
    this.report(
      snippet.path,
      `${what} does not parse: ${parsed.problem.message}`,
      this.source.inString(snippet.path, base + parsed.problem.offset),
    );
    return undefined;
  }

  private checkName(snippet: Snippet, { name, offset, locals }: FreeName, scope: Visibility): void {
    const placed = [...scope.names, ...(snippet.scope ?? [])];
    if (placed.includes(name)) return;
    if (scope.enclosing.has(name)) {
      this.report(
        snippet.path,
        `"${name}" is the step this one is inside; its output does not exist yet here`,
        this.source.inString(snippet.path, offset),
      );
      return;
    }
    if (scope.visible.has(name) || SCOPE_NAME_SET.has(name) || JS_GLOBALS.has(name)) return;
    if (this.allIds.has(name)) {
      this.report(
        snippet.path,
        `step "${name}" is inside another block and cannot be used here`,
        this.source.inString(snippet.path, offset),
      );
      return;
    }
    const onlyIn = PLACED_SCOPE_NAMES.get(name);
    if (onlyIn) {
      this.report(
        snippet.path,
        `"${name}" is only in scope in ${onlyIn}, not here`,
        this.source.inString(snippet.path, offset),
      );
      return;
    }
    const scopeNames = [...SCOPE_NAME_SET, ...placed];
    const known = [...scope.visible, ...scopeNames, ...locals];
    this.report(
      snippet.path,
      `unknown name "${name}": not a step id, one of ${scopeNames.join(', ')}, nor a global of the sandbox${suggest(name, known)}`,
      this.source.inString(snippet.path, offset),
    );
  }

  private checkTargets(step: Record<string, unknown>, path: Path, scope: Visibility): void {
    for (const target of explicitTargets(step, path)) {
      if (scope.enclosing.has(target.id)) {
        this.report(target.path, `${target.via} names "${target.id}", the step this one is inside`);
      } else if (!scope.visible.has(target.id)) {
        const where = this.allIds.has(target.id) ? 'is inside another block' : 'does not exist';
        this.report(
          target.path,
          `${target.via} names step "${target.id}", which ${where}${suggest(target.id, [...scope.visible])}`,
        );
      }
    }
  }

  private checkKindRules(step: Record<string, unknown>, path: Path, kind: StepKind): void {
    if (kind === 'llm' && isObject(step.llm)) this.checkLlm(step.llm, [...path, 'llm']);
    if (kind === 'agent' && isObject(step.agent)) this.checkAgent(step.agent, [...path, 'agent']);
    if (kind === 'map' && (step.step === undefined) === (step.steps === undefined))
      this.report(
        [...path, 'map'],
        'a map needs either `step` (one inner step) or `steps` (a list), not both or neither',
        this.source.keyAt([...path, 'map']),
      );
    if (kind === 'validate') {
      if ((step.check === undefined) === (step.schema === undefined))
        this.report(
          [...path, 'validate'],
          'a validate step needs either `check` (an expression) or `schema` (a JSON Schema)',
          this.source.keyAt([...path, 'validate']),
        );
      if (isObject(step.schema)) this.checkJsonSchema(step.schema, [...path, 'schema']);
    }
    if (kind === 'use' && typeof step.use === 'string') {
      const inputs = isObject(step.inputs) ? Object.keys(step.inputs) : [];
      this.checkSkill(step.use, [...path, 'use'], inputs, (name) => [...path, 'inputs', name], 'inputs');
    }
  }

  /** The model and output schema of an llm step, and of an agent step too. */
  private checkLlm(llm: Record<string, unknown>, path: Path): void {
    if (typeof llm.model === 'string' && this.options.knownModels && !this.options.knownModels(llm.model))
      this.report(
        [...path, 'model'],
        `unknown model "${llm.model}"; use a model this challenge allows (e.g. sim-mini, sim-standard, sim-pro)`,
      );
    const output = llm.output;
    if (isObject(output) && isObject(output.json))
      this.checkJsonSchema(output.json, [...path, 'output', 'json']);
  }

  /**
   * An agent's model and output as an llm's, then its tools: names unique within the agent (the
   * model calls a tool by name), arguments described by a JSON Schema of an object, and a `use`
   * body naming a skill whose inputs are the arguments. Tool bodies' code, stop_when and the
   * tools' steps are checked with the step's snippets and nested blocks.
   */
  private checkAgent(agent: Record<string, unknown>, path: Path): void {
    this.checkLlm(agent, path);
    if (!Array.isArray(agent.tools)) return;
    const named = new Map<string, number>();
    agent.tools.forEach((tool, i) => {
      if (!isObject(tool)) return;
      const at = [...path, 'tools', i];
      if (typeof tool.name === 'string') {
        const first = named.get(tool.name);
        if (first === undefined) named.set(tool.name, i);
        else {
          const line = this.source.valueAt([...path, 'tools', first, 'name']).line;
          this.report(
            [...at, 'name'],
            `two tools are named "${tool.name}" (the first on line ${line}); the model calls a tool by its name, so each needs its own`,
          );
        }
      }
      if (isObject(tool.input)) this.checkToolInput(tool.input, [...at, 'input']);
      if (typeof tool.use === 'string') {
        const properties =
          isObject(tool.input) && isObject(tool.input.properties) ? tool.input.properties : {};
        this.checkSkill(
          tool.use,
          [...at, 'use'],
          Object.keys(properties),
          (name) => [...at, 'input', 'properties', name],
          "the tool's input properties",
        );
      }
    });
  }

  /** Providers pass a tool's arguments as one JSON object, so its schema must describe one. */
  private checkToolInput(input: Record<string, unknown>, path: Path): void {
    if (input.type !== 'object')
      this.report(
        'type' in input ? [...path, 'type'] : path,
        "a tool's input must describe an object (type: object, with the arguments under properties): the model passes a tool's arguments as one JSON object",
      );
    this.checkJsonSchema(input, path);
  }

  /** One strict Ajv per parse (schema/safe-ajv): nothing a learner's schema compiles outlives it. */
  private schemaAjv: Ajv | undefined;

  private budget?: SchemaBudget;

  /** The pipeline's, shared with the skills it uses (skillLibrary's), or its own. */
  private get schemaBudget(): SchemaBudget {
    this.budget ??= this.options.schemaBudget ?? this.options.skills?.schemaBudget ?? new SchemaBudget();
    return this.budget;
  }

  /**
   * Invalid schemas, and what may not run: RE2-less patterns, outside or recursive $refs, oversize
   * one by one or all together. A schema written twice is checked (and counted) once.
   */
  private checkJsonSchema(schema: Record<string, unknown>, path: Path): void {
    if (!schemaSizeProblem(schema)) {
      const counted = this.schemaBudget.add(stableStringify(schema));
      if (counted === 'seen' || counted === 'beyond') return;
      // Reported where the limit is crossed; the schemas after it are not compiled.
      if (counted === 'over') {
        this.report(
          path,
          `the JSON Schemas of the pipeline (and the skills it uses) are too large together (more than ${MAX_PIPELINE_SCHEMA_BYTES / 1024} KiB of distinct schemas by this one); share one schema between steps (identical schemas count once) or make them smaller`,
        );
        return;
      }
    }
    this.schemaAjv ??= createSchemaAjv({ strict: true });
    const compiled = compileSchema(schema, this.schemaAjv);
    if (compiled.ok) return;
    for (const problem of compiled.problems) {
      const at = [...path, ...problem.path];
      this.report(at, problem.message, problem.key ? this.source.keyAt(at) : undefined);
    }
  }

  /**
   * That the skill `name` (written at `path`) exists and parses, and that the inputs `given` are
   * exactly the ones it declares: a `use` step's `inputs`, or a `use` tool's input properties
   * (`where` says which, `inputAt` where each is written).
   */
  private checkSkill(
    name: string,
    path: Path,
    given: readonly string[],
    inputAt: (input: string) => Path,
    where: string,
  ): void {
    if (!this.options.skills) return;
    const skill = this.options.skills(name);
    if (!skill) {
      const problem = this.options.skills.problems?.(name)?.[0];
      this.report(
        path,
        problem
          ? `skill "${name}" cannot be used here: ${problem.message}`
          : `unknown skill "${name}"; save it first or check the name`,
      );
      return;
    }
    if (!skill.inputs) return;
    const declared = Object.keys(skill.inputs);
    for (const input of given)
      if (!declared.includes(input))
        this.report(
          inputAt(input),
          `skill "${name}" has no input "${input}"; it takes ${declared.join(', ') || 'no inputs'}`,
          this.source.keyAt(inputAt(input)),
        );
    const missing = declared.filter((input) => !given.includes(input));
    if (missing.length)
      this.report(path, `skill "${name}" also needs inputs: ${missing.join(', ')} (add them to ${where})`);
  }
}

/** Keys allowed at a path relative to a step of `kind`, for "did you mean" hints. */
function allowedStepKeys(kind: StepKind, relative: Path): readonly string[] | undefined {
  const key = relative.filter((p) => typeof p === 'string').join('.');
  if (key === '') return Object.keys(stepSchemasByKind[kind].shape);
  if (key === 'llm') return Object.keys(llmSpecSchema.shape);
  if (key === 'agent') return keysOf(agentSpecSchema);
  if (key === 'agent.tools') return keysOf(agentToolSchema);
  if (key === 'retry' || key === 'llm.retry') return Object.keys(retrySchema.shape);
  if (key === 'on_fail') return Object.keys(validateOnFailSchema.shape);
  if (key === 'loop') return ['steps', 'until', 'max_iterations'];
  if (key === 'branch') return ['cases', 'default'];
  if (key === 'branch.cases') return ['when', 'steps'];
  return undefined;
}

/** The keys of an object schema (the agent's are typed as plain schemas: they nest steps). */
function keysOf(schema: z.ZodType): readonly string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

export function allowedPipelineKeys(relative: Path): readonly string[] | undefined {
  if (relative.length === 0) return ['name', 'description', 'budget', 'inputs', 'steps'];
  if (relative.length === 1 && relative[0] === 'budget') return Object.keys(budgetSchema.shape);
  return undefined;
}
