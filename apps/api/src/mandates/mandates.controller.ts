import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, PassageError } from '@passage/contracts';
import { GrantMandateCommand, Mandates } from '@passage/journeys';
import type { Caller } from '@passage/auth';
import type { MandateEntity } from '@passage/persistence';
import { CurrentCaller } from '../common/caller';
import { UuidIdPipe } from '../common/params';

const MAX_MANDATE_MS = 5 * 366 * 86_400_000;

function view(mandate: MandateEntity) {
  return {
    id: mandate.id,
    subject: mandate.subject,
    intermediary: mandate.intermediary,
    lifeEvents: mandate.lifeEvents,
    validFrom: mandate.validFrom.toISOString(),
    validUntil: mandate.validUntil.toISOString(),
    revokedAt: mandate.revokedAt?.toISOString(),
  };
}

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('api/mandates')
export class MandatesController {
  constructor(private readonly mandates: Mandates) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Give an intermediary a mandate for some life events (subjects only)' })
  async grant(@CurrentCaller() caller: Caller, @Body() body: GrantMandateCommand) {
    const subject = this.subjectOf(caller);
    const validFrom = body.validFrom ? new Date(body.validFrom) : new Date();
    const validUntil = new Date(body.validUntil);
    if (validUntil <= validFrom || validUntil.getTime() <= Date.now())
      throw new PassageError('invalid-request', 'validUntil must be in the future and after validFrom', 'validUntil');
    if (validUntil.getTime() - validFrom.getTime() > MAX_MANDATE_MS)
      throw new PassageError('invalid-request', 'a mandate lasts at most five years', 'validUntil');
    if (body.intermediary === subject)
      throw new PassageError('invalid-request', 'a mandate is given to someone else', 'intermediary');
    return view(
      await this.mandates.grant(subject, {
        intermediary: body.intermediary,
        lifeEvents: body.lifeEvents,
        validFrom,
        validUntil,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Mandates you gave (as a subject) or received (as an intermediary)' })
  async list(@CurrentCaller() caller: Caller) {
    const { principal } = caller;
    const given = principal.roles.includes('citizen') ? await this.mandates.listForSubject(principal.sub) : [];
    const received = principal.roles.includes('intermediary')
      ? await this.mandates.listForIntermediary(principal.sub)
      : [];
    return { given: given.map(view), received: received.map(view) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a mandate you gave' })
  async revoke(@CurrentCaller() caller: Caller, @Param('id', new UuidIdPipe('mandate')) id: string): Promise<void> {
    await this.mandates.revoke(this.subjectOf(caller), id);
  }

  private subjectOf(caller: Caller): string {
    if (!caller.principal.roles.includes('citizen')) throw notFound('mandate');
    return caller.principal.sub;
  }
}
