import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Config } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { CONFIG } from './config/config.module.js';
import { migrate } from './database/migrate.js';
import { UsersService } from './users/users.service.js';

/** What the API does once before it listens: migrate, then seed. Safe to run on every start. */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersService,
  ) {}

  async prepare(): Promise<void> {
    const applied = await migrate(this.dataSource);
    this.logger.log({ event: 'migrated', applied });
    if (this.config.REPS_SEED_DEMO) await this.users.ensureDemoUsers();
  }
}
