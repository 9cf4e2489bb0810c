import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminUserList,
  type AdminUserRow,
  type adminUsersQuerySchema,
  type Config,
  RepsError,
} from '@reps/shared';
import { Repository } from 'typeorm';
import type { z } from 'zod';
import { announceUserChanged } from '../auth/session-cache.js';
import { containsPattern } from '../common/like-pattern.js';
import { CONFIG } from '../config/config.module.js';
import { RedisService } from '../redis/redis.module.js';
import { demoUsers } from './demo-users.js';
import { hashPassword } from './password.js';
import { type Role, User } from './user.entity.js';

type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

/** The one writer of the `users` table (docs/architecture.md, "Who writes which table"). */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly redis: RedisService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Creates the demo accounts when missing; leaves existing ones (and their passwords) alone. */
  async ensureDemoUsers(): Promise<void> {
    for (const demo of demoUsers) {
      const existing = await this.users.findOne({ where: { email: demo.email } });
      if (existing) continue;
      const passwordHash = await hashPassword(demo.password);
      await this.users
        .createQueryBuilder()
        .insert()
        .values({
          email: demo.email,
          handle: demo.handle,
          displayName: demo.displayName,
          passwordHash,
          role: demo.role,
        })
        .orIgnore()
        .execute();
      this.logger.log({ event: 'demo_user_created', handle: demo.handle });
    }
  }

  /** A new account; a taken email or handle fails on the table's unique index (the caller says which). */
  create(fields: Pick<User, 'email' | 'handle' | 'displayName' | 'passwordHash' | 'role'>): Promise<User> {
    return this.users.save(this.users.create(fields));
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update(id, { passwordHash });
  }

  /** An admin changes someone else's role; their own is refused (another admin must change it). */
  async setRole(adminId: string, id: string, role: Role): Promise<{ id: string; role: Role }> {
    if (id === adminId)
      throw new RepsError('validation_failed', 'Admins cannot change their own role; ask another admin.');
    const result = await this.users.update(id, { role });
    if (!result.affected) throw new RepsError('not_found', 'No such user.');
    // Signed-in requests resolve the user from memory (auth/session-cache.ts): the new role counts at once.
    await announceUserChanged(this.redis.client, this.config, id).catch((error: Error) =>
      this.logger.warn({ event: 'announce_failed', userId: id, error: error.message }),
    );
    return { id, role };
  }

  /** Users for the admins' list, newest first, searched by email or handle, with their submission counts. */
  async list(query: AdminUsersQuery): Promise<AdminUserList> {
    const match = '$1::text IS NULL OR u.email ILIKE $1 OR u.handle ILIKE $1';
    const [{ total }] = await this.users.query(`SELECT count(*)::int AS total FROM users u WHERE ${match}`, [
      containsPattern(query.q),
    ]);
    const rows: Record<string, unknown>[] = await this.users.query(
      `SELECT u.id, u.email, u.handle, u.display_name, u.role, u.created_at,
              (SELECT count(*)::int FROM submissions s WHERE s.user_id = u.id) AS submissions
         FROM users u
        WHERE ${match}
        ORDER BY u.created_at DESC LIMIT $2 OFFSET $3`,
      [containsPattern(query.q), query.limit, query.offset],
    );
    return {
      total,
      items: rows.map((r) => ({ ...r, created_at: (r.created_at as Date).toISOString() }) as AdminUserRow),
    };
  }
}
