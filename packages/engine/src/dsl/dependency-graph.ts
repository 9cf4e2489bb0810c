import { namesInSnippet } from './names-in-snippet.js';
import { explicitTargets, isObject, nestedBlocks, snippetsOf } from './step-parts.js';

/** The steps of one block (the pipeline's steps, a map's inner steps, a branch case, a loop body). */
export interface BlockGraph {
  /** deps[i]: indices of the steps in the same block that step i waits for. */
  deps: number[][];
  /** A stable topological order (file order among ready steps); absent when there is a cycle. */
  order?: number[];
  /** The indices forming a cycle, in dependency order, when there is one. */
  cycle?: number[];
}

/**
 * Every name a step depends on: `needs`, validate and vote targets, and names used in its own and
 * its nested steps' expressions, code and templates. Names that are not step ids are harmless here.
 */
export function referencedNames(step: unknown): Set<string> {
  const names = new Set<string>();
  for (const target of explicitTargets(step, [])) names.add(target.id);
  for (const snippet of snippetsOf(step, [])) for (const use of namesInSnippet(snippet)) names.add(use.name);
  for (const block of nestedBlocks(step, []))
    for (const inner of block.steps) for (const n of referencedNames(inner)) names.add(n);
  return names;
}

export function stepIdOf(step: unknown): string | undefined {
  return isObject(step) && typeof step.id === 'string' ? step.id : undefined;
}

export function blockGraph(steps: readonly unknown[]): BlockGraph {
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    const id = stepIdOf(step);
    if (id !== undefined && !index.has(id)) index.set(id, i);
  });
  const deps = steps.map((step) => {
    const found = new Set<number>();
    for (const name of referencedNames(step)) {
      const at = index.get(name);
      if (at !== undefined) found.add(at);
    }
    return [...found].sort((a, b) => a - b);
  });
  const cycle = findCycle(deps);
  return cycle ? { deps, cycle } : { deps, order: topologicalOrder(deps) };
}

function topologicalOrder(deps: number[][]): number[] {
  const done = new Set<number>();
  const order: number[] = [];
  while (order.length < deps.length) {
    const next = deps.findIndex((d, i) => !done.has(i) && d.every((j) => done.has(j)));
    if (next < 0) break;
    done.add(next);
    order.push(next);
  }
  return order;
}

/** Depth-first search; returns the first cycle met in file order (a self-reference is a cycle of one). */
function findCycle(deps: number[][]): number[] | undefined {
  const state = new Array<0 | 1 | 2>(deps.length).fill(0);
  const stack: number[] = [];
  const visit = (i: number): number[] | undefined => {
    state[i] = 1;
    stack.push(i);
    for (const j of deps[i]!) {
      if (state[j] === 1) return stack.slice(stack.indexOf(j));
      if (state[j] === 0) {
        const found = visit(j);
        if (found) return found;
      }
    }
    stack.pop();
    state[i] = 2;
    return undefined;
  };
  for (let i = 0; i < deps.length; i++) {
    if (state[i] === 0) {
      const found = visit(i);
      if (found) return found;
    }
  }
  return undefined;
}
