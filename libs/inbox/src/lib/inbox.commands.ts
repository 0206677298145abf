import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Type } from 'class-transformer';
import type { DataItems } from '@passage/journey-model';
import { EachMatches, IsDataItems, IsOptionalNotNull, MAX_ITEM_NAME, MultilineText } from '@passage/validation';

/** Claiming a task: a task another staff member holds is taken over only when asked explicitly. */
export class ClaimTaskCommand {
  @ApiPropertyOptional({
    description: 'take the task over from the colleague who holds it (recorded in the audit log)',
  })
  @IsOptional()
  @IsBoolean()
  takeOver?: boolean;
}

/** The decision of agency staff on a task in their inbox. */
export class DecideTaskCommand {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  outcome!: 'approved' | 'rejected';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the data items the step produces' })
  @IsOptionalNotNull()
  @IsDataItems()
  outputs?: DataItems;

  @ApiPropertyOptional({ maxLength: 1000, description: 'required when rejected: the reason the subject will read' })
  @ValidateIf((command: DecideTaskCommand) => command.outcome === 'rejected' || command.reason !== undefined)
  @IsString()
  @MaxLength(1000)
  @MultilineText()
  reason?: string;
}

/** Ask the subject for specific data items; the statutory term is suspended until they answer. */
export class RequestInfoCommand {
  @ApiProperty({ type: [String], example: ['person.address'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @EachMatches(
    /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/,
    'each item must be a data item name (like person.address)',
    MAX_ITEM_NAME,
  )
  items!: string[];
}

/** Filters and paging of the inbox (query string). */
export class InboxQuery {
  @IsOptional()
  @IsIn(['open', 'awaiting-subject', 'decided', 'cancelled'])
  status?: 'open' | 'awaiting-subject' | 'decided' | 'cancelled';

  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'lifeEvent must be a life-event id' })
  lifeEvent?: string;

  @IsOptional()
  @IsBooleanString()
  overdue?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
