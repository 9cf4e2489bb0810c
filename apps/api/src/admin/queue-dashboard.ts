import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { readCookie, SESSION_COOKIE } from '../auth/tokens.js';
import { QUEUES } from '../jobs/job-names.js';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The BullMQ dashboard (@bull-board) for admins: every queue's jobs, their states and errors, with
 * retry and clean actions. It is an Express app of its own, so it checks the session itself.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Reps queues' } },
  });
  const auth = app.get(AuthService);
  const adminOnly = async (req: Request, res: Response, next: NextFunction) => {
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = session ? await auth.resolve(session, 'session').catch(() => undefined) : undefined;
    if (user?.role === 'admin') return next();
    res.status(user ? 403 : 401).json({
      error: {
        code: user ? 'forbidden' : 'unauthenticated',
        message: user ? 'The queue dashboard is for admins.' : 'Sign in as an admin first.',
      },
    });
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, adapter.getRouter());
}
