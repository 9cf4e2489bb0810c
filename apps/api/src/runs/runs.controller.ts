import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type RunView, runRequestSchema } from '@reps/shared';
import type { Response } from 'express';
import type { z } from 'zod';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { slugParam } from '../challenges/params.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { RunsService } from './runs.service.js';

@ApiTags('runs')
@Controller()
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post('challenges/:slug/runs')
  @ApiOperation({
    summary:
      'Runs a pipeline on the public cases: 200 with per-case results and traces, or 202 with the id if it takes longer than wait_ms.',
  })
  @ApiZodBody(runRequestSchema)
  async start(
    @CurrentUser() user: AuthUser,
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Body(new ZodPipe(runRequestSchema)) body: z.infer<typeof runRequestSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RunView> {
    const { done, run } = await this.runs.start(user, slug, body.pipeline, body.wait_ms);
    res.status(done ? 200 : 202);
    return run;
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'A practice run and, once done, its results.' })
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<RunView> {
    return this.runs.get(id, user);
  }
}
