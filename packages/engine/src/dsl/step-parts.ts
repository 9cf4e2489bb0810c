import { type ChildStepsAt, STEP_KIND_INFO, STEP_KINDS, type StepKind } from '@reps/shared/step-kinds';
import { STOP_WHEN_SCOPE_NAMES, TOOL_SCOPE_NAMES } from './scope.js';
import type { Path } from './source-map.js';

/**
 * Reads the parts of a step that matter for checking and scheduling, from data that may not have
 * passed the schema yet (so a file with a schema error still gets its other problems reported).
 * The web's pipeline graph bundles this through `@reps/engine/dependency-graph`, so its one runtime
 * import is `@reps/shared/step-kinds` (plain data): `@reps/shared` itself would drag zod and every
 * schema along.
 */

export type SnippetKind = 'expression' | 'body' | 'template';

export interface Snippet {
  kind: SnippetKind;
  text: string;
  /** Path of the string in the document. */
  path: Path;
  /** Names in scope here besides the usual ones (scope.ts): `args` in a tool's code, … */
  scope?: readonly string[];
}

export interface NestedBlock {
  path: Path;
  steps: unknown[];
  /** True for map's single `step:`, whose step needs no id. */
  single: boolean;
  /** Names in scope of the block's steps (and of the blocks inside them) besides the usual ones. */
  scope?: readonly string[];
}

/** Names the nested blocks of a kind have in scope besides the usual ones: a tool's steps see its `args`. */
const BLOCK_SCOPE: { readonly [K in StepKind]?: readonly string[] } = { agent: TOOL_SCOPE_NAMES };

type Raw = Record<string, unknown>;

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The step's own expressions, code and templates; nested steps' are not included. */
export function snippetsOf(step: unknown, path: Path): Snippet[] {
  if (!isObject(step)) return [];
  const out: Snippet[] = [];
  const add = (kind: SnippetKind, value: unknown, at: Path, scope?: readonly string[]) => {
    if (typeof value === 'string')
      out.push({ kind, text: value, path: [...path, ...at], ...(scope ? { scope } : {}) });
  };
  const llm = step.llm;
  if (isObject(llm)) {
    add('template', llm.system, ['llm', 'system']);
    add('template', llm.prompt, ['llm', 'prompt']);
  }
  const agent = step.agent;
  if (isObject(agent)) {
    add('template', agent.system, ['agent', 'system']);
    add('template', agent.prompt, ['agent', 'prompt']);
    if (Array.isArray(agent.tools))
      agent.tools.forEach((tool, i) => {
        if (isObject(tool)) add('body', tool.code, ['agent', 'tools', i, 'code'], TOOL_SCOPE_NAMES);
      });
    add('expression', agent.stop_when, ['agent', 'stop_when'], STOP_WHEN_SCOPE_NAMES);
  }
  add('body', step.code, ['code']);
  add('expression', step.map, ['map']);
  const branch = step.branch;
  if (isObject(branch) && Array.isArray(branch.cases)) {
    branch.cases.forEach((c, i) => {
      if (isObject(c)) add('expression', c.when, ['branch', 'cases', i, 'when']);
    });
  }
  if ('validate' in step) {
    add('expression', step.check, ['check']);
    if (isObject(step.on_fail)) add('template', step.on_fail.feedback, ['on_fail', 'feedback']);
  }
  if (isObject(step.loop)) add('expression', step.loop.until, ['loop', 'until']);
  if (isObject(step.inputs))
    for (const [k, v] of Object.entries(step.inputs)) add('expression', v, ['inputs', k]);
  add('expression', step.output, ['output']);
  return out;
}

/**
 * The blocks of steps a step holds, where STEP_KIND_INFO says its kind keeps them (`children`), in
 * the order of STEP_KINDS and then of the kind's entries. A step carrying two kinds' keys (a schema
 * error reported elsewhere) yields both kinds' blocks, so each still gets checked.
 */
export function nestedBlocks(step: unknown, path: Path): NestedBlock[] {
  if (!isObject(step)) return [];
  const out: NestedBlock[] = [];
  for (const kind of STEP_KINDS) {
    if (!(kind in step)) continue;
    const scope = BLOCK_SCOPE[kind];
    const scoped = scope ? { scope } : {};
    for (const at of STEP_KIND_INFO[kind].children) {
      for (const found of valuesAt(step, at.path, path)) {
        if (at.single) {
          if (found.value !== undefined)
            out.push({ path: found.path, steps: [found.value], single: true, ...scoped });
        } else if (Array.isArray(found.value)) {
          out.push({ path: found.path, steps: found.value, single: false, ...scoped });
        }
      }
    }
  }
  return out;
}

/** What `keys` leads to from `value` (`*` for every entry of an array), with its path. */
function valuesAt(value: unknown, keys: readonly string[], path: Path): { value: unknown; path: Path }[] {
  if (keys.length === 0) return [{ value, path }];
  const [key, ...rest] = keys as [string, ...string[]];
  if (key === '*')
    return Array.isArray(value) ? value.flatMap((entry, i) => valuesAt(entry, rest, [...path, i])) : [];
  return isObject(value) && key in value ? valuesAt(value[key], rest, [...path, key]) : [];
}

const CHILD_PLACES: readonly ChildStepsAt[] = STEP_KINDS.flatMap((kind) => STEP_KIND_INFO[kind].children);

/**
 * Paths (relative to the step) under which nested steps live, from STEP_KIND_INFO: under a single
 * step's key, or under an entry of a list of steps. The schema check of a step skips them.
 */
export function isInsideNestedStep(relative: Path): boolean {
  return CHILD_PLACES.some((at) => {
    const list = at.single ? 0 : 1;
    if (relative.length < at.path.length + list) return false;
    const prefix = at.path.every((key, i) =>
      key === '*' ? typeof relative[i] === 'number' : relative[i] === key,
    );
    return prefix && (at.single || typeof relative[at.path.length] === 'number');
  });
}

/** Step ids a step names outright: needs, validate and vote targets (with where each is written). */
export function explicitTargets(step: unknown, path: Path): { id: string; path: Path; via: string }[] {
  if (!isObject(step)) return [];
  const out: { id: string; path: Path; via: string }[] = [];
  if (Array.isArray(step.needs))
    step.needs.forEach((id, i) => {
      if (typeof id === 'string') out.push({ id, path: [...path, 'needs', i], via: 'needs' });
    });
  if (typeof step.validate === 'string')
    out.push({ id: step.validate, path: [...path, 'validate'], via: 'validate' });
  if (typeof step.vote === 'string') out.push({ id: step.vote, path: [...path, 'vote'], via: 'vote' });
  if (Array.isArray(step.vote))
    step.vote.forEach((id, i) => {
      if (typeof id === 'string') out.push({ id, path: [...path, 'vote', i], via: 'vote' });
    });
  return out;
}
