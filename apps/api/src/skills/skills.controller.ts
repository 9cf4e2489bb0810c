import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type SkillVersionView,
  type SkillView,
  saveSkillRequestSchema,
  skillNameSchema,
  versionNumberSchema,
} from '@reps/shared';
import { z } from 'zod';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { SkillsService } from './skills.service.js';

const versionQuery = z.strictObject({ version: versionNumberSchema.optional() });

@ApiTags('skills')
@Controller('me/skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @ApiOperation({ summary: 'Your saved skills (reusable sub-pipelines for `use:`), with their versions.' })
  async list(@CurrentUser() user: AuthUser): Promise<{ items: SkillView[] }> {
    return { items: await this.skills.list(user.id) };
  }

  @Post()
  @ApiOperation({
    summary: 'Saves a skill; saving a name again makes a new version. Invalid pipelines get 422.',
  })
  @ApiZodBody(saveSkillRequestSchema)
  save(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(saveSkillRequestSchema)) body: z.infer<typeof saveSkillRequestSchema>,
  ): Promise<SkillVersionView> {
    return this.skills.save(user.id, body.name, body.source, body.description);
  }

  @Get(':name')
  @ApiOperation({ summary: 'One skill: its latest version, or ?version=N.' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('name', new ZodPipe(skillNameSchema)) name: string,
    @Query(new ZodPipe(versionQuery)) query: z.infer<typeof versionQuery>,
  ): Promise<SkillVersionView> {
    return this.skills.get(user.id, name, query.version);
  }
}
