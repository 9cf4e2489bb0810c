import { parsePipeline } from '../dsl/parse-pipeline.js';
import { createEchoProvider } from '../models/echo-provider.js';
import { createGateway } from '../models/gateway.js';
import { runPipeline } from './run-pipeline.js';

describe('a step that never runs', () => {
  it('is traced as not_run, not as ok', async () => {
    const parsed = parsePipeline(`name: t
budget: {}
steps:
  - id: a
    code: throw new Error('boom')
  - id: b
    output: a
`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const run = await runPipeline(parsed.pipeline, {
      input: {},
      gateway: createGateway([createEchoProvider()]),
    });
    expect(run.status).toBe('code_error');
    expect(run.trace.steps.map((s) => [s.id, s.status])).toEqual([
      ['a', 'failed'],
      ['b', 'not_run'],
    ]);
  });
});
