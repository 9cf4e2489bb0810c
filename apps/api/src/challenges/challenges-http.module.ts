import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { ChallengesController } from './challenges.controller.js';
import { ChallengesModule } from './challenges.module.js';
import { ChallengesService } from './challenges.service.js';

@Module({
  imports: [ChallengesModule, ModelsModule, SubmissionsModule],
  controllers: [ChallengesController],
  providers: [ChallengesService],
})
export class ChallengesHttpModule {}
