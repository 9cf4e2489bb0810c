import { Module } from '@nestjs/common';
import { createDefaultGateway, createSimProvider, type ModelGateway } from '@reps/engine';
import { type Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { PipelineChecker } from './pipeline-checker.js';
import { serverGatewaySpec } from './server-gateway.js';

export const MODEL_GATEWAY = Symbol('MODEL_GATEWAY');

/**
 * The model gateway of this process (simulated models always, real providers when configured) and
 * the pipeline checker. Imported by each module that uses them: a Nest module is one instance however
 * often it is imported.
 */
@Module({
  providers: [
    {
      provide: MODEL_GATEWAY,
      inject: [CONFIG],
      useFactory: (config: Config): ModelGateway =>
        createDefaultGateway({ ...serverGatewaySpec(config), extraProviders: [createSimProvider()] }),
    },
    PipelineChecker,
  ],
  exports: [MODEL_GATEWAY, PipelineChecker],
})
export class ModelsModule {}
