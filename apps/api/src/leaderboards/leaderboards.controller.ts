import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Leaderboard, leaderboardQuerySchema, type RatingBoard, ratingQuerySchema } from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { slugParam } from '../challenges/params.js';
import { CacheableRead } from '../common/cache-control.js';
import { ApiZodQuery, ZodPipe } from '../common/zod.js';
import { LeaderboardsService } from './leaderboards.service.js';

@ApiTags('leaderboards')
@Public()
@Controller()
export class LeaderboardsController {
  constructor(private readonly boards: LeaderboardsService) {}

  @Get('challenges/:slug/leaderboard')
  @CacheableRead(2)
  @ApiOperation({
    summary: 'Best per learner on a challenge version: correctness, then cost, then latency, then time.',
  })
  @ApiZodQuery(leaderboardQuerySchema)
  challenge(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Query(new ZodPipe(leaderboardQuerySchema)) query: z.infer<typeof leaderboardQuerySchema>,
    @CurrentUser() user?: AuthUser,
  ): Promise<Leaderboard> {
    return this.boards.challenge(slug, query, user?.id);
  }

  @Get('leaderboards/ratings')
  @CacheableRead(2)
  @ApiOperation({
    summary:
      'Ratings (difficulty-weighted best correctness): global, per skill or per domain; weekly or all-time.',
  })
  @ApiZodQuery(ratingQuerySchema)
  ratings(
    @Query(new ZodPipe(ratingQuerySchema)) query: z.infer<typeof ratingQuerySchema>,
    @CurrentUser() user?: AuthUser,
  ): Promise<RatingBoard> {
    return this.boards.ratings(query, user?.id);
  }
}
