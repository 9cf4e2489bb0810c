import type { Issue, Pipeline } from '@reps/shared';
import type { SkillResolver } from '../dsl/check-steps.js';
import { type Path, SourceMap } from '../dsl/source-map.js';
import { isObject, nestedBlocks } from '../dsl/step-parts.js';
import type { ModelGateway } from '../models/types.js';

/**
 * Graded results compare cost, so every model a graded pipeline calls needs a known price: a real
 * model Reps has no price for would cost $0 and win on cost. One issue per llm step (or `use:` step
 * whose skill calls one) naming such a model, with its line and column.
 */
export function unpricedModelIssues(
  source: string,
  pipeline: Pipeline,
  gateway: ModelGateway,
  skills?: SkillResolver,
): Issue[] {
  const unpriced = (model: string) => {
    const info = gateway.describe(model) as { simulated?: boolean; priceKnown?: boolean } | undefined;
    return info !== undefined && !info.simulated && info.priceKnown === false;
  };
  const found: { path: Path; message: string }[] = [];
  walkSteps(pipeline.steps, ['steps'], (step, path) => {
    const model = llmModel(step);
    if (model !== undefined && unpriced(model))
      found.push({ path: [...path, 'llm', 'model'], message: unpricedMessage(model) });
    const skill = typeof step.use === 'string' ? skills?.(step.use) : undefined;
    if (!skill) return;
    const models = new Set<string>();
    walkSteps(skill.steps, [], (inner) => {
      const innerModel = llmModel(inner);
      if (innerModel !== undefined && unpriced(innerModel)) models.add(innerModel);
    });
    for (const inner of models)
      found.push({ path: [...path, 'use'], message: `skill "${step.use}": ${unpricedMessage(inner)}` });
  });
  if (found.length === 0) return [];
  const map = new SourceMap(source);
  return found.map(({ path, message }) => ({
    code: 'invalid_pipeline',
    message,
    path: path.join('.'),
    ...map.valueAt(path),
  }));
}

function unpricedMessage(model: string): string {
  return `model "${model}" has no known price, so its cost cannot be counted: graded submissions use models with a listed price (practice runs may still call it)`;
}

function llmModel(step: Record<string, unknown>): string | undefined {
  return isObject(step.llm) && typeof step.llm.model === 'string' ? step.llm.model : undefined;
}

/** Every step of a block and of the blocks nested in it (map, branch, loop), with its path. */
function walkSteps(
  steps: readonly unknown[],
  path: Path,
  visit: (step: Record<string, unknown>, path: Path) => void,
  single = false,
): void {
  steps.forEach((step, i) => {
    if (!isObject(step)) return;
    const at = single ? path : [...path, i];
    visit(step, at);
    for (const block of nestedBlocks(step, at)) walkSteps(block.steps, block.path, visit, block.single);
  });
}
