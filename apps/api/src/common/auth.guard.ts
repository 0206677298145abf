import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { isJourneyId, PassageError } from '@passage/contracts';
import { AuthenticationError, type Caller, type Principal, type TokenVerifier } from '@passage/auth';
import { PresenceProofs } from '@passage/journeys';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './caller';
import { RateLimits } from './rate-limits';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** Counter staff act for a citizen under a presence proof, named in this header (ADR 0010). */
export const PRESENCE_HEADER = 'passage-presence';
/** What clerks once asserted, unproven: refused with a sentence that says what to do instead. */
const ASSERTED_PRESENCE_HEADERS = ['passage-subject-present', 'passage-channel'];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every route needs a valid bearer token unless marked public. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('presence');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly presence: PresenceProofs,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const address = request.socket.remoteAddress ?? 'unknown';
    await this.limits.checkAddress(address);
    try {
      request.caller = await this.authenticate(request, context.switchToHttp().getResponse<Response>());
    } catch (error) {
      // A forged or stale token, or a presence proof that is not the clerk's: both count against the address.
      if (error instanceof AuthenticationError || (error instanceof PassageError && error.code === 'forbidden'))
        await this.limits.failed(address);
      throw error;
    }
    if (WRITES.has(request.method)) await this.limits.write(request.caller.principal.sub);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, response: Response): Promise<Caller> {
    const header = request.headers.authorization;
    // RFC 7235: the scheme is case-insensitive (`bearer`, `BEARER`); the token is the b64token of RFC 6750.
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/i.exec(header) : null;
    if (!match)
      throw new AuthenticationError(
        header ? 'invalid-token' : 'missing-token',
        header ? 'the Authorization header must be "Bearer <token>"' : 'a bearer token is required',
      );
    const principal = await this.verifier.verify(match[1]);
    return this.callerOf(principal, request, response);
  }

  /** The caller, and for a clerk with a valid presence proof the subject present, whose log records the request. */
  private async callerOf(principal: Principal, request: AuthenticatedRequest, response: Response): Promise<Caller> {
    for (const asserted of ASSERTED_PRESENCE_HEADERS) {
      if (request.headers[asserted] !== undefined)
        throw new PassageError(
          'invalid-request',
          `${asserted} is no longer accepted: prove the citizen's presence with POST /api/counter/presence and send ${PRESENCE_HEADER}: <proof id>`,
          `headers.${asserted}`,
        );
    }
    const proofId = request.headers[PRESENCE_HEADER];
    if (proofId === undefined) return { principal };
    if (!principal.roles.includes('counter'))
      throw new PassageError(
        'invalid-request',
        `${PRESENCE_HEADER} is for counter staff`,
        `headers.${PRESENCE_HEADER}`,
      );
    const proof =
      typeof proofId === 'string' && UUID.test(proofId) ? await this.presence.valid(principal, proofId) : undefined;
    if (!proof)
      throw new PassageError(
        'forbidden',
        "the presence proof is unknown, expired, revoked or another clerk's: prove the citizen's presence again",
        `headers.${PRESENCE_HEADER}`,
      );
    // Every request under a proof, whatever its outcome, appears in the citizen's log.
    response.on('finish', () => {
      const action = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
      const id: unknown = request.params?.['id'];
      const journeyId = typeof id === 'string' && isJourneyId(id) ? id : undefined;
      this.presence
        .record(proof.id, action, journeyId, response.statusCode)
        .catch((error: unknown) =>
          this.logger.error(`presence action not recorded: ${error instanceof Error ? error.name : typeof error}`),
        );
    });
    return {
      principal,
      presentSubject: proof.subject,
      assistedChannel: proof.channel,
      presence: { proofId: proof.id, kind: proof.kind },
    };
  }
}
