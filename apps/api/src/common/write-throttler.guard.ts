import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RepsError } from '@reps/shared';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rate limits apply to writes only (reads are cheap and cached); the key is the signed-in user,
 * else the client address, so one busy classroom behind a NAT is not one user.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<{ method: string }>();
    return SAFE_METHODS.has(req.method) || super.shouldSkip(context);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw new RepsError('too_many_requests', `Too many changes in a short time; try again in ${seconds} s.`);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as { id: string } | undefined;
    return user ? `user:${user.id}` : `ip:${String(req.ip ?? 'unknown')}`;
  }
}
