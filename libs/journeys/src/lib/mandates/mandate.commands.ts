import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, Matches } from 'class-validator';
import { EachMatches, IsOptionalNotNull } from '@passage/validation';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** A subject gives an intermediary a mandate for some life events until a date. */
export class GrantMandateCommand {
  @ApiProperty({ description: 'pseudonymous id of the intermediary (accountant, notary, guardian, caregiver)' })
  @IsString()
  @Matches(SUBJECT, { message: 'intermediary must be a pseudonymous id' })
  intermediary!: string;

  @ApiProperty({ type: [String], example: ['start-business'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @EachMatches(KEBAB, 'each life event must be a life-event id', 80)
  lifeEvents!: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  validUntil!: string;
}
