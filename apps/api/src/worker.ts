import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from './common/logging.module.js';
import { loadConfigOrExit } from './config/config.module.js';
import { workerConcurrency } from './grading/isolation-limits.js';
import { exitOnStartupError, installShutdownDeadline, probeServices } from './lifecycle.js';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await probeServices({ DATABASE_URL: config.DATABASE_URL, REDIS_URL: config.REDIS_URL });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  installShutdownDeadline(config.REPS_SHUTDOWN_TIMEOUT_MS);
  await app.init();
  app.get(AppLogger).log({ event: 'worker_ready', pid: process.pid, concurrency: workerConcurrency(config) });
}

main().catch((error) => exitOnStartupError('worker', error));
