import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@reps/shared';
import type { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import { InvalidationChannel } from '../redis/invalidation-channel.js';
import type { AuthUser } from './auth.decorators.js';

/** How long a resolved session or token is trusted without asking Postgres again. */
export const SESSION_CACHE_TTL_MS = 3000;

/** Entries kept per process; beyond it the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
  user: AuthUser;
  expires: number;
}

/** The channel on which a change to who a credential belongs to, or what they may do, is announced. */
export function authChangedChannel(config: Pick<Config, 'REPS_REDIS_PREFIX'>): string {
  return `${config.REPS_REDIS_PREFIX}:events:changed:auth`;
}

/**
 * Tells every API process that a user's credentials or role changed (role change, password change,
 * revoked token, deleted account): each drops what it holds for them. For writers outside auth/
 * (users/) that publish on their own Redis connection.
 */
export async function announceUserChanged(redis: Redis, config: Config, userId: string): Promise<void> {
  await redis.publish(authChangedChannel(config), `user:${userId}`);
}

/**
 * Sessions and API tokens resolved from memory: the user behind a credential, keyed by the
 * credential's SHA-256 (what the database stores, never the secret), for SESSION_CACHE_TTL_MS and
 * never past the credential's own expiry. Logout, password change, token revocation and role
 * changes are announced over Redis pub/sub and dropped at once in every API process; the short
 * TTL is the backstop for a lost message. While the subscription is down nothing is served from
 * memory (a message could be missed), and everything is dropped when it comes back.
 */
@Injectable()
export class SessionCache implements OnApplicationShutdown {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  private readonly channel: InvalidationChannel;
  /** Bumped by every drop: a lookup that began before one is not stored (it may predate the change). */
  private generation = 0;

  constructor(@Inject(CONFIG) config: Config) {
    this.channel = new InvalidationChannel(config.REDIS_URL, authChangedChannel(config), this.logger, {
      message: (text) => {
        if (text.startsWith('user:')) this.dropUser(text.slice(5));
        else if (text.startsWith('key:')) this.dropCredential(text.slice(4));
        else this.dropAll();
      },
      reset: () => this.dropAll(),
    });
  }

  /** The user behind `key` (a credential's hash), from memory or from `load`; undefined is not kept. */
  async resolve(
    key: string,
    load: () => Promise<{ user: AuthUser; expiresAt: Date } | undefined>,
  ): Promise<AuthUser | undefined> {
    const live = this.channel.listen();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (live && hit && hit.expires > now) return hit.user;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const found = await load();
    if (!found) return undefined;
    const expires = Math.min(Date.now() + SESSION_CACHE_TTL_MS, found.expiresAt.getTime());
    if (live && generation === this.generation && expires > Date.now()) {
      this.entries.set(key, { user: found.user, expires });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    }
    return found.user;
  }

  /**
   * The user behind `key` only if it is held and trusted now (the subscription is up, the entry
   * unexpired): what resolve would answer without asking Postgres. Undefined otherwise; never loads.
   */
  peek(key: string): AuthUser | undefined {
    if (!this.channel.listen()) return undefined;
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.user : undefined;
  }

  /** Drops one credential (logout) here and in every other API process. */
  forgetCredential(key: string): Promise<void> {
    this.dropCredential(key);
    return this.announce(`key:${key}`);
  }

  /** Drops every credential of a user here and in every other API process. */
  forgetUser(userId: string): Promise<void> {
    this.dropUser(userId);
    return this.announce(`user:${userId}`);
  }

  private announce(message: string): Promise<void> {
    // A lost message: the TTL still ends the entry in other processes within SESSION_CACHE_TTL_MS.
    return this.channel.announce(message);
  }

  private dropCredential(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  private dropUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }

  private dropAll(): void {
    this.generation++;
    this.entries.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close();
  }
}
