import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { ModelsModule } from '../models/models.module.js';
import { SkillsModule } from '../skills/skills.module.js';
import { Submission } from './submission.entity.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsModule } from './submissions.module.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Submission]),
    SubmissionsModule,
    ChallengesModule,
    GradingModule,
    ModelsModule,
    SkillsModule,
  ],
  controllers: [SubmissionsController],
  providers: [SubmissionsService],
})
export class SubmissionsHttpModule {}
