import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ChallengeDetail, type ChallengeList, challengeListQuerySchema } from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { CacheableRead } from '../common/cache-control.js';
import { ApiZodQuery, ZodPipe } from '../common/zod.js';
import { ChallengesService } from './challenges.service.js';
import { slugParam, versionQuery } from './params.js';

@ApiTags('challenges')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Public()
  @Get()
  @CacheableRead(5)
  @ApiOperation({
    summary: 'The published catalogue, with filters; with the signed-in learner’s best and solved mark.',
  })
  @ApiZodQuery(challengeListQuerySchema)
  async list(
    @Query(new ZodPipe(challengeListQuerySchema)) query: z.infer<typeof challengeListQuerySchema>,
    @CurrentUser() user?: AuthUser,
  ): Promise<ChallengeList> {
    const [items, facets] = await Promise.all([
      this.challenges.list(query, user?.id),
      this.challenges.facets(),
    ]);
    return { items, facets };
  }

  @Public()
  @Get(':slug')
  @CacheableRead(5)
  @ApiOperation({
    summary: 'A challenge: brief, schemas, aspects, models with prices, budgets, public cases, versions.',
  })
  detail(
    @Param('slug', new ZodPipe(slugParam)) slug: string,
    @Query(new ZodPipe(versionQuery)) query: z.infer<typeof versionQuery>,
    @CurrentUser() user?: AuthUser,
  ): Promise<ChallengeDetail> {
    return this.challenges.detail(slug, user?.id, query.version);
  }
}
