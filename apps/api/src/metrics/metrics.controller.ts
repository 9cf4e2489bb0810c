import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Config, RepsError } from '@reps/shared';
import type { Request } from 'express';
import { OwnCredentials } from '../auth/auth.decorators.js';
import { CONFIG } from '../config/config.module.js';
import { MetricsService } from './metrics.service.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus metrics, for the operator only: with REPS_METRICS_TOKEN set, for a scraper that sends
 * it as a bearer token; without one, for callers on the same host. Anyone else sees no such route.
 * Behind a reverse proxy on the same host every connection comes from loopback, so with
 * REPS_TRUST_PROXY set the client address Express derives from X-Forwarded-For must be loopback
 * too (and the connection still must, so a client that reaches the port directly cannot claim it).
 */
@ApiExcludeController()
@OwnCredentials()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  get(@Req() req: Request): Promise<string> {
    if (!this.allowed(req)) throw new RepsError('not_found', 'No such route.');
    return this.metrics.registry.metrics();
  }

  private allowed(req: Request): boolean {
    const token = this.config.REPS_METRICS_TOKEN;
    if (!token) {
      const connection = LOOPBACK.has(req.socket.remoteAddress ?? '');
      return connection && (this.config.REPS_TRUST_PROXY === 0 || LOOPBACK.has(req.ip ?? ''));
    }
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
