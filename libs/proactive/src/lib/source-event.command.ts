import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import type { DataItems } from '@passage/journey-model';
import { IsDataItems, IsOptionalNotNull } from '@passage/validation';

/** An event an authentic source reports about a subject, e.g. a birth registered in DABS. */
export class SourceEventCommand {
  @ApiProperty({ example: 'birth-registered', description: 'the event, as life events name it in their trigger' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'event must be an event name such as birth-registered' })
  @MaxLength(80)
  event!: string;

  @ApiProperty({ description: 'pseudonymous id of the subject the event concerns' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, { message: 'subject must be a pseudonymous subject id' })
  subject!: string;

  @ApiProperty({ example: '2026-03-02T08:15:00Z', description: 'when it happened (ISO 8601)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'occurredAt must be a date and time (ISO 8601)' })
  occurredAt!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { 'child.born': true, 'child.birthDate': '2026-03-01' },
  })
  @IsOptionalNotNull()
  @IsDataItems()
  data?: DataItems;
}
