import type { Pipeline } from '@reps/shared';
import { pipelineSchemas } from '../schema/pipeline-schemas.js';
import { pipeline } from './pipeline-fixture.js';
import { runPipeline } from './run-pipeline.js';
import { TestGateway } from './test-gateway.js';

// A backtracking engine would take hours on these answers; RE2 answers at once.
const ATTACK = `${'a'.repeat(50_000)}!`;
const answering = (code: string) => new TestGateway(() => ({ json: { code } }));
const echo = new TestGateway((_r, prompt) => ({ text: prompt }));

const llmWithPattern = `
name: t
budget: {}
steps:
  - id: ask
    llm:
      model: test-a
      prompt: give a code
      output: { json: { type: object, required: [code], properties: { code: { type: string, pattern: "^(a+)+$" } } } }
`;

describe('step JSON Schemas at run time', () => {
  it('llm: output.json with a pattern rejects an evil answer (invalid_output) and accepts a good one', async () => {
    const p = pipeline(llmWithPattern);
    const bad = await runPipeline(p, { input: null, gateway: answering(ATTACK) });
    expect(bad.status).toBe('invalid_output');
    expect(bad.error!.message).toContain('answer/code must match pattern "^(a+)+$"');
    const good = await runPipeline(p, { input: null, gateway: answering('aaaa') });
    expect(good.status).toBe('ok');
    expect(good.output).toEqual({ code: 'aaaa' });
  });

  it('validate: a schema with a pattern checks the value', async () => {
    const yaml = (text: string) => `
name: t
budget: {}
steps:
  - id: a
    code: return ${JSON.stringify(text)}
  - id: v
    validate: a
    schema: { type: string, pattern: "(a|aa)+$" }
`;
    const bad = await runPipeline(pipeline(yaml(ATTACK)), { input: null, gateway: echo });
    expect(bad.status).toBe('invalid_output');
    expect(bad.error!.message).toContain('value must match pattern "(a|aa)+$"');
    const good = await runPipeline(pipeline(yaml('baa')), { input: null, gateway: echo });
    expect(good.output).toBe('baa');
  });

  it('two pipelines with the same $id both parse and run, each with its own schema', async () => {
    const yaml = (type: string) => `
name: t
budget: {}
steps:
  - id: a
    code: "return { n: 1 }"
  - id: v
    validate: a
    schema: { $id: "https://example.com/answer", type: object, properties: { n: { type: ${type} } } }
`;
    const asNumber = await runPipeline(pipeline(yaml('number')), { input: null, gateway: echo });
    const asString = await runPipeline(pipeline(yaml('string')), { input: null, gateway: echo });
    expect(asNumber.status).toBe('ok');
    expect(asString.status).toBe('invalid_output');
    expect(asString.error!.message).toContain('value/n must be string');
  });

  it("compiles a pipeline's schemas once for all its runs, apart from any other pipeline's", async () => {
    const p = pipeline(llmWithPattern);
    const twin = pipeline(llmWithPattern);
    await runPipeline(p, { input: null, gateway: answering('a') });
    await runPipeline(p, { input: null, gateway: answering('aa') });
    const schema = (p.steps[0] as { llm: { output: { json: unknown } } }).llm.output.json;
    const compiled = pipelineSchemas(p).compile(structuredClone(schema));
    const again = pipelineSchemas(p).compile(schema);
    const other = pipelineSchemas(twin).compile(schema);
    if (!compiled.ok || !again.ok || !other.ok) throw new Error('expected the schema to compile');
    expect(again.validate).toBe(compiled.validate);
    expect(other.validate).not.toBe(compiled.validate);
  });

  it('a pipeline that was never parsed with a schema RE2 cannot run stops with invalid_pipeline', async () => {
    const p = pipeline(llmWithPattern);
    const unchecked = structuredClone(p) as Pipeline;
    (unchecked.steps[0] as { llm: { output: unknown } }).llm.output = {
      json: { type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)' } } },
    };
    const run = await runPipeline(unchecked, { input: null, gateway: answering('a') });
    expect(run.status).toBe('invalid_pipeline');
    expect(run.error!.message).toContain('lookahead is not supported');
  });
});
