import { Injectable, type PipeTransform } from '@nestjs/common';
import { isJourneyId, PassageError } from '@passage/contracts';
import { LANGUAGES, type Language } from '@passage/journey-model';

/** A journey id in path position: malformed ids are refused with their path (they reveal nothing). */
@Injectable()
export class JourneyIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !isJourneyId(value))
      throw new PassageError('invalid-request', 'id must be a journey id (journey-<life-event>-<uuid>)', 'id');
    return value;
  }
}

/** `?lang=nl|en|fr`, optional. */
@Injectable()
export class LanguagePipe implements PipeTransform<unknown, Language | undefined> {
  transform(value: unknown): Language | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(LANGUAGES as readonly string[]).includes(value))
      throw new PassageError('invalid-request', 'lang must be nl, en or fr', 'query.lang');
    return value as Language;
  }
}

/** A positive integer in path position (versions, years). */
@Injectable()
export class PositiveIntPipe implements PipeTransform<unknown, number> {
  constructor(private readonly name: string) {}

  transform(value: unknown): number {
    const number = typeof value === 'string' && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number))
      throw new PassageError('invalid-request', `${this.name} must be a positive whole number`, this.name);
    return number;
  }
}
