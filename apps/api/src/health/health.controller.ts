import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/caller';
import { ApiMetrics } from './metrics';

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return 'up';
  } catch {
    return 'down';
  }
}

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly temporal: Client,
    private readonly dataSource: DataSource,
    private readonly metrics: ApiMetrics,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is alive' })
  live() {
    return { status: 'up' };
  }

  @Get('health/ready')
  @ApiOperation({ summary: 'Temporal and PostgreSQL are reachable' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [temporal, postgres] = await Promise.all([
      probe(() => this.temporal.workflowService.getSystemInfo({})),
      probe(() => this.dataSource.query('SELECT 1')),
    ]);
    const status = temporal === 'up' && postgres === 'up' ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503);
    return { status, checks: { temporal, postgres } };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
