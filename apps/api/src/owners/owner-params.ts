import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound, PassageError } from '@passage/contracts';
import { isIsoDate, type IsoDate } from '@passage/journey-model';
import type { Caller } from '@passage/auth';

/** Process-owner staff see their own owner's reports, admins every owner's; for anyone else they do not exist. */
export function requireOwnerAccess(caller: Caller, owner: string): void {
  const { roles, owner: claim } = caller.principal;
  if (roles.includes('admin') || (roles.includes('owner') && claim === owner)) return;
  throw notFound('owner');
}

/** An optional `YYYY-MM-DD` date in the query. */
@Injectable()
export class IsoDatePipe implements PipeTransform<unknown, IsoDate | undefined> {
  constructor(private readonly path: string) {}

  transform(value: unknown): IsoDate | undefined {
    if (value === undefined) return undefined;
    if (!isIsoDate(value))
      throw new PassageError(
        'invalid-request',
        `${this.path.replace('query.', '')} must be a date (YYYY-MM-DD)`,
        this.path,
      );
    return value;
  }
}

/** A report year: reports cover 2000 to 2100 (a bound that keeps dates computable). */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number | undefined> {
  constructor(private readonly path: string) {}

  transform(value: unknown): number | undefined {
    if (value === undefined && this.path.startsWith('query.')) return undefined;
    const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2000 && year <= 2100))
      throw new PassageError('invalid-request', 'year must be a year from 2000 to 2100', this.path);
    return year;
  }
}
