import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Config } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { CatalogueLoader } from './challenges/catalogue-loader.js';
import { CONFIG } from './config/config.module.js';
import { migrate } from './database/migrate.js';
import { UsersService } from './users/users.service.js';

/** What the API does once before it listens: migrate, seed, load the catalogue. Safe on every start. */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersService,
    private readonly catalogue: CatalogueLoader,
  ) {}

  async prepare(): Promise<void> {
    const applied = await migrate(this.dataSource);
    this.logger.log({ event: 'migrated', applied });
    if (this.config.REPS_SEED_DEMO) await this.users.ensureDemoUsers();
    for (const dir of this.config.REPS_CHALLENGES_DIR.split(':').filter(Boolean))
      await this.catalogue.loadDirectory(dir);
  }
}
