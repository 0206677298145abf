import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PassageError } from '@passage/contracts';
import { AuthenticationError, isSubjectId, type TokenVerifier } from '@passage/auth';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './caller';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** Counter staff name the subject in front of them, and the channel, in these headers. */
export const PRESENT_SUBJECT_HEADER = 'passage-subject-present';
export const ASSISTED_CHANNEL_HEADER = 'passage-channel';

/** Every route needs a valid bearer token unless marked public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    // RFC 7235: the scheme is case-insensitive (`bearer`, `BEARER`); the token is the b64token of RFC 6750.
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/i.exec(header) : null;
    if (!match)
      throw new AuthenticationError(
        header ? 'invalid-token' : 'missing-token',
        header ? 'the Authorization header must be "Bearer <token>"' : 'a bearer token is required',
      );
    const principal = await this.verifier.verify(match[1]);
    request.caller = { principal, ...this.assistance(request) };
    return true;
  }

  /** A clerk's declaration of who is present and how; checked here so that nothing malformed reaches a service. */
  private assistance(request: AuthenticatedRequest): {
    presentSubject?: string;
    assistedChannel?: 'counter' | 'phone';
  } {
    const present = request.headers[PRESENT_SUBJECT_HEADER];
    const channel = request.headers[ASSISTED_CHANNEL_HEADER];
    if (present === undefined && channel === undefined) return {};
    if (!isSubjectId(present))
      throw new PassageError(
        'invalid-request',
        `${PRESENT_SUBJECT_HEADER} must be a pseudonymous subject id`,
        `headers.${PRESENT_SUBJECT_HEADER}`,
      );
    if (channel !== 'counter' && channel !== 'phone')
      throw new PassageError(
        'invalid-request',
        `${ASSISTED_CHANNEL_HEADER} must be counter or phone`,
        `headers.${ASSISTED_CHANNEL_HEADER}`,
      );
    return { presentSubject: present, assistedChannel: channel };
  }
}
