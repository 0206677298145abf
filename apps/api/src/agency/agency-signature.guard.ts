import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AgencyCallbacks } from '@passage/agency-gateway';
import type { AgencyCallbackEntity } from '@passage/persistence';
import { rawCallbackBodyOf } from './raw-body';

export interface SignedCallbackRequest extends Request {
  agencyCallback?: AgencyCallbackEntity;
}

/**
 * Authenticates an agency callback before anything else reads it (idempotency store, body validation): the token
 * must be known (404) and the body signed by that token's agency with a fresh nonce (401).
 */
@Injectable()
export class AgencySignatureGuard implements CanActivate {
  constructor(private readonly callbacks: AgencyCallbacks) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedCallbackRequest>();
    request.agencyCallback = await this.callbacks.authenticate(
      String(request.params['token']),
      rawCallbackBodyOf(request),
      request.headers,
    );
    return true;
  }
}
