import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { demoUsers } from './demo-users.js';
import { hashPassword } from './password.js';
import { User } from './user.entity.js';

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
}
