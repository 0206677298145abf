import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '@passage/auth';

/** Routes anyone may call without a token (catalogue, health, docs). */
export const PUBLIC_ROUTE = 'passage:public';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest extends Request {
  caller?: Caller;
}

/** The authenticated caller of this request (set by the auth guard). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('route without authentication asked for the caller');
  return caller;
});
