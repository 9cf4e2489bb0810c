import { Module } from '@nestjs/common';
import { ModelKeysController } from './model-keys.controller.js';

/** The routes to manage one's keys (the API only; the worker just uses the keys). */
@Module({ controllers: [ModelKeysController] })
export class ModelKeysApiModule {}
