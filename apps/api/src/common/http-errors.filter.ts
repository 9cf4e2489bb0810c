import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ErrorBody, type ErrorCode, errorMessages, RepsError } from '@reps/shared';
import type { Request, Response } from 'express';

const statusOfCode: Partial<Record<ErrorCode, number>> = {
  invalid_pipeline: 422,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_passed: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  service_unavailable: 503,
};

const codeOfStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation_failed',
  415: 'validation_failed',
  422: 'validation_failed',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * Every error leaves the API as `{ error: { code, message, issues?, requestId } }`. A user's mistake
 * is a 4xx with a message they can act on; only our own faults are 500, logged with the request id.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const { status, body } = this.toBody(exception);
    body.error.requestId = req.id ? String(req.id) : undefined;
    if (status >= 500) {
      this.logger.error({ err: exception, requestId: req.id, path: req.url }, 'request failed');
    }
    if (!res.headersSent) res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof RepsError) {
      const status = statusOfCode[exception.code] ?? 500;
      return {
        status,
        body: { error: { code: exception.code, message: exception.message, issues: exception.issues } },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeOfStatus[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return { status, body: { error: { code, message: message || errorMessages[code] } } };
    }
    // body-parser errors (malformed JSON, payload too large) carry their own 4xx status.
    const status = (exception as { status?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = codeOfStatus[status] ?? 'validation_failed';
      return { status, body: { error: { code, message: (exception as Error).message } } };
    }
    return { status: 500, body: { error: { code: 'internal', message: errorMessages.internal } } };
  }
}
