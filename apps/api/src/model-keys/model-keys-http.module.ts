import { Module } from '@nestjs/common';
import { ModelKeysController } from './model-keys.controller.js';
import { ModelKeysModule } from './model-keys.module.js';

/** The routes to manage one's keys (the API only; the worker just uses the keys). */
@Module({ imports: [ModelKeysModule], controllers: [ModelKeysController] })
export class ModelKeysHttpModule {}
