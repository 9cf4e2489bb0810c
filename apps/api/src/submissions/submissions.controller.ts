import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SubmissionView, submitRequestSchema } from '@reps/shared';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { slugFilterQuery, slugParam } from '../challenges/params.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import type { SubmissionEvent } from '../grading/progress-events.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('submissions')
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('challenges/:slug/submissions')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submits a pipeline for grading on the hidden cases; answers 202 with the id at once.',
  })
  @ApiZodBody(submitRequestSchema)
  submit(
    @CurrentUser() user: AuthUser,
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Body(new ZodPipe(submitRequestSchema)) body: z.infer<typeof submitRequestSchema>,
  ): Promise<{ id: string; status: 'queued' }> {
    return this.submissions.submit(user, slug, body.pipeline);
  }

  @Get('submissions/:id')
  @ApiOperation({
    summary:
      'A submission: status, rounded scores and aggregates for hidden cases, full public-case results.',
  })
  view(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SubmissionView> {
    return this.submissions.view(id, user);
  }

  @Sse('submissions/:id/events')
  @ApiOperation({
    summary:
      'Server-sent events: status changes and cases done / total (in tenths of the hidden set, at most one a second), until a final status.',
  })
  async events(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<Observable<{ data: SubmissionEvent }>> {
    // Checked before the stream opens, so a stranger gets a 404 rather than an empty 200 stream.
    await this.submissions.visible(id, user);
    return this.submissions.events$(id, user);
  }

  @Get('me/submissions')
  @ApiOperation({ summary: 'The signed-in learner’s submissions, newest first.' })
  async mine(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(slugFilterQuery)) query: z.infer<typeof slugFilterQuery>,
  ): Promise<{ items: SubmissionView[] }> {
    return { items: await this.submissions.mine(user.id, query.slug) };
  }
}
