import { Injectable, type PipeTransform } from '@nestjs/common';
import { isJourneyId, notFound, PassageError } from '@passage/contracts';
import { LANGUAGES, type Language } from '@passage/journey-model';

/*
 * One rule for ids in the path (README, "Using the API"): an id that cannot exist (the wrong shape) answers 404
 * exactly like an id of something the caller may not see, so that the answer is never an oracle. Values in the path
 * or the query (dates, years, numbers, languages) that are malformed answer 400 with their path.
 */

/** A journey id in path position. */
@Injectable()
export class JourneyIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !isJourneyId(value)) throw notFound('journey');
    return value;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID id (mandates) in path position, in its canonical lower-case form. */
export class UuidIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw notFound(this.what);
    return value;
  }
}

/** A published version number in path position: 1, 2, … */
export class VersionPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    if (typeof value !== 'string' || !/^[1-9][0-9]{0,8}$/.test(value)) throw notFound('life-event version');
    return Number(value);
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

/** A positive integer in the query. */
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
