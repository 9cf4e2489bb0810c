import type { ChallengeDetail } from '@reps/shared';

/**
 * A first pipeline for a challenge: one call to the cheapest allowed model asking for the output
 * schema, within the challenge's caps. It runs, and leaves the orchestration to the learner.
 */
export function starterPipeline(challenge: ChallengeDetail): string {
  const cheapest = [...challenge.models].sort(
    (a, b) => a.input_price_per_m + a.output_price_per_m - (b.input_price_per_m + b.output_price_per_m),
  )[0];
  const { budget } = challenge;
  const caps = [
    `max_calls: ${budget.max_calls}`,
    `max_cost_usd: ${budget.max_cost_usd}`,
    `max_ms: ${budget.max_ms}`,
  ].join(', ');
  const fields = Object.keys((challenge.input_schema.properties ?? {}) as Record<string, unknown>);
  const inputLines = fields.length
    ? fields.map((f) => `        ${f}: {{ input.${f} }}`).join('\n')
    : '        {{ input }}';
  const schema = JSON.stringify(challenge.output_schema);
  return `# Starter pipeline for ${challenge.title}: one model call, no orchestration yet.
# Run it on the examples (Ctrl/Cmd-Enter), read the trace, then decompose, validate, vote…
name: ${challenge.slug}-starter
budget: { ${caps} }
steps:
  - id: answer
    llm:
      model: ${cheapest?.id ?? 'sim-mini'}
      prompt: |
        ${challenge.summary}
${inputLines}
      output:
        json: ${schema}
  - id: result
    output: answer
`;
}

/**
 * Where a learner starts: the challenge's own baseline (the naive one-prompt pipeline its
 * calibration proves insufficient) when it publishes one, else a generated one-call starter.
 */
export function startingPipeline(challenge: ChallengeDetail): string {
  if (!challenge.baseline_pipeline) return starterPipeline(challenge);
  return `# The baseline of ${challenge.title}: one naive prompt, which scores below 50 on the hidden cases.
# Run it on the examples (Ctrl/Cmd-Enter), read the trace, then decompose, validate, vote…
${challenge.baseline_pipeline.replace(/^\s+/, '')}`;
}
