import type { Issue, Pipeline } from '@reps/shared';
import type { SkillResolver } from '../dsl/check-steps.js';
import { type Path, SourceMap } from '../dsl/source-map.js';
import { isObject, nestedBlocks } from '../dsl/step-parts.js';
import type { ModelGateway } from '../models/types.js';

/**
 * Graded results compare cost, so every model a graded pipeline calls needs a known price: a real
 * model Reps has no price for would cost $0 and win on cost. One issue per llm or agent step (or
 * `use:` step or tool whose skill calls one) naming such a model, with its line and column.
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
    const called = modelOf(step);
    if (called && unpriced(called.model))
      found.push({ path: [...path, called.kind, 'model'], message: unpricedMessage(called.model) });
    for (const use of skillsUsed(step, path)) {
      const skill = skills?.(use.name);
      if (!skill) continue;
      const models = new Set<string>();
      walkSteps(skill.steps, [], (inner) => {
        const innerModel = modelOf(inner)?.model;
        if (innerModel !== undefined && unpriced(innerModel)) models.add(innerModel);
      });
      for (const inner of models)
        found.push({ path: use.path, message: `skill "${use.name}": ${unpricedMessage(inner)}` });
    }
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

/**
 * Whether every model a grading calls is simulated: the pipeline's llm and agent steps, those of
 * the skills it uses, and an llm_judge scorer's judge. Such a grading's cases are CPU work alone
 * (no call waits on a network), which decides how many a grading thread should run at once.
 */
export function callsOnlySimulatedModels(
  pipeline: Pipeline,
  gateway: ModelGateway,
  skills?: SkillResolver,
  scoring?: { scorer: string; params: Record<string, unknown> },
): boolean {
  const simulated = (model: string) =>
    (gateway.describe(model) as { simulated?: boolean } | undefined)?.simulated === true;
  let only = true;
  const visit = (step: Record<string, unknown>) => {
    const called = modelOf(step);
    if (called && !simulated(called.model)) only = false;
  };
  walkSteps(pipeline.steps, ['steps'], (step, path) => {
    visit(step);
    for (const use of skillsUsed(step, path)) {
      const skill = skills?.(use.name);
      if (skill) walkSteps(skill.steps, [], visit);
      else only = false;
    }
  });
  const judge = scoring?.params.model;
  if (scoring?.scorer === 'llm_judge' && (typeof judge !== 'string' || !simulated(judge))) only = false;
  return only;
}

function unpricedMessage(model: string): string {
  return `model "${model}" has no known price, so its cost cannot be counted: graded submissions use models with a listed price (practice runs may still call it)`;
}

/** The model an llm or agent step calls. */
function modelOf(step: Record<string, unknown>): { kind: 'llm' | 'agent'; model: string } | undefined {
  for (const kind of ['llm', 'agent'] as const) {
    const spec = step[kind];
    if (isObject(spec) && typeof spec.model === 'string') return { kind, model: spec.model };
  }
  return undefined;
}

/** The skills a step runs: a `use:` step's, and an agent's `use` tools'. */
function skillsUsed(step: Record<string, unknown>, path: Path): { name: string; path: Path }[] {
  const used: { name: string; path: Path }[] = [];
  if (typeof step.use === 'string') used.push({ name: step.use, path: [...path, 'use'] });
  const tools = isObject(step.agent) && Array.isArray(step.agent.tools) ? step.agent.tools : [];
  tools.forEach((tool, i) => {
    if (isObject(tool) && typeof tool.use === 'string')
      used.push({ name: tool.use, path: [...path, 'agent', 'tools', i, 'use'] });
  });
  return used;
}

/** Every step of a block and of the blocks nested in it (map, branch, loop, agent tools), with its path. */
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
