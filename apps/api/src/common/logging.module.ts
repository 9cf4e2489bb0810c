import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Inject,
  Injectable,
  type LoggerService,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import type { Config } from '@reps/shared';
import type { LevelWithSilent, Logger as Pino } from 'pino';
import { type HttpLogger, pinoHttp } from 'pino-http';
import { CONFIG } from '../config/config.module.js';

const QUIET_PATHS = ['/api/health', '/metrics'];

/** The one pino-http instance of the process; its `.logger` is the root every line goes through. */
const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/** The current request's logger (a child of the root that carries the request), while one is handled. */
const requestLogger = new AsyncLocalStorage<Pino>();

/** A request's id: the caller's x-request-id when it is a plain token, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

function createHttpLogger(config: Config): HttpLogger {
  return pinoHttp<IncomingMessage, ServerResponse, never>({
    level: config.LOG_LEVEL,
    transport: config.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => req.url?.startsWith(p)) },
    // Successful reads are the bulk of the traffic and say little: logged at debug (skipped, and
    // never serialized, at the default info level). Writes, client errors and failures stay.
    customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return req.method === 'GET' || req.method === 'HEAD' ? 'debug' : 'info';
    },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
  });
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger (`app.useLogger`) writing through pino: `new Logger('Grading').log({ event: 'graded' })`
 * is one line `{"level":30,"context":"Grading","event":"graded",…}`, carrying the request when it is
 * written while one is handled. Nest passes the context as the last argument; an object message is
 * merged into the line, an Error becomes `err`, and the arguments between are pino's message and its
 * format arguments.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.http.logger;
    const emit = logger[level].bind(logger) as (fields: object, ...args: unknown[]) => void;
    const fields: Record<string, unknown> = {};
    const args = params.slice(0, -1);
    if (params.length > 0) fields.context = params.at(-1);
    if (message instanceof Error) emit({ ...fields, err: message }, ...args);
    else if (typeof message === 'object' && message !== null) emit({ ...fields, ...message }, ...args);
    else if (level === 'error' && isStack(args)) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(String(message));
      err.stack = args[0];
      emit({ ...fields, err });
    } else emit(fields, message, ...args);
  }
}

function isStack(args: unknown[]): args is [string] {
  return args.length === 1 && typeof args[0] === 'string' && /\n\s*at /.test(args[0]);
}

function bindRequestLogger(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  requestLogger.run(req.log, next);
}

/**
 * Structured logs (pino), one event per line; every request gets an id, echoed as x-request-id. The
 * API and the worker both log through AppLogger; only the API has requests.
 */
@Module({
  providers: [{ provide: HTTP_LOGGER, inject: [CONFIG], useFactory: createHttpLogger }, AppLogger],
  exports: [AppLogger],
})
export class LoggingModule implements NestModule {
  constructor(
    @Inject(HTTP_LOGGER) private readonly http: HttpLogger,
    private readonly app: ApplicationConfig,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    // Every route under the global prefix, the prefix itself included: `{/*splat}` (no leading slash)
    // is joined as `/api{/*splat}`. Paths excluded from the prefix (/metrics) are listed on their own.
    const excluded = (this.app.getGlobalPrefixOptions().exclude ?? []).map(({ path, requestMethod }) => ({
      path,
      method: requestMethod,
    }));
    consumer
      .apply(this.http, bindRequestLogger)
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL }, ...excluded);
  }
}
