import { createDefaultGateway, createSimProvider, type ModelGateway } from '@reps/engine';
import type { CliEnv } from './cli-env.js';

/**
 * The gateway of local runs: the simulated models, echo, and the real providers the environment
 * configures. The same providers as the worker's, so a pipeline scores the same here and there.
 */
export function createCliGateway(env: CliEnv): ModelGateway {
  return createDefaultGateway({
    ...(env.openaiBaseUrl ? { openaiBaseUrl: env.openaiBaseUrl } : {}),
    ...(env.openaiApiKey ? { openaiApiKey: env.openaiApiKey } : {}),
    ...(env.anthropicBaseUrl ? { anthropicBaseUrl: env.anthropicBaseUrl } : {}),
    ...(env.anthropicApiKey ? { anthropicApiKey: env.anthropicApiKey } : {}),
    extraProviders: [createSimProvider()],
  });
}
