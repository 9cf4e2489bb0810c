import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  changePasswordRequestSchema,
  createTokenRequestSchema,
  loginRequestSchema,
  type Me,
  registerRequestSchema,
} from '@reps/shared';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { ApiZodBody, ZodPipe } from '../common/zod.js';
import { type AuthedRequest, type AuthUser, CurrentUser, Public } from './auth.decorators.js';
import { AuthService, toMe } from './auth.service.js';
import { DEVICE_COOKIE, deviceCookie } from './device-token.js';
import { clearedSessionCookie, readCookie, sessionCookie } from './tokens.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/register')
  @ApiOperation({ summary: 'Creates a learner account and signs it in (session and device cookies).' })
  @ApiZodBody(registerRequestSchema)
  async register(
    @Body(new ZodPipe(registerRequestSchema)) body: z.infer<typeof registerRequestSchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: Me }> {
    const { user, token, deviceToken } = await this.auth.register(body, req.ip ?? 'unknown');
    res.setHeader('Set-Cookie', [sessionCookie(token, req.secure), deviceCookie(deviceToken, req.secure)]);
    return { user: toMe(user) };
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs in with email or handle; sets the session cookie and the device cookie. 429 after repeated failures.',
  })
  @ApiZodBody(loginRequestSchema)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: z.infer<typeof loginRequestSchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: Me }> {
    const { user, token, deviceToken } = await this.auth.login(
      body.login,
      body.password,
      req.ip ?? 'unknown',
      readCookie(req.headers.cookie, DEVICE_COOKIE),
    );
    // The session first: clients that keep one cookie (the tests' Client) keep the session.
    res.setHeader('Set-Cookie', [sessionCookie(token, req.secure), deviceCookie(deviceToken, req.secure)]);
    return { user: toMe(user) };
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the current session.' })
  async logout(
    @Req() req: Request & AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (req.sessionToken) await this.auth.logout(req.sessionToken);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in user.' })
  me(@CurrentUser() user: AuthUser): Promise<Me> {
    return this.auth.me(user.id);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiZodBody(changePasswordRequestSchema)
  @ApiOperation({ summary: 'Changes the password (needs the current one).' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(changePasswordRequestSchema)) body: z.infer<typeof changePasswordRequestSchema>,
    @Req() req: Request & AuthedRequest,
  ): Promise<void> {
    await this.auth.changePassword(user.id, body.currentPassword, body.newPassword, req.sessionToken);
  }

  @Get('me/tokens')
  @ApiOperation({ summary: 'Personal API tokens (for the CLI), without their secrets.' })
  async tokens(@CurrentUser() user: AuthUser) {
    return { items: await this.auth.listTokens(user.id) };
  }

  @Post('me/tokens')
  @ApiZodBody(createTokenRequestSchema)
  @ApiOperation({ summary: 'Creates an API token; the token is returned once, here.' })
  async createToken(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createTokenRequestSchema)) body: z.infer<typeof createTokenRequestSchema>,
  ) {
    const { token, view } = await this.auth.createToken(user.id, body.name, body.expires_in_days);
    return { ...view, token };
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes an API token.' })
  async revokeToken(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.auth.revokeToken(user.id, id);
  }
}
