import { Module } from '@nestjs/common';
import { GradingCoreModule } from '../grading/grading-core.module.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { GradingReviewsController } from './grading-reviews.controller.js';
import { GradingReviewsService } from './grading-reviews.service.js';
import { InstructorController } from './instructor.controller.js';
import { InstructorService } from './instructor.service.js';

@Module({
  imports: [GradingCoreModule],
  controllers: [InstructorController, GradingReviewsController],
  providers: [InstructorService, GradingReviewsService, StandingsService],
})
export class InstructorModule {}
