import { isMap, isSeq, parseDocument } from 'yaml';

/**
 * Appends a `use:` step for a saved skill to a pipeline, with one input line per input the skill
 * declares (`input.<name>` as a first guess). The document is edited as YAML, so comments and the
 * learner's other steps stay as they were. Returns null when the pipeline has no `steps` list.
 */
export function appendUseStep(pipeline: string, skill: { name: string; source: string }): string | null {
  const doc = parseDocument(pipeline);
  const steps = doc.get('steps');
  if (!isSeq(steps)) return null;
  const declared = parseDocument(skill.source).get('inputs');
  const inputs = isMap(declared)
    ? declared.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key))
    : [];
  const taken = new Set(steps.items.map((step) => (isMap(step) ? String(step.get('id') ?? '') : '')));
  const base = skill.name.replace(/-/g, '_');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  const step: Record<string, unknown> = { id, use: skill.name };
  if (inputs.length > 0) step.inputs = Object.fromEntries(inputs.map((name) => [name, `input.${name}`]));
  steps.items.push(doc.createNode(step));
  return doc.toString();
}
