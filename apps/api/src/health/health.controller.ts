import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { type HealthReport, HealthService, healthStatus } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Reports Postgres and Redis; 503 names the service that is down.' })
  @ApiResponse({ status: 200, description: 'Both services are up.' })
  @ApiResponse({ status: 503, description: 'A service is down; `down` names it.' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(healthStatus(report));
    return report;
  }
}
