import { Module } from '@nestjs/common';
import { GradingCoreModule } from '../grading/grading-core.module.js';
import { RunsController } from './runs.controller.js';
import { RunsService } from './runs.service.js';

@Module({ imports: [GradingCoreModule], controllers: [RunsController], providers: [RunsService] })
export class RunsModule {}
