import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RepsError, type Role } from '@reps/shared';
import type { Request } from 'express';
import { type AuthedRequest, IS_PUBLIC, OWN_CREDENTIALS, ROLES } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { API_TOKEN_PREFIX, readCookie, SESSION_COOKIE } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the user from the session cookie or a `Bearer reps_…` token on every request, then
 * enforces @Public and @Roles. Cookie-authenticated writes must be JSON: a cross-site form cannot
 * send that without a CORS preflight, which is what keeps CSRF out.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_CREDENTIALS, targets)) return true;
    await this.authenticate(req);
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (!req.user) {
      if (isPublic) return true;
      throw new RepsError('unauthenticated');
    }
    if (req.user.via === 'session' && !SAFE_METHODS.has(req.method) && !isJson(req)) {
      throw new RepsError('forbidden', 'Writes from a browser session must be sent as application/json.');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && req.user.role !== 'admin' && !roles.includes(req.user.role)) {
      throw new RepsError('forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    return true;
  }

  private async authenticate(req: Request & AuthedRequest): Promise<void> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice(7).trim();
      if (!token.startsWith(API_TOKEN_PREFIX))
        throw new RepsError('unauthenticated', 'That is not a Reps API token.');
      req.user = await this.auth.resolve(token, 'token');
      if (!req.user) throw new RepsError('unauthenticated', 'The API token is unknown or revoked.');
      return;
    }
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!session) return;
    req.sessionToken = session;
    req.user = await this.auth.resolve(session, 'session');
  }
}

function isJson(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}
