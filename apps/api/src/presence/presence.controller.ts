import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PassageError } from '@passage/contracts';
import { AuthenticationError, type Caller, type TokenVerifier } from '@passage/auth';
import { PresenceProofs, ProvePresenceCommand } from '@passage/journeys';
import { TOKEN_VERIFIER } from '../common/auth.guard';
import { CurrentCaller } from '../common/caller';
import { SkipIdempotency } from '../common/idempotency.interceptor';
import { UuidIdPipe } from '../common/params';
import { RateLimits } from '../common/rate-limits';
import { RolesOrNotFound } from '../common/roles.guard';

/** The counter application's client at the identity provider (`PASSAGE_COUNTER_CLIENT_ID`). */
export const COUNTER_CLIENT_ID = Symbol('CounterClientId');

/** Counter staff prove that the citizen they serve is present (ADR 0010). */
@ApiTags('counter')
@ApiBearerAuth()
@Controller('api/counter/presence')
@UseGuards(RolesOrNotFound('counter'))
export class CounterPresenceController {
  constructor(
    private readonly presence: PresenceProofs,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(COUNTER_CLIENT_ID) private readonly counterClientId: string,
    private readonly limits: RateLimits,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Prove the citizen's presence: at the counter with their fresh sign-in to the counter client (idToken, 30 min), on the phone with the code they read out (subject and code, 15 min). Send the proof's id as Passage-Presence.",
  })
  @ApiResponse({ status: 403, description: 'the sign-in or the code does not prove presence (code forbidden)' })
  async prove(@CurrentCaller() caller: Caller, @Body() body: ProvePresenceCommand, @Req() request: Request) {
    try {
      return await this.proof(caller, body);
    } catch (error) {
      // Wrong evidence counts as a failed authentication: nine digits cannot be walked from one address.
      if (error instanceof PassageError && error.code === 'forbidden')
        await this.limits.failed(request.socket.remoteAddress ?? 'unknown');
      throw error;
    }
  }

  private async proof(caller: Caller, body: ProvePresenceCommand) {
    if (body.idToken !== undefined && (body.subject !== undefined || body.code !== undefined))
      throw new PassageError(
        'invalid-request',
        'give idToken (counter) or subject and code (phone), not both',
        'idToken',
      );
    if (body.idToken === undefined)
      return this.presence.proveByPhone(caller.principal, body.subject as string, body.code as string);
    const subject = await this.verifier.verifyPresence(body.idToken, this.counterClientId).catch((error: unknown) => {
      if (error instanceof AuthenticationError)
        throw new PassageError(
          'forbidden',
          `the citizen's sign-in does not prove presence: ${error.message}`,
          'idToken',
        );
      throw error;
    });
    return this.presence.proveAtCounter(caller.principal, subject, body.idToken);
  }
}

/** A citizen's side of presence: codes to read out on the phone, and the proofs clerks hold, revocable. */
@ApiTags('counter')
@ApiBearerAuth()
@Controller('api/me')
@UseGuards(RolesOrNotFound('citizen'))
export class MyPresenceController {
  constructor(private readonly presence: PresenceProofs) {}

  @Post('presence-codes')
  @HttpCode(201)
  // The answer holds the code itself: it is shown once and never kept (a retry makes another code).
  @SkipIdempotency()
  @ApiOperation({
    summary: 'A one-time nine-digit code to read out to a clerk on the phone (15 minutes, at most 3 open)',
  })
  createCode(@CurrentCaller() caller: Caller) {
    return this.presence.createPhoneCode(caller.principal.sub);
  }

  @Get('presence')
  @ApiOperation({ summary: 'Every presence proof clerks obtained for you, and every action they took under it' })
  list(@CurrentCaller() caller: Caller) {
    return this.presence.list(caller.principal.sub);
  }

  @Delete('presence/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a presence proof now: the clerk can no longer act for you with it' })
  async revoke(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidIdPipe('presence proof')) id: string,
  ): Promise<void> {
    await this.presence.revoke(caller.principal.sub, id);
  }
}
