import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '../challenges/load-challenge.js';
import { gradeChallenge } from '../grade/grade-challenge.js';
import { gradeChallengeIsolated } from '../isolation/grade-challenge-isolated.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import type { CompletionRequest, ModelContext, ModelGateway } from '../models/types.js';

jest.setTimeout(120_000);

const root = process.cwd();
const secret = 'a-test-secret-of-length';

/** The sim gateway, each answer held back by a real delay that varies run to run. */
function jittered(gateway: ModelGateway, seed: number): ModelGateway {
  let n = seed;
  return {
    describe: (model) => gateway.describe(model),
    list: () => gateway.list(),
    async complete(request: CompletionRequest, context: ModelContext) {
      n = (n * 7919 + 17) % 101;
      await new Promise((resolve) => setTimeout(resolve, n % 4));
      return gateway.complete(request, context);
    },
  };
}

describe('agent steps under the simulated models', () => {
  it('grade to the same traces every time, whatever order real answers arrive in, and in the isolated thread', async () => {
    const challenge = await loadChallenge(join(root, 'challenges/order-support-agent'));
    const pipelineSource = await readFile(join(challenge.dir, 'reference.agent.pipeline.yaml'), 'utf8');
    const common = {
      challenge,
      pipelineSource,
      kind: 'public' as const,
      secret,
      count: 2,
      caseConcurrency: 2,
    };
    const sim = () => createDefaultGateway({ cache: false, extraProviders: [createSimProvider()] });
    const first = await gradeChallenge({ ...common, gateway: sim() });
    const again = await gradeChallenge({ ...common, gateway: jittered(sim(), 5) });
    const isolated = await gradeChallengeIsolated(common);
    expect(first.ok && again.ok && isolated.ok).toBe(true);
    if (!first.ok || !again.ok || !isolated.ok) return;
    const turns = first.result.cases.flatMap((c) =>
      c.trace.steps.flatMap((s) => (s.items ?? []).flatMap((i) => i.steps.flatMap((t) => t.turns ?? []))),
    );
    // The agents really ran: several turns, tool calls among them.
    expect(turns.length).toBeGreaterThan(10);
    expect(turns.some((t) => t.tool_calls.length > 0)).toBe(true);
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(first.result));
    expect(JSON.stringify(isolated.result)).toBe(JSON.stringify(first.result));
    expect(JSON.stringify(isolated.cases)).toBe(JSON.stringify(first.cases));
  });
});
