import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RepsError } from '@reps/shared';
import { Repository } from 'typeorm';
import { demoUsers } from './demo-users.js';
import { hashPassword } from './password.js';
import { type Role, User } from './user.entity.js';

/** The one writer of the `users` table (docs/architecture.md, "Who writes which table"). */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

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

  async setRole(id: string, role: Role): Promise<{ id: string; role: Role }> {
    const result = await this.users.update(id, { role });
    if (!result.affected) throw new RepsError('not_found', 'No such user.');
    return { id, role };
  }
}
