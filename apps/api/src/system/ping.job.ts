import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';

@Injectable()
@JobHandler('system.ping')
export class PingJob implements JobHandlerInstance {
  async handle(): Promise<{ pid: number; host: string; at: string }> {
    return { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  }
}
