import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type SharedSolution,
  type ShareSolutionRequest,
  type SolutionsView,
  type StartHereView,
  shareSolutionRequestSchema,
} from '@reps/shared';
import { type AuthUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { slugParam } from '../challenges/params.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { SolutionsService } from './solutions.service.js';

@ApiTags('solutions')
@Controller('challenges/:slug/solutions')
export class SolutionsController {
  constructor(private readonly solutions: SolutionsService) {}

  @Get()
  @ApiOperation({
    summary:
      'After passing: what the solutions hold (counts), what you may share and the next challenge; the reference pipelines and learners’ shared pipelines (ranked on the Pareto front) once you opened them. 403 not_passed before (admins, and instructors on a challenge they wrote, may open them without passing; opening freezes their place too).',
  })
  view(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SolutionsView> {
    return this.solutions.view(user, slug);
  }

  @Post('open')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'After passing: open the solutions and read their pipelines. The first opening is recorded: your later submissions on this version are graded but not ranked. 403 not_passed before.',
  })
  open(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SolutionsView> {
    return this.solutions.open(user, slug);
  }

  @Post('share')
  @ApiOperation({
    summary: 'Share one of your passing submissions on the current version (replaces an earlier share).',
  })
  @ApiZodBody(shareSolutionRequestSchema)
  share(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Body(new ZodPipe(shareSolutionRequestSchema)) body: ShareSolutionRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<SharedSolution> {
    return this.solutions.share(user.id, slug, body.submission_id);
  }

  @Delete('share')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw your shared solution.' })
  async withdraw(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.solutions.withdraw(user.id, slug);
  }
}

@ApiTags('solutions')
@Controller('start-here')
export class StartHereController {
  constructor(private readonly solutions: SolutionsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The challenge a new learner starts with (the easiest decomposition challenge).' })
  get(): Promise<StartHereView> {
    return this.solutions.startHere();
  }
}
