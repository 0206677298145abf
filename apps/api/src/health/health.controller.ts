import { Controller, Get, Header, Headers, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { postgresPool, ProjectionQuarantineStore } from '@passage/persistence';
import { Public } from '../common/caller';
import { describeEngineWorkers, type EngineWorkers } from './engine-workers';
import { ApiMetrics } from './metrics';
import { METRICS_ACCESS, requireMetricsAccess, type MetricsAccess } from './metrics-access';

/** Every check of readiness answers within this bound, or counts as down. */
const CHECK_TIMEOUT_MS = 2000;

function withinBound<T>(check: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withinBound(check);
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
    @Inject(METRICS_ACCESS) private readonly metricsAccess: MetricsAccess,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is alive' })
  live() {
    return { status: 'up' };
  }

  @Get('health/ready')
  @ApiOperation({
    summary: 'Journeys can progress: PostgreSQL and Temporal answer, and a worker polls the engine queue (503 if not)',
  })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [temporal, postgres, engineWorkers, quarantined] = await Promise.all([
      probe(() => this.temporal.workflowService.getSystemInfo({})),
      probe(() => this.dataSource.query('SELECT 1')),
      withinBound(() => describeEngineWorkers(this.temporal)).catch(() => undefined),
      // Journeys whose read model stopped following them: operators repair them; journeys still progress.
      withinBound(() => new ProjectionQuarantineStore(postgresPool(this.dataSource)).countOpen()).catch(
        () => undefined,
      ),
    ]);
    const workers: EngineWorkers['status'] = engineWorkers?.status ?? 'down';
    const status = temporal === 'up' && postgres === 'up' && workers === 'up' ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503);
    return {
      status,
      checks: { temporal, postgres, engineWorkers: workers },
      details: {
        ...(engineWorkers && { engineWorkers }),
        ...(quarantined !== undefined && { projectionQuarantine: { open: quarantined } }),
      },
    };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    requireMetricsAccess(this.metricsAccess, authorization);
    return this.metrics.registry.metrics();
  }
}
