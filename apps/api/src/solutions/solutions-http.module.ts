import { Module } from '@nestjs/common';
import { SolutionsController, StartHereController } from './solutions.controller.js';
import { SolutionsService } from './solutions.service.js';

/** After solving (references, shared solutions, the next challenge) and the start-here challenge. */
@Module({ controllers: [SolutionsController, StartHereController], providers: [SolutionsService] })
export class SolutionsHttpModule {}
