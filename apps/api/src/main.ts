import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { mountQueueDashboard } from './admin/queue-dashboard.js';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { BootstrapService } from './bootstrap.service.js';
import { DEFAULT_LIMITS, FastReads } from './common/fast-reads.js';
import { AppLogger } from './common/logging.module.js';
import { checkJsonBody, isUpload, MAX_BODY_BYTES, refuseNulInUrl } from './common/request-guards.js';
import { loadConfigOrExit } from './config/config.module.js';
import { HealthService, healthStatus } from './health/health.service.js';
import { exitOnStartupError, installShutdownDeadline, probeServices } from './lifecycle.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ReadCache } from './redis/read-cache.js';
import { serveWeb } from './web/serve-web.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await probeServices({ DATABASE_URL: config.DATABASE_URL, REDIS_URL: config.REDIS_URL });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    // Only JSON is parsed (below): no form or text parser, so no body reaches a handler unchecked.
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.REPS_TRUST_PROXY);
  app.use(refuseNulInUrl);
  // body-parser's own options (Nest's type leaves some out). A challenge upload is not parsed
  // here but in its handler, after the guards (readUploadBody).
  app.useBodyParser('json', {
    limit: MAX_BODY_BYTES,
    inflate: false,
    verify: checkJsonBody,
    type: (req: IncomingMessage) =>
      /^application\/json\b/i.test(req.headers['content-type'] ?? '') && !isUpload(req),
  } as { limit: number });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });

  const openapi = new DocumentBuilder()
    .setTitle('Reps API')
    .setDescription('Challenges, runs, graded submissions, leaderboards and proof of work.')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  await app.get(BootstrapService).prepare();
  mountQueueDashboard(app);
  const servingWeb = serveWeb(app, config.REPS_WEB_DIST);

  // Public reads already answered once, anonymously or to a learner whose session this process
  // holds, are answered again before Express (fast-reads.ts). Health is answered there too, from
  // its once-a-second check (health.service.ts).
  const health = app.get(HealthService);
  new FastReads(
    app.get(ReadCache),
    app.get(MetricsService),
    DEFAULT_LIMITS,
    {
      path: '/api/health',
      answer: async () => {
        const report = await health.report();
        return { status: healthStatus(report), body: report };
      },
    },
    app.get(AuthService),
  ).install(app.getHttpServer());

  app.enableShutdownHooks();
  installShutdownDeadline(config.REPS_SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  app
    .get(AppLogger)
    .log({ event: 'listening', url: `http://${config.HOST}:${config.PORT}`, web: servingWeb });
}

main().catch((error) => exitOnStartupError('api', error));
