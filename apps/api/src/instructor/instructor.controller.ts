import type { IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ChallengeAnalytics,
  challengeBundleSchema,
  type InstructorVersionView,
  versionNumberSchema,
} from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { slugParam, versionQuery } from '../challenges/params.js';
import { readUploadBody } from '../common/request-guards.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { ChallengeAnalyticsService } from './challenge-analytics.service.js';
import { ChallengeUploadsService } from './challenge-uploads.service.js';
import { ChallengeVersionsService } from './challenge-versions.service.js';
import { RejudgeService } from './rejudge.service.js';

@ApiTags('instructor')
@Roles('instructor')
@Controller('instructor/challenges')
export class InstructorController {
  constructor(
    private readonly uploads: ChallengeUploadsService,
    private readonly versions: ChallengeVersionsService,
    private readonly rejudges: RejudgeService,
    private readonly analyticsService: ChallengeAnalyticsService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Uploads a challenge version (a bundle from `reps challenge bundle`); it is calibrated, then published or rejected.',
  })
  @ApiZodBody(challengeBundleSchema)
  async upload(@CurrentUser() user: AuthUser, @Req() req: IncomingMessage): Promise<InstructorVersionView> {
    // Read here, after the guards: a bundle may be 2 MiB, which no anonymous caller gets to send.
    const bundle = new ZodPipe(challengeBundleSchema).transform(await readUploadBody(req));
    return this.uploads.upload(user, bundle);
  }

  @Get()
  @ApiOperation({
    summary: 'Versions the instructor uploaded (every version, for admins), with their calibration.',
  })
  async list(@CurrentUser() user: AuthUser): Promise<{ items: InstructorVersionView[] }> {
    return { items: await this.versions.versions(user) };
  }

  @Get(':slug/versions/:version')
  @ApiOperation({ summary: 'One version: status and calibration.' })
  version(
    @CurrentUser() user: AuthUser,
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Param('version', new ZodPipe(versionNumberSchema)) version: number,
  ): Promise<InstructorVersionView> {
    return this.versions.versionFor(user, slug, version);
  }

  @Post(':slug/rejudge')
  @HttpCode(202)
  @ApiOperation({ summary: "Re-grades every learner's best from earlier versions on the current version." })
  rejudge(
    @CurrentUser() user: AuthUser,
    @Param('slug', new ZodPipe(slugParam)) slug: string,
  ): Promise<{ version: number; queued: number }> {
    return this.rejudges.rejudge(user, slug);
  }

  @Get(':slug/analytics')
  @ApiOperation({
    summary:
      "Score distribution, cost vs correctness, failure categories and attempts to pass: over every learner for an admin or the challenge's author, over the learners of the instructor's cohorts for any other published challenge (`scope`).",
  })
  analytics(
    @CurrentUser() user: AuthUser,
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Query(new ZodPipe(versionQuery)) query: z.infer<typeof versionQuery>,
  ): Promise<ChallengeAnalytics> {
    return this.analyticsService.analytics(user, slug, query.version);
  }
}
