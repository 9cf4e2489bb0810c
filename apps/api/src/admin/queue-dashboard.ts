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

type RenderFile = (path: string, options: object, done: (error: Error | null, html?: string) => void) => void;

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The dashboard's page links web fonts from fonts.googleapis.com; an admin's browser would tell
 * Google about every visit, and offline it waits on them. Elements that load something from an
 * absolute http(s) or protocol-relative address are dropped; the dashboard's CSS falls back to the
 * system fonts.
 */
export function withoutExternalAssets(html: string): string {
  return html.replace(
    /<(link|script|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*["']?(?:https?:)?\/\/[^>]*>(?:\s*<\/\1>)?\s*/gi,
    '',
  );
}

/** Only the dashboard's own origin: what the markup does not name, the browser would not load either. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The page's loading placeholder and the UI's components use inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

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
  // The entry page is rendered by @bull-board's own Express app (EJS): wrap its engine so the page
  // it renders names no outside origin.
  const board = adapter.getRouter() as unknown as {
    engines: Record<string, RenderFile | undefined>;
    engine: (ext: string, fn: RenderFile) => unknown;
  };
  const render = board.engines['.ejs'];
  if (!render) throw new Error('the queue dashboard has no EJS engine to wrap');
  const ownAssetsPage: RenderFile = (path, options, done) =>
    render(path, options, (error, html) =>
      done(error, html === undefined ? html : withoutExternalAssets(html)),
    );
  board.engine('ejs', ownAssetsPage);
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
  const ownAssetsOnly = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, ownAssetsOnly, adapter.getRouter());
}
