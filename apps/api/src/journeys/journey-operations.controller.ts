import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PassageError, type MessageReceipt } from '@passage/contracts';
import { StepRetries } from '@passage/journeys';
import type { Caller } from '@passage/auth';
import { CurrentCaller, type AuthenticatedRequest } from '../common/caller';
import { idempotencyKeyOf } from '../common/idempotency.interceptor';
import { JourneyIdPipe } from '../common/params';
import { RolesOrNotFound } from '../common/roles.guard';

const STEP_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** What process owners and administrators do to a journey that is stuck: retry a failed step (audited). */
@ApiTags('journey operations')
@ApiBearerAuth()
@UseGuards(RolesOrNotFound('owner', 'admin'))
@Controller('api/journeys')
export class JourneyOperationsController {
  constructor(private readonly retries: StepRetries) {}

  @Post(':id/steps/:step/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: "Retry a failed step as a new attempt (owners: their owner's journeys; admins: any); audited",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 409, description: '`step-not-failed`: the step has not failed (nothing to retry)' })
  retryStep(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Param('step') step: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<MessageReceipt> {
    if (!STEP_ID.test(step)) throw new PassageError('invalid-request', 'step must be a step id', 'step');
    const { principal } = caller;
    const operator = principal.roles.includes('admin')
      ? { id: principal.sub, role: 'admin' as const }
      : { id: principal.sub, role: 'owner' as const, owner: principal.owner };
    return this.retries.retry(operator, id, step, idempotencyKeyOf(request));
  }
}
