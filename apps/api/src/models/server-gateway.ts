import type { GatewaySpec } from '@reps/engine';
import type { Config } from '@reps/shared';

/**
 * The server's model providers as data, for grading threads (which add the simulated models):
 * what hidden grading always uses, whoever submitted.
 */
export function serverGatewaySpec(config: Config): GatewaySpec {
  return {
    openaiBaseUrl: config.REPS_OPENAI_BASE_URL,
    openaiApiKey: config.REPS_OPENAI_API_KEY,
    anthropicBaseUrl: config.REPS_ANTHROPIC_BASE_URL,
    anthropicApiKey: config.REPS_ANTHROPIC_API_KEY,
  };
}
