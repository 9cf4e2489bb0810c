import { Module } from '@nestjs/common';
import { ModelKeysService } from './model-keys.service.js';

/** The service both entries need: the API stores keys, the worker builds gateways with them. */
@Module({ providers: [ModelKeysService], exports: [ModelKeysService] })
export class ModelKeysModule {}
