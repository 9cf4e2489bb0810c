import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { handleSchema, type PublicProfile, type SignedRecord, verifyRequestSchema } from '@reps/shared';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { ProofService } from './proof.service.js';

const verificationId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'is not a verification id');

@ApiTags('proof of work')
@Public()
@Controller()
export class ProfilesController {
  constructor(private readonly proof: ProofService) {}

  @Get('users/:handle')
  @ApiOperation({ summary: 'A public proof-of-work profile: verified results, rating, skills and domains.' })
  profile(@Param('handle', new ZodPipe(handleSchema)) handle: string): Promise<PublicProfile> {
    return this.proof.profile(handle);
  }

  @Get('verify/:id')
  @ApiOperation({ summary: 'The record of a graded submission, signed (HMAC-SHA256) with the server key.' })
  signed(@Param('id', new ZodPipe(verificationId)) id: string): Promise<SignedRecord> {
    return this.proof.signed(id);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Checks that this server signed exactly this record.' })
  @ApiZodBody(verifyRequestSchema)
  check(@Body(new ZodPipe(verifyRequestSchema)) body: z.infer<typeof verifyRequestSchema>): {
    valid: boolean;
  } {
    return { valid: this.proof.verify(body.record, body.signature) };
  }
}
