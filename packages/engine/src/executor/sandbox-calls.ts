import { parseTemplate, type TemplatePart } from '../dsl/template.js';
import type { CaseSandbox } from '../sandbox/case-sandbox.js';
import { TextMemo } from '../sandbox/text-memo.js';
import { StepFailure, toStepFailure } from './step-failure.js';

/** Evaluates an expression in the sandbox; failures become step failures with the snippet named. */
export async function evaluate(
  sandbox: CaseSandbox,
  expression: string,
  values: Record<string, unknown>,
  what: string,
): Promise<unknown> {
  try {
    return await sandbox.evaluate(expression, values);
  } catch (error) {
    const failure = toStepFailure(error);
    throw new StepFailure(failure.code, `${what}: ${failure.message}`);
  }
}

/** Runs a code body; the result (null for undefined) and the interrupt polls it took. */
export async function runCode(
  sandbox: CaseSandbox,
  body: string,
  values: Record<string, unknown>,
): Promise<{ value: unknown; polls: number }> {
  try {
    const { value, polls } = await sandbox.run(body, values);
    return { value: value ?? null, polls };
  } catch (error) {
    throw toStepFailure(error);
  }
}

const templates = new TextMemo<TemplatePart[]>();

/** Renders `{{ expr }}` parts: strings as they are, other values as JSON, null/undefined as ''. */
export async function renderTemplate(
  sandbox: CaseSandbox,
  template: string,
  values: Record<string, unknown>,
): Promise<string> {
  let parts = templates.get(template);
  if (!parts) {
    const parsed = parseTemplate(template);
    if (!parsed.ok) throw new StepFailure('code_error', `bad template: ${parsed.problem.message}`);
    parts = parsed.parts;
    templates.set(template, parts);
  }
  let text = '';
  for (const part of parts) {
    text +=
      'text' in part
        ? part.text
        : toText(await evaluate(sandbox, part.expression, values, `{{${part.expression}}}`));
  }
  return text;
}

export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
