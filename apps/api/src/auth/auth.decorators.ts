import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@reps/shared';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const ROLES = Symbol('ROLES');

/** The route needs no sign-in (a signed-in user is still resolved, for optional personalisation). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const OWN_CREDENTIALS = Symbol('OWN_CREDENTIALS');
/** A route that reads its own credentials (a non-user bearer token): the guard reads none. */
export const OwnCredentials = () => SetMetadata(OWN_CREDENTIALS, true);

/** The route needs one of these roles; admins pass every role check. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthUser {
  id: string;
  handle: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}

export interface AuthedRequest {
  user?: AuthUser;
  sessionToken?: string;
}

/** The signed-in user (undefined on a public route without one). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().user,
);
