import { Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { notFound, type Role } from '@passage/contracts';
import type { AuthenticatedRequest } from './caller';

/**
 * A guard that lets only callers with one of these roles reach a route; for anyone else the route does not exist
 * (404). Guards run before body validation, so a refused caller learns nothing from a malformed body either. The
 * services still check object-level access themselves.
 */
export function RolesOrNotFound(...roles: readonly Role[]): Type<CanActivate> {
  @Injectable()
  class RolesGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
      if (!caller?.principal.roles.some((role) => roles.includes(role))) throw notFound('route');
      return true;
    }
  }
  return RolesGuard;
}
