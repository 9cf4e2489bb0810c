import { type DynamicModule, Module } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { LoggingModule } from './common/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { GradingWorkerModule } from './grading/grading-worker.module.js';
import { InstructorWorkerModule } from './instructor/instructor-worker.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { QueueModule } from './jobs/queue.module.js';
import { RedisModule } from './redis/redis.module.js';
import { PingJob } from './system/ping.job.js';
import { SystemProcessor } from './system/system.processor.js';

/**
 * The worker (worker.ts): no HTTP, BullMQ processors only. Infrastructure, then every feature's
 * worker module, which imports the core modules it needs (never an HTTP module).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        JobsModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        GradingWorkerModule,
        InstructorWorkerModule,
      ],
      providers: [SystemProcessor, PingJob],
    };
  }
}
