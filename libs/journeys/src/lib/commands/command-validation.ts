import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { PassageError } from '@passage/contracts';

/** The path of the first failing field, e.g. `intake.person.address` or `items[2]`. */
function firstFailure(errors: readonly ValidationError[], prefix = ''): { path: string; message: string } | undefined {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [message] = Object.values(error.constraints);
      return { path, message: message ?? `${path} is invalid` };
    }
    const nested = firstFailure(error.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}

export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * Builds a command from untrusted input and validates it with its class-validator rules, the same rules whether
 * the input comes from HTTP, the CLI or a test. The first failure becomes a `PassageError` with its field path.
 */
export function createCommand<T extends object>(type: ClassConstructor<T>, input: unknown, pathPrefix?: 'query'): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new PassageError('invalid-request', 'the body must be a JSON object');
  const command = plainToInstance(type, input, { enableImplicitConversion: false });
  const failure = firstFailure(validateSync(command, VALIDATION_OPTIONS), pathPrefix);
  if (failure) throw new PassageError('invalid-request', failure.message, failure.path);
  return command;
}

export { firstFailure };
