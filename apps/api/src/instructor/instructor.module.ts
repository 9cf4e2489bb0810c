import { Module } from '@nestjs/common';
import { GradingCoreModule } from '../grading/grading-core.module.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { ChallengeAnalyticsService } from './challenge-analytics.service.js';
import { ChallengeUploadsService } from './challenge-uploads.service.js';
import { ChallengeVersionsService } from './challenge-versions.service.js';
import { GradingReviewsController } from './grading-reviews.controller.js';
import { GradingReviewsService } from './grading-reviews.service.js';
import { InstructorController } from './instructor.controller.js';
import { RejudgeService } from './rejudge.service.js';

@Module({
  imports: [GradingCoreModule],
  controllers: [InstructorController, GradingReviewsController],
  providers: [
    ChallengeUploadsService,
    ChallengeVersionsService,
    RejudgeService,
    ChallengeAnalyticsService,
    GradingReviewsService,
    StandingsService,
  ],
})
export class InstructorModule {}
