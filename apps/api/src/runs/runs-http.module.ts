import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { ModelsModule } from '../models/models.module.js';
import { SkillsModule } from '../skills/skills.module.js';
import { RunsController } from './runs.controller.js';
import { RunsModule } from './runs.module.js';
import { RunsService } from './runs.service.js';

@Module({
  imports: [RunsModule, ChallengesModule, GradingModule, ModelsModule, SkillsModule],
  controllers: [RunsController],
  providers: [RunsService],
})
export class RunsHttpModule {}
