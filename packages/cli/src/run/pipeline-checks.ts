import type { ModelGateway, ParseOptions } from '@reps/engine';

/**
 * The model check of `reps validate` without a challenge: any model the gateway serves (sim-*,
 * echo, openai:…, anthropic:…). With a challenge, the engine's parseForChallenge narrows it.
 */
export function knownModels(gateway: ModelGateway): ParseOptions['knownModels'] {
  return (id) => gateway.describe(id) !== undefined;
}
