import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Progress } from '@reps/shared';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@Controller('me/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get()
  @ApiOperation({
    summary: 'Reps, streak, attempt timelines, personal bests, skill radar, domain coverage, rating history.',
  })
  get(@CurrentUser() user: AuthUser): Promise<Progress> {
    return this.progress.of(user.id);
  }
}
