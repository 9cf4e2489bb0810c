import type { Path } from './source-map.js';

/**
 * Reads the parts of a step that matter for checking and scheduling, from data that may not have
 * passed the schema yet (so a file with a schema error still gets its other problems reported).
 * No runtime imports: the web's pipeline graph bundles this through `@reps/engine/dependency-graph`,
 * and a value from `@reps/shared` would drag zod and every schema along.
 */

export type SnippetKind = 'expression' | 'body' | 'template';

export interface Snippet {
  kind: SnippetKind;
  text: string;
  /** Path of the string in the document. */
  path: Path;
}

export interface NestedBlock {
  path: Path;
  steps: unknown[];
  /** True for map's single `step:`, whose step needs no id. */
  single: boolean;
}

type Raw = Record<string, unknown>;

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The step's own expressions, code and templates; nested steps' are not included. */
export function snippetsOf(step: unknown, path: Path): Snippet[] {
  if (!isObject(step)) return [];
  const out: Snippet[] = [];
  const add = (kind: SnippetKind, value: unknown, at: Path) => {
    if (typeof value === 'string') out.push({ kind, text: value, path: [...path, ...at] });
  };
  const llm = step.llm;
  if (isObject(llm)) {
    add('template', llm.system, ['llm', 'system']);
    add('template', llm.prompt, ['llm', 'prompt']);
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

export function nestedBlocks(step: unknown, path: Path): NestedBlock[] {
  if (!isObject(step)) return [];
  const out: NestedBlock[] = [];
  if ('map' in step) {
    if (step.step !== undefined) out.push({ path: [...path, 'step'], steps: [step.step], single: true });
    if (Array.isArray(step.steps)) out.push({ path: [...path, 'steps'], steps: step.steps, single: false });
  }
  const branch = step.branch;
  if (isObject(branch)) {
    if (Array.isArray(branch.cases)) {
      branch.cases.forEach((c, i) => {
        if (isObject(c) && Array.isArray(c.steps))
          out.push({ path: [...path, 'branch', 'cases', i, 'steps'], steps: c.steps, single: false });
      });
    }
    if (Array.isArray(branch.default))
      out.push({ path: [...path, 'branch', 'default'], steps: branch.default, single: false });
  }
  if (isObject(step.loop) && Array.isArray(step.loop.steps))
    out.push({ path: [...path, 'loop', 'steps'], steps: step.loop.steps, single: false });
  return out;
}

/** Paths (relative to the step) under which nested steps live; the schema check of a step skips them. */
export function isInsideNestedStep(relative: Path): boolean {
  const [a, b, c, d, e] = relative;
  if (a === 'step') return true;
  if (a === 'steps' && typeof b === 'number') return true;
  if (a === 'branch' && b === 'cases' && typeof c === 'number' && d === 'steps' && typeof e === 'number')
    return true;
  if (a === 'branch' && b === 'default' && typeof c === 'number') return true;
  return a === 'loop' && b === 'steps' && typeof c === 'number';
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
