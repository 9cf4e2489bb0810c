import { createDefaultGateway, createSimProvider, type GatewaySpec, type ModelGateway } from '@reps/engine';
import type { CliEnv } from './cli-env.js';

/**
 * The providers of local runs, as data (for `reps run`, which grades in a thread like the
 * worker): echo, the real providers the environment configures and, added in the thread, the
 * simulated models. The same providers as the worker's, so a pipeline scores the same here and there.
 */
export function cliGatewaySpec(env: CliEnv): GatewaySpec {
  return {
    ...(env.openaiBaseUrl ? { openaiBaseUrl: env.openaiBaseUrl } : {}),
    ...(env.openaiApiKey ? { openaiApiKey: env.openaiApiKey } : {}),
    ...(env.anthropicBaseUrl ? { anthropicBaseUrl: env.anthropicBaseUrl } : {}),
    ...(env.anthropicApiKey ? { anthropicApiKey: env.anthropicApiKey } : {}),
  };
}

/** The same providers as a gateway in this process (checking pipelines, listing models). */
export function createCliGateway(env: CliEnv): ModelGateway {
  return createDefaultGateway({ ...cliGatewaySpec(env), extraProviders: [createSimProvider()] });
}
