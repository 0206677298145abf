import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { Checked, IsOptionalNotNull } from '@passage/validation';

/** The most journeys one simulation may draw over HTTP: about a second of one API process's time. */
export const MAX_SIMULATED_JOURNEYS = 100_000;
export const DEFAULT_SIMULATED_JOURNEYS = 10_000;

const STEP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ITEM = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const MAX_KEYS = 100;
const MAX_KEY_LENGTH = 120;

/** The problem with a map of names to numbers, or undefined. */
function numberMapProblem(
  value: unknown,
  key: RegExp,
  keyKind: string,
  range: { min: number; max: number },
): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value);
  if (entries.length > MAX_KEYS) return `must hold at most ${MAX_KEYS} entries`;
  for (const [name, number] of entries) {
    if (name.length > MAX_KEY_LENGTH || !key.test(name)) return `"${name.slice(0, 60)}" is not ${keyKind}`;
    if (typeof number !== 'number' || !Number.isFinite(number) || number < range.min || number > range.max)
      return `${name} must be a number from ${range.min} to ${range.max}`;
  }
  return undefined;
}

function distributionsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value);
  if (entries.length > MAX_KEYS) return `must hold at most ${MAX_KEYS} data items`;
  for (const [item, distribution] of entries) {
    if (item.length > MAX_KEY_LENGTH || !ITEM.test(item))
      return `"${item.slice(0, 60)}" is not a data item name (like business.sector)`;
    const problem = numberMapProblem(distribution, /^[^\s]{1,120}$/, 'a value', { min: 0, max: 1_000_000 });
    if (problem) return `${item}: ${problem}`;
    if (Object.values(distribution as Record<string, number>).reduce((sum, p) => sum + p, 0) <= 0)
      return `${item}: the weights must add up to more than 0`;
  }
  return undefined;
}

/** A Monte Carlo simulation of a published version; observed durations come from the read model. */
export class SimulateLifeEventCommand {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SIMULATED_JOURNEYS, default: DEFAULT_SIMULATED_JOURNEYS })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_SIMULATED_JOURNEYS)
  journeys?: number;

  @ApiPropertyOptional({ description: 'the same seed gives the same result (a 32-bit unsigned integer)', default: 1 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(0xffff_ffff)
  seed?: number;

  @ApiPropertyOptional({ description: 'journeys per month, to report the load per agency' })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000_000)
  monthlyVolume?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    example: { 'business.legalForm': { 'sole-trader': 7, company: 3 } },
    description: 'for data items that conditions read: value → weight',
  })
  @IsOptionalNotNull()
  @Checked('isDistributions', distributionsProblem)
  itemDistributions?: Record<string, Record<string, number>>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
    example: { 'kbo-registration': 0.02 },
  })
  @IsOptionalNotNull()
  @Checked('isRates', (value) => numberMapProblem(value, STEP_ID, 'a step id', { min: 0, max: 1 }))
  rejectionRates?: Record<string, number>;
}
