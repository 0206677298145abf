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

/** Reports and KPIs cover 2000 to 2100: a bound that keeps every date computable (9999-12-31 would overflow). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** An optional `YYYY-MM-DD` date in the query: a real calendar day from 2000-01-01 to 2100-12-31. */
@Injectable()
export class IsoDatePipe implements PipeTransform<unknown, IsoDate | undefined> {
  constructor(private readonly path: string) {}

  transform(value: unknown): IsoDate | undefined {
    if (value === undefined) return undefined;
    if (!isIsoDate(value) || !(Number(value.slice(0, 4)) >= FIRST_YEAR && Number(value.slice(0, 4)) <= LAST_YEAR))
      throw new PassageError(
        'invalid-request',
        `${this.path.replace('query.', '')} must be a calendar date (YYYY-MM-DD) from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`,
        this.path,
      );
    return value;
  }
}

/** A report or budget year, from 2000 to 2100. */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number | undefined> {
  constructor(private readonly path: string) {}

  transform(value: unknown): number | undefined {
    if (value === undefined && this.path.startsWith('query.')) return undefined;
    const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR))
      throw new PassageError('invalid-request', `year must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`, this.path);
    return year;
  }
}
