import { parseTemplate, type TemplatePart } from '../dsl/template.js';
import type { Sandbox } from '../sandbox/types.js';
import { StepFailure, toStepFailure } from './step-failure.js';

/** Evaluates an expression in the sandbox; failures become step failures with the snippet named. */
export function evaluate(
  sandbox: Sandbox,
  expression: string,
  values: Record<string, unknown>,
  what: string,
): unknown {
  try {
    return sandbox.evaluate(expression, values);
  } catch (error) {
    const failure = toStepFailure(error);
    throw new StepFailure(failure.code, `${what}: ${failure.message}`);
  }
}

export function runCode(sandbox: Sandbox, body: string, values: Record<string, unknown>): unknown {
  try {
    return sandbox.run(body, values) ?? null;
  } catch (error) {
    throw toStepFailure(error);
  }
}

const templates = new Map<string, TemplatePart[]>();

/** Renders `{{ expr }}` parts: strings as they are, other values as JSON, null/undefined as ''. */
export function renderTemplate(sandbox: Sandbox, template: string, values: Record<string, unknown>): string {
  let parts = templates.get(template);
  if (!parts) {
    const parsed = parseTemplate(template);
    if (!parsed.ok) throw new StepFailure('code_error', `bad template: ${parsed.problem.message}`);
    parts = parsed.parts;
    if (templates.size > 5000) templates.clear();
    templates.set(template, parts);
  }
  return parts
    .map((part) =>
      'text' in part
        ? part.text
        : toText(evaluate(sandbox, part.expression, values, `{{${part.expression}}}`)),
    )
    .join('');
}

export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
