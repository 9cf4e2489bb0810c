import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GradingModule } from '../grading/grading.module.js';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module.js';
import { ModelsModule } from '../models/models.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { ChallengeAnalyticsService } from './challenge-analytics.service.js';
import { ChallengeUploadsService } from './challenge-uploads.service.js';
import { ChallengeVersionsService } from './challenge-versions.service.js';
import { GradingReviewsController } from './grading-reviews.controller.js';
import { GradingReviewsService } from './grading-reviews.service.js';
import { InstructorController } from './instructor.controller.js';
import { RejudgeService } from './rejudge.service.js';

@Module({
  imports: [ChallengesModule, SubmissionsModule, LeaderboardsModule, GradingModule, ModelsModule],
  controllers: [InstructorController, GradingReviewsController],
  providers: [
    ChallengeUploadsService,
    ChallengeVersionsService,
    RejudgeService,
    ChallengeAnalyticsService,
    GradingReviewsService,
  ],
})
export class InstructorHttpModule {}
