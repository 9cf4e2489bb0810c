import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ModelKeyView, modelKeyProviderSchema, saveModelKeyRequestSchema } from '@reps/shared';
import type { z } from 'zod';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { ModelKeysService } from './model-keys.service.js';

@ApiTags('model keys')
@Controller('me/model-keys')
export class ModelKeysController {
  constructor(private readonly keys: ModelKeysService) {}

  @Get()
  @ApiOperation({ summary: 'Your own provider keys (OpenAI-compatible, Anthropic), as hints only.' })
  async list(@CurrentUser() user: AuthUser): Promise<{ items: ModelKeyView[] }> {
    return { items: await this.keys.list(user.id) };
  }

  @Put(':provider')
  @ApiOperation({
    summary: 'Saves (or replaces) your key for a provider; stored encrypted, never shown again.',
  })
  @ApiZodBody(saveModelKeyRequestSchema)
  save(
    @CurrentUser() user: AuthUser,
    @Param('provider', new ZodPipe(modelKeyProviderSchema)) provider: z.infer<typeof modelKeyProviderSchema>,
    @Body(new ZodPipe(saveModelKeyRequestSchema)) body: z.infer<typeof saveModelKeyRequestSchema>,
  ): Promise<ModelKeyView> {
    return this.keys.save(user.id, provider, body.api_key);
  }

  @Delete(':provider')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forgets your key for a provider.' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('provider', new ZodPipe(modelKeyProviderSchema)) provider: z.infer<typeof modelKeyProviderSchema>,
  ): Promise<void> {
    await this.keys.remove(user.id, provider);
  }
}
