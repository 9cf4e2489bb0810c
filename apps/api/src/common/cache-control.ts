import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

/**
 * Cache-Control for a public read: anonymous answers may be kept by browsers and proxies for
 * `maxAgeSeconds`; answers to a signed-in user are private and revalidated each time. Express
 * adds a weak ETag to every JSON answer and answers a matching If-None-Match with 304, so a
 * revalidation costs no body.
 */
@Injectable()
class CacheControlInterceptor implements NestInterceptor {
  constructor(private readonly maxAgeSeconds: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: unknown }>();
    const res = http.getResponse<Response>();
    res.setHeader(
      'Cache-Control',
      req.user
        ? 'private, no-cache'
        : `public, max-age=${this.maxAgeSeconds}, stale-while-revalidate=${this.maxAgeSeconds}`,
    );
    res.setHeader('Vary', 'Cookie, Authorization');
    return next.handle();
  }
}

/** A public GET whose answer anyone may cache for `maxAgeSeconds` when no one is signed in. */
export const CacheableRead = (maxAgeSeconds: number) =>
  UseInterceptors(new CacheControlInterceptor(maxAgeSeconds));
