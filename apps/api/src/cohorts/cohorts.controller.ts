import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CohortLearnerRow,
  type CohortView,
  createCohortRequestSchema,
  joinCohortRequestSchema,
  type RatingBoard,
  ratingQuerySchema,
} from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ApiZodQuery, ZodPipe } from '../common/zod.js';
import { CohortsService } from './cohorts.service.js';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Post()
  @Roles('instructor')
  @ApiOperation({ summary: 'Creates a cohort with a join code (instructors).' })
  @ApiZodBody(createCohortRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createCohortRequestSchema)) body: z.infer<typeof createCohortRequestSchema>,
  ): Promise<CohortView> {
    return this.cohorts.create(user, body.name);
  }

  @Post('join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Joins a cohort with its code.' })
  @ApiZodBody(joinCohortRequestSchema)
  join(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(joinCohortRequestSchema)) body: z.infer<typeof joinCohortRequestSchema>,
  ): Promise<CohortView> {
    return this.cohorts.join(user, body.code);
  }

  @Get()
  @ApiOperation({ summary: 'Cohorts the user owns or belongs to.' })
  async mine(@CurrentUser() user: AuthUser): Promise<{ items: CohortView[] }> {
    return { items: await this.cohorts.mine(user) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A cohort (members and its instructor).' })
  view(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CohortView> {
    return this.cohorts.view(id, user);
  }

  @Get(':id/leaderboard')
  @ApiOperation({ summary: "The cohort's ratings board (members and its instructor)." })
  @ApiZodQuery(ratingQuerySchema)
  leaderboard(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(new ZodPipe(ratingQuerySchema)) query: z.infer<typeof ratingQuerySchema>,
  ): Promise<RatingBoard> {
    return this.cohorts.leaderboard(id, user, query);
  }

  @Get(':id/learners')
  @ApiOperation({ summary: 'Per-learner progress table (the cohort’s instructor).' })
  async learners(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<{ items: CohortLearnerRow[] }> {
    return { items: await this.cohorts.learners(id, user) };
  }
}
