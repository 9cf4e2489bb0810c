import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

const API_PATHS = /^\/(api|metrics)(\/|$)/;

/**
 * Serves the built web app from the same origin as the API: hashed assets cached for a year,
 * index.html for every other GET that accepts HTML (client-side routes). Returns false when there
 * is no build to serve.
 */
export function serveWeb(app: INestApplication, dist: string): boolean {
  const root = resolve(dist);
  const index = join(root, 'index.html');
  if (!dist || !existsSync(index)) return false;
  app.use(
    '/assets',
    express.static(join(root, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
