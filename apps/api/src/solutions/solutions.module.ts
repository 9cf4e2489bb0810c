import { Module } from '@nestjs/common';
import { SolutionsController, StartHereController } from './solutions.controller.js';
import { SolutionsService } from './solutions.service.js';

@Module({ controllers: [SolutionsController, StartHereController], providers: [SolutionsService] })
export class SolutionsModule {}
