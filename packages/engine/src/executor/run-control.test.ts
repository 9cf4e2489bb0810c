import { grade } from '../grade/grade.js';
import { redact } from '../trace/redact.js';
import { pipeline } from './pipeline-fixture.js';
import { runPipeline } from './run-pipeline.js';
import { TestGateway } from './test-gateway.js';

const llm = (extra = '') => `    llm: { model: test-a, prompt: "q {{ input }}"${extra} }\n`;
const one = (budget: string, stepExtra = '', llmExtra = '') =>
  pipeline(`name: t\nbudget: ${budget}\nsteps:\n  - id: a\n${llm(llmExtra)}${stepExtra}`);

describe('budgets', () => {
  it('max_calls stops the case before the call that would exceed it', async () => {
    const p = pipeline(
      'name: t\nbudget: { max_calls: 2 }\nsteps:\n  - id: a\n    llm: { model: test-a, prompt: x, samples: 3, temperature: 1 }\n',
    );
    const gateway = new TestGateway(() => ({ text: 'ok' }));
    const run = await runPipeline(p, { input: 1, gateway });
    expect(run.status).toBe('budget_exceeded');
    expect(gateway.requests).toHaveLength(2);
    expect(run.output).toBeNull();
  });

  it('max_tokens and max_cost_usd stop the case when a call passes them', async () => {
    const gateway = new TestGateway(() => ({
      text: 'ok',
      input_tokens: 60,
      output_tokens: 60,
      cost_usd: 0.2,
    }));
    expect((await runPipeline(one('{ max_tokens: 100 }'), { input: 1, gateway })).status).toBe(
      'budget_exceeded',
    );
    expect((await runPipeline(one('{ max_cost_usd: 0.1 }'), { input: 1, gateway })).status).toBe(
      'budget_exceeded',
    );
    expect(
      (await runPipeline(one('{ max_cost_usd: 0.5, max_tokens: 500 }'), { input: 1, gateway })).status,
    ).toBe('ok');
  });

  it('max_ms stops the case at that virtual time; on_error cannot absorb it', async () => {
    const gateway = new TestGateway(() => ({ text: 'ok', latency_ms: 5000 }));
    const run = await runPipeline(one('{ max_ms: 1000 }', '    on_error: skip\n'), { input: 1, gateway });
    expect(run.status).toBe('budget_exceeded');
    expect(run.latency_ms).toBe(1000);
  });
});

describe('retries, timeouts and errors', () => {
  it('retries the listed codes with exponential virtual backoff and feedback', async () => {
    const gateway = new TestGateway((_r, _p, i) =>
      i < 2 ? { error: 'model_error', latency_ms: 10 } : { text: 'fine', latency_ms: 10 },
    );
    const run = await runPipeline(
      one('{}', '    retry: { attempts: 3, on: [model_error], backoff_ms: 100, feedback: true }\n'),
      { input: 1, gateway },
    );
    expect(run.output).toBe('fine');
    // 10 + 100 + 10 + 200 + 10
    expect(run.latency_ms).toBe(330);
    expect(gateway.requests[2]!.messages[0]!.content).toMatch(
      /q 1\n\nYour previous answer was rejected \(model_error\)/,
    );
    expect(run.trace.steps[0]!.calls!.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('does not retry codes outside retry.on', async () => {
    const gateway = new TestGateway(() => ({ error: 'context_length_exceeded' }));
    const run = await runPipeline(one('{}', '    retry: { attempts: 3, on: [model_error] }\n'), {
      input: 1,
      gateway,
    });
    expect(run.status).toBe('context_length_exceeded');
    expect(gateway.requests).toHaveLength(1);
  });

  it('a rate limit waits at least retry-after', async () => {
    const gateway = new TestGateway((_r, _p, i) =>
      i === 0 ? { error: 'rate_limited', retryAfterMs: 700, latency_ms: 0 } : { text: 'ok', latency_ms: 0 },
    );
    const run = await runPipeline(one('{}', '    retry: { attempts: 2 }\n'), { input: 1, gateway });
    expect(run.latency_ms).toBe(700);
  });

  it('timeout_ms fails a slow call with timeout in virtual time', async () => {
    const gateway = new TestGateway(() => ({ text: 'late', latency_ms: 3000 }));
    const run = await runPipeline(one('{}', '    timeout_ms: 500\n'), { input: 1, gateway });
    expect(run.status).toBe('timeout');
    expect(run.latency_ms).toBe(500);
  });

  it('timeout_ms covers a whole non-llm step such as a map', async () => {
    const p = pipeline(
      'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1,2,3]"\n    concurrency: 1\n    timeout_ms: 250\n    step:\n      llm: { model: test-a, prompt: "{{ item }}" }\n',
    );
    const run = await runPipeline(p, {
      input: 1,
      gateway: new TestGateway(() => ({ text: 'x', latency_ms: 100 })),
    });
    expect(run.status).toBe('timeout');
    expect(run.latency_ms).toBe(250);
  });

  it('on_error skip gives null and default gives the value', async () => {
    const gateway = new TestGateway(() => ({ error: 'model_error' }));
    const skip = await runPipeline(one('{}', '    on_error: skip\n'), { input: 1, gateway });
    expect([skip.status, skip.output, skip.trace.steps[0]!.status]).toEqual(['ok', null, 'skipped']);
    const def = await runPipeline(one('{}', '    on_error: \'default("n/a")\'\n'), { input: 1, gateway });
    expect(def.output).toBe('n/a');
  });

  it('code errors and sandbox limits become code_error and sandbox_limit', async () => {
    const gateway = new TestGateway(() => ({ text: '' }));
    const thrown = pipeline("name: t\nbudget: {}\nsteps:\n  - id: a\n    code: throw new Error('boom')\n");
    const run = await runPipeline(thrown, { input: 1, gateway });
    expect([run.status, run.error!.step]).toEqual(['code_error', 'a']);
    expect(run.error!.message).toMatch(/boom/);
    const loop = pipeline('name: t\nbudget: {}\nsteps:\n  - id: a\n    code: while (true) {}\n');
    expect((await runPipeline(loop, { input: 1, gateway })).status).toBe('sandbox_limit');
  });

  it('a failing step cancels its running siblings and fails the case', async () => {
    const p = pipeline(
      "name: t\nbudget: {}\nsteps:\n  - id: slow\n    llm: { model: test-a, prompt: slow }\n  - id: bad\n    code: throw new Error('x')\n",
    );
    const run = await runPipeline(p, {
      input: 1,
      gateway: new TestGateway(() => ({ text: 'x', latency_ms: 1000 })),
    });
    expect(run.status).toBe('code_error');
    expect(run.latency_ms).toBe(0);
  });

  it("aborts the provider's signal of a call still in flight when its scope is cancelled", async () => {
    const p = pipeline(
      "name: t\nbudget: {}\nsteps:\n  - id: slow\n    llm: { model: test-a, prompt: slow, samples: 3, temperature: 1 }\n  - id: bad\n    code: throw new Error('x')\n",
    );
    const gateway = new TestGateway(
      () => ({ text: 'x', latency_ms: 1000 }),
      () => 20,
    );
    const run = await runPipeline(p, { input: 1, gateway });
    expect(run.status).toBe('code_error');
    expect(gateway.requests).toHaveLength(3);
    expect(gateway.requests.map((r) => r.signal?.aborted)).toEqual([true, true, true]);
    // A case that ends normally aborts nothing.
    const fine = new TestGateway(() => ({ text: 'x', latency_ms: 10 }));
    const ok = await runPipeline(one('{}'), { input: 1, gateway: fine });
    expect(ok.status).toBe('ok');
    expect(fine.requests[0]?.signal?.aborted).toBe(false);
  });
});

describe('virtual time and determinism', () => {
  const diamond = pipeline(`
name: t
budget: {}
steps:
  - id: a
    llm: { model: test-a, prompt: "a {{ input }}" }
  - id: b
    llm: { model: test-a, prompt: "b {{ a }}" }
  - id: c
    llm: { model: test-a, prompt: "c {{ a }}" }
  - id: d
    output: "[b, c]"
`);
  const latencies: Record<string, number> = { a: 100, b: 300, c: 50 };
  const script = (_r: unknown, prompt: string) => ({
    text: prompt.slice(0, 12),
    latency_ms: latencies[prompt[0]!]!,
  });

  it('parallel steps overlap: latency is the critical path', async () => {
    const run = await runPipeline(diamond, { input: 'x', gateway: new TestGateway(script) });
    expect(run.latency_ms).toBe(400);
    const [a, b, c] = run.trace.steps;
    expect([a!.start_ms, a!.end_ms, b!.start_ms, b!.end_ms, c!.start_ms, c!.end_ms]).toEqual([
      0, 100, 100, 400, 100, 150,
    ]);
  });

  it('the global concurrency limit serialises calls in virtual time', async () => {
    const run = await runPipeline(diamond, { input: 'x', gateway: new TestGateway(script), concurrency: 1 });
    expect(run.latency_ms).toBe(450);
  });

  it('gives the same trace whatever order real responses arrive in', async () => {
    const fast = await runPipeline(diamond, { input: 'x', gateway: new TestGateway(script) });
    const jittery = await runPipeline(diamond, {
      input: 'x',
      gateway: new TestGateway(script, (r) => (r.messages[0]!.content.startsWith('b') ? 30 : 1)),
    });
    expect(jittery).toEqual(fast);
  });

  it('redact keeps aggregates and error codes only', async () => {
    const run = await runPipeline(diamond, { input: 'secret input', gateway: new TestGateway(script) });
    const shown = JSON.stringify(redact(run.trace));
    expect(shown).not.toMatch(/secret/);
    expect(redact(run.trace)).toMatchObject({ status: 'ok', latency_ms: 400, usage: { calls: 3 } });
  });
});

describe('grade', () => {
  const p = pipeline(
    'name: t\nbudget: { max_calls: 1 }\nsteps:\n  - id: a\n    llm: { model: test-a, prompt: "{{ input }}", samples: 1 }\n',
  );
  const cases = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`,
    input: i,
    expected: String(i % 3 === 0 ? i : -1),
  }));
  const gateway = () =>
    new TestGateway(
      (_r, prompt) =>
        prompt === '7'
          ? { error: 'model_error' }
          : { text: prompt, latency_ms: 100 + Number(prompt) * 10, cost_usd: 0.001 * (Number(prompt) + 1) },
      () => Math.random() * 3,
    );
  const score = (output: unknown, expected: unknown, testCase: { id: string }) => {
    // c10's grader is broken whatever it is given; c11's output breaks a scorer that works on its expected.
    if (testCase.id === 'c10') throw new Error('grader broke');
    if (output === '11') throw new Error('scorer broke');
    return { score: output === expected ? 1 : 0, reason: output === expected ? 'match' : 'differs' };
  };

  it('aggregates correctness, cost, latency percentiles, statuses and failures', async () => {
    const result = await grade({ pipeline: p, cases, score, gateway: gateway(), caseConcurrency: 3 });
    // c0, c3, c6, c9 match; c7 failed (0); c11 invalid_output (0); c10 grader_error (excluded): 4 of 11.
    expect(result.correctness).toBe(36.36);
    expect(result.statuses).toEqual({ ok: 9, model_error: 1, invalid_output: 1, grader_error: 1 });
    expect(result.failures).toEqual({ model_error: 1, invalid_output: 1, grader_error: 1 });
    expect(result.grader_errors).toBe(1);
    expect(result.latency_ms.p50).toBe(140);
    expect(result.calls).toBe(12);
    expect(result.cases[10]).toMatchObject({ id: 'c10', status: 'grader_error', score: null });
    expect(result.cases[11]).toMatchObject({ id: 'c11', status: 'invalid_output', score: 0 });
  });

  it('is identical to the last digit whatever the case concurrency', async () => {
    const progress: number[] = [];
    const serial = await grade({
      pipeline: p,
      cases,
      score,
      gateway: gateway(),
      caseConcurrency: 1,
      onProgress: (d) => progress.push(d),
    });
    const parallel = await grade({ pipeline: p, cases, score, gateway: gateway(), caseConcurrency: 8 });
    expect(parallel).toEqual(serial);
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
