import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ApiTokenView, type Me, type RegisterRequest, RepsError } from '@reps/shared';
import { IsNull, MoreThan, QueryFailedError, Repository } from 'typeorm';
import { hashPassword, verifyPassword } from '../users/password.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ApiToken } from './api-token.entity.js';
import type { AuthUser } from './auth.decorators.js';
import { DeviceTokens } from './device-token.js';
import { LoginThrottle } from './login-throttle.js';
import { Session } from './session.entity.js';
import { SessionCache } from './session-cache.js';
import { API_TOKEN_PREFIX, newSecret, SESSION_DAYS, sha256 } from './tokens.js';

// A hash to compare against when the account does not exist, so timing does not reveal accounts.
const decoyHash = hashPassword('decoy-password-for-timing');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly throttle: LoginThrottle,
    private readonly devices: DeviceTokens,
    private readonly usersService: UsersService,
    private readonly cache: SessionCache,
  ) {}

  async register(
    dto: RegisterRequest,
    address: string,
  ): Promise<{ user: User; token: string; deviceToken: string }> {
    await this.throttle.registration(address);
    const taken = await this.users.findOne({ where: [{ email: dto.email }, { handle: dto.handle }] });
    if (taken)
      throw this.conflict(taken.email.toLowerCase() === dto.email.toLowerCase() ? 'email' : 'handle');
    const passwordHash = await hashPassword(dto.password);
    let user: User;
    try {
      user = await this.usersService.create({
        email: dto.email,
        handle: dto.handle,
        displayName: dto.displayName ?? dto.handle,
        passwordHash,
        role: 'learner',
      });
    } catch (error) {
      // Two registrations racing for the same email or handle: the unique index decides.
      if (error instanceof QueryFailedError && /users_(email|handle)_key/.test(error.message)) {
        throw this.conflict(error.message.includes('email') ? 'email' : 'handle');
      }
      throw error;
    }
    return { user, token: await this.createSession(user.id), deviceToken: this.devices.issue(user.id) };
  }

  private conflict(field: 'email' | 'handle'): RepsError {
    return new RepsError(
      'conflict',
      field === 'email' ? 'An account with this email already exists.' : 'This handle is taken.',
      [{ code: 'conflict', path: field, message: `${field} is already in use` }],
    );
  }

  /**
   * Signs in. `deviceToken` is the browser's device cookie, if any: when it is valid for this account
   * the attempt skips the account-wide delay (LoginThrottle). A success returns a new device token.
   */
  async login(
    login: string,
    password: string,
    address: string,
    deviceToken?: string,
  ): Promise<{ user: User; token: string; deviceToken: string }> {
    const user = await this.users.findOne({
      where: login.includes('@') ? { email: login } : { handle: login },
    });
    // One count per account, whether it is named by email or by handle.
    const account = user ? `user:${user.id}` : `login:${login.toLowerCase()}`;
    const device = user ? this.devices.verify(deviceToken, user.id) : undefined;
    const { exempt } = await this.throttle.attempt(account, address, device);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !ok) throw new RepsError('unauthenticated', 'Wrong email, handle or password.');
    await this.throttle.succeeded(account, address, device, exempt);
    return { user, token: await this.createSession(user.id), deviceToken: this.devices.issue(user.id) };
  }

  private async createSession(userId: string): Promise<string> {
    const token = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
    await this.sessions.insert({ tokenHash: sha256(token), userId, expiresAt });
    return token;
  }

  async logout(token: string): Promise<void> {
    const tokenHash = sha256(token);
    await this.sessions.delete({ tokenHash });
    await this.cache.forgetCredential(cacheKey(tokenHash, 'session'));
  }

  /**
   * The user behind a session cookie or an API token, or undefined. Resolved from memory for a few
   * seconds (SessionCache); an API token's last use is therefore recorded at most that often.
   */
  resolve(secret: string, via: AuthUser['via']): Promise<AuthUser | undefined> {
    const tokenHash = sha256(secret);
    return this.cache.resolve(cacheKey(tokenHash, via), () => this.lookup(tokenHash, via));
  }

  /**
   * The user a session cookie signs in, from memory only (SessionCache.peek): undefined when this
   * process does not hold it now, in which case resolve must be asked.
   */
  sessionUserInMemory(secret: string): AuthUser | undefined {
    return this.cache.peek(cacheKey(sha256(secret), 'session'));
  }

  private async lookup(
    tokenHash: string,
    via: AuthUser['via'],
  ): Promise<{ user: AuthUser; expiresAt: Date } | undefined> {
    if (via === 'session') {
      const session = await this.sessions.findOne({
        where: { tokenHash, expiresAt: MoreThan(new Date()) },
        relations: { user: true },
      });
      return session ? { user: toAuthUser(session.user, via), expiresAt: session.expiresAt } : undefined;
    }
    const token = await this.tokens.findOne({
      where: { tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: { user: true },
    });
    if (!token) return undefined;
    await this.tokens.update(token.id, { lastUsedAt: new Date() });
    return { user: toAuthUser(token.user, via), expiresAt: token.expiresAt };
  }

  async me(userId: string): Promise<Me> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    return toMe(user);
  }

  /** Changes the password and ends every other session of the user (the one asking keeps its own). */
  async changePassword(userId: string, current: string, next: string, keepSession?: string): Promise<void> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new RepsError('validation_failed', 'The current password is wrong.', [
        { code: 'validation_failed', path: 'currentPassword', message: 'currentPassword: wrong password' },
      ]);
    }
    await this.usersService.setPasswordHash(userId, await hashPassword(next));
    await this.sessions.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [
      userId,
      keepSession ? sha256(keepSession) : null,
    ]);
    await this.cache.forgetUser(userId);
  }

  async createToken(
    userId: string,
    name: string,
    expiresInDays: number,
  ): Promise<{ token: string; view: ApiTokenView }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + expiresInDays * 24 * 3600 * 1000);
    const saved = await this.tokens.save(
      this.tokens.create({ userId, name, prefix: token.slice(0, 12), tokenHash: sha256(token), expiresAt }),
    );
    return { token, view: toTokenView(saved) };
  }

  async listTokens(userId: string): Promise<ApiTokenView[]> {
    const rows = await this.tokens.find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toTokenView);
  }

  async revokeToken(userId: string, id: string): Promise<void> {
    const result = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw new RepsError('not_found', 'No such token.');
    await this.cache.forgetUser(userId);
  }
}

export function toMe(user: User): Me {
  return {
    id: user.id,
    email: user.email,
    handle: user.handle,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Sessions and tokens never share a key, whatever their secrets look like. */
function cacheKey(tokenHash: string, via: AuthUser['via']): string {
  return `${via}:${tokenHash}`;
}

function toAuthUser(user: User, via: AuthUser['via']): AuthUser {
  return { id: user.id, handle: user.handle, email: user.email, role: user.role, via };
}

function toTokenView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt.toISOString(),
  };
}
