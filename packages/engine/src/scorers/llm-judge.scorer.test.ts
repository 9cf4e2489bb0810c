import { RepsError } from '@reps/shared';
import { type CompletionRequest, ModelError, type ModelGateway } from '../models/types.js';
import { GraderError } from './grader-error.js';
import { build, scoreWith } from './scorer-test-kit.js';

/** A gateway that answers with the scripted texts in turn and records what it was asked. */
function scriptedGateway(...replies: (string | Error)[]): ModelGateway & { requests: CompletionRequest[] } {
  const requests: CompletionRequest[] = [];
  return {
    requests,
    describe: () => undefined,
    list: () => [],
    complete: async (request) => {
      requests.push(request);
      const reply = replies.shift() ?? '';
      if (reply instanceof Error) throw reply;
      let json: unknown;
      try {
        json = JSON.parse(reply);
      } catch {
        json = undefined;
      }
      return {
        text: reply,
        json,
        usage: { input_tokens: 1, output_tokens: 1 },
        cost_usd: 0,
        latency_ms: 1,
        model: request.model,
      };
    },
  };
}

const params = { model: 'sim-pro', rubric: 'Full marks when the summary names the parties and the term.' };

describe('llm_judge scorer', () => {
  it('asks the judge with rubric, input, expected and output, and scales a 0..10 verdict', async () => {
    const gateway = scriptedGateway('{"score": 7, "reason": "Names the parties, misses the term."}');
    const result = await scoreWith('llm_judge', params, 'Acme and Beta agree.', 'Acme and Beta, 2 years.', {
      gateway,
    });
    expect(result).toEqual({ score: 0.7, reason: 'Judge: Names the parties, misses the term.' });
    const [request] = gateway.requests;
    expect(request).toMatchObject({ model: 'sim-pro', temperature: 0, output: { kind: 'json' } });
    const prompt = request!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(params.rubric);
    expect(prompt).toContain('"the input"');
    expect(prompt).toContain('Acme and Beta, 2 years.');
    expect(prompt).toContain('Acme and Beta agree.');
  });

  it('reads a 0..1 verdict when the scale is 1', async () => {
    const gateway = scriptedGateway('{"score": 0.25, "reason": "weak"}');
    expect((await scoreWith('llm_judge', { ...params, scale: 1 }, 'x', 'y', { gateway })).score).toBe(0.25);
  });

  it('finds the verdict in prose around the JSON', async () => {
    const gateway = scriptedGateway(
      'Here is my verdict: {"score": 10, "reason": "perfect"} Hope that helps.',
    );
    expect((await scoreWith('llm_judge', params, 'x', 'y', { gateway })).score).toBe(1);
  });

  it('raises grader_error, not a zero, for an unparseable verdict', async () => {
    const gateway = scriptedGateway('I think it is pretty good overall.');
    const error = await scoreWith('llm_judge', params, 'x', 'y', { gateway }).catch((e) => e);
    expect(error).toBeInstanceOf(GraderError);
    expect(error.code).toBe('grader_error');
    expect(error.message).toMatch(/not JSON \{score, reason\}/);
  });

  it('raises grader_error for a score off the scale or not a number', async () => {
    await expect(
      scoreWith('llm_judge', params, 'x', 'y', { gateway: scriptedGateway('{"score": 11, "reason": "r"}') }),
    ).rejects.toThrow(/not a number from 0 to 10/);
    await expect(
      scoreWith('llm_judge', params, 'x', 'y', { gateway: scriptedGateway('{"score": "high"}') }),
    ).rejects.toBeInstanceOf(GraderError);
  });

  it('raises grader_error when the judge model fails', async () => {
    const gateway = scriptedGateway(new ModelError('rate_limited', 'slow down'));
    await expect(scoreWith('llm_judge', params, 'x', 'y', { gateway })).rejects.toThrow(
      /judge model sim-pro failed: slow down/,
    );
  });

  it('scores a missing output 0 without asking the judge', async () => {
    const gateway = scriptedGateway();
    expect((await scoreWith('llm_judge', params, null, 'y', { gateway })).score).toBe(0);
    expect(gateway.requests).toHaveLength(0);
  });

  it('needs a gateway and a rubric at load time', () => {
    expect(() => build('llm_judge', params)).toThrow(RepsError);
    expect(() => build('llm_judge', params)).toThrow(/needs a model gateway/);
    expect(() =>
      build('llm_judge', { model: 'sim-pro', rubric: ' ' }, { gateway: scriptedGateway() }),
    ).toThrow(/scoring\.params\.rubric/);
    expect(() => build('llm_judge', { ...params, scale: 5 }, { gateway: scriptedGateway() })).toThrow(
      /scoring\.params\.scale/,
    );
  });
});
