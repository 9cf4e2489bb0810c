import { Global, Module } from '@nestjs/common';
import { createDefaultGateway, createSimProvider, type GatewaySpec, type ModelGateway } from '@reps/engine';
import { type Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';

export const MODEL_GATEWAY = Symbol('MODEL_GATEWAY');

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

/** The model gateway of this process: simulated models always, real providers when configured. */
@Global()
@Module({
  providers: [
    {
      provide: MODEL_GATEWAY,
      inject: [CONFIG],
      useFactory: (config: Config): ModelGateway =>
        createDefaultGateway({ ...serverGatewaySpec(config), extraProviders: [createSimProvider()] }),
    },
  ],
  exports: [MODEL_GATEWAY],
})
export class ModelsModule {}
