import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AttemptDetail,
  type AttemptKind,
  type AttemptsPage,
  type AttemptsQuery,
  attemptParamsSchema,
  attemptsQuerySchema,
} from '@reps/shared';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiZodQuery, ZodPipe } from '../common/zod.js';
import { AttemptsService } from './attempts.service.js';

@ApiTags('attempts')
@Controller()
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  @Get('me/attempts')
  @ApiOperation({
    summary:
      'The signed-in learner’s practice runs and submissions on a challenge, newest first, a page at a time (limit, cursor).',
  })
  @ApiZodQuery(attemptsQuerySchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(attemptsQuerySchema)) query: AttemptsQuery,
  ): Promise<AttemptsPage> {
    return this.attempts.list(user.id, query);
  }

  @Get('me/attempts/:kind/:id')
  @ApiOperation({ summary: 'One of the signed-in learner’s attempts with the pipeline it ran.' })
  one(
    @CurrentUser() user: AuthUser,
    @Param('kind', new ZodPipe(attemptParamsSchema.shape.kind)) kind: AttemptKind,
    @Param('id', new ZodPipe(attemptParamsSchema.shape.id)) id: string,
  ): Promise<AttemptDetail> {
    return this.attempts.one(user.id, kind, id);
  }
}
