import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

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
  @Matches(KEBAB, { each: true, message: 'each life event must be a life-event id' })
  lifeEvents!: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  validUntil!: string;
}
