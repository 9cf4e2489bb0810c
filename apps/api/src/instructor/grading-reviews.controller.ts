import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type GradingReviewView, reviewsQuerySchema } from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodQuery, ZodPipe } from '../common/zod.js';
import { GradingReviewsService } from './grading-reviews.service.js';

@ApiTags('instructor')
@Roles('instructor')
@Controller('instructor/reviews')
export class GradingReviewsController {
  constructor(private readonly reviews: GradingReviewsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Gradings of your challenges held for review (more than 2% of hidden cases grader_error); every challenge for admins.',
  })
  @ApiZodQuery(reviewsQuerySchema)
  async list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reviewsQuerySchema)) query: z.infer<typeof reviewsQuerySchema>,
  ): Promise<{ items: GradingReviewView[] }> {
    return { items: await this.reviews.list(user, query.status) };
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accepts a held grading: it enters leaderboards and ratings as if just graded.' })
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<GradingReviewView> {
    return this.reviews.decide(user, id, 'accepted');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rejects a held grading: it stays unranked, and its learner sees that.' })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<GradingReviewView> {
    return this.reviews.decide(user, id, 'rejected');
  }
}
