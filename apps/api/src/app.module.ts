import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Config } from '@reps/shared';
import { AdminHttpModule } from './admin/admin-http.module.js';
import { AttemptsHttpModule } from './attempts/attempts-http.module.js';
import { AuthHttpModule } from './auth/auth-http.module.js';
import { BootstrapService } from './bootstrap.service.js';
import { ChallengesModule } from './challenges/challenges.module.js';
import { ChallengesHttpModule } from './challenges/challenges-http.module.js';
import { CohortsHttpModule } from './cohorts/cohorts-http.module.js';
import { HttpErrorsFilter } from './common/http-errors.filter.js';
import { LoggingModule } from './common/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthHttpModule } from './health/health-http.module.js';
import { InstructorHttpModule } from './instructor/instructor-http.module.js';
import { QueueModule } from './jobs/queue.module.js';
import { LeaderboardsHttpModule } from './leaderboards/leaderboards-http.module.js';
import { MetricsHttpModule } from './metrics/metrics-http.module.js';
import { ModelKeysHttpModule } from './model-keys/model-keys-http.module.js';
import { ProfilesHttpModule } from './profiles/profiles-http.module.js';
import { ProgressHttpModule } from './progress/progress-http.module.js';
import { RedisModule } from './redis/redis.module.js';
import { RunsHttpModule } from './runs/runs-http.module.js';
import { SkillsHttpModule } from './skills/skills-http.module.js';
import { SolutionsHttpModule } from './solutions/solutions-http.module.js';
import { SubmissionsHttpModule } from './submissions/submissions-http.module.js';
import { UsersModule } from './users/users.module.js';

/**
 * The HTTP API (main.ts): infrastructure, then every feature's HTTP module (docs/architecture.md,
 * "Modules"). A feature's core module comes in through the HTTP modules that import it.
 */
@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        MetricsHttpModule,
        HealthHttpModule,
        AuthHttpModule,
        ModelKeysHttpModule,
        SkillsHttpModule,
        ChallengesHttpModule,
        RunsHttpModule,
        SubmissionsHttpModule,
        AttemptsHttpModule,
        LeaderboardsHttpModule,
        ProfilesHttpModule,
        ProgressHttpModule,
        SolutionsHttpModule,
        CohortsHttpModule,
        InstructorHttpModule,
        AdminHttpModule,
        // What BootstrapService uses: the demo accounts and the catalogue.
        UsersModule,
        ChallengesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorsFilter }, BootstrapService],
    };
  }
}
