import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CHANNELS, LANGUAGES, type Channel, type DataItems, type Language } from '@passage/journey-model';
import { IsDataItems, IsOptionalNotNull, MultilineText } from '@passage/validation';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** Start one journey of a life event for a subject, with the intake answers not already known. */
export class StartJourneyCommand {
  @ApiProperty({ example: 'start-business', description: 'life-event id' })
  @IsString()
  @Matches(KEBAB, { message: 'lifeEvent must be a life-event id such as start-business' })
  @MaxLength(80)
  lifeEvent!: string;

  @ApiPropertyOptional({
    description: 'pseudonymous subject id; required for intermediaries and counter staff, your own id otherwise',
  })
  @IsOptionalNotNull()
  @IsString()
  @Matches(SUBJECT, { message: 'subject must be a pseudonymous subject id' })
  subject?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { 'business.legalForm': 'sole-trader' },
  })
  @IsDataItems()
  intake!: DataItems;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'defaults to online, or the counter channel of the clerk' })
  @IsOptionalNotNull()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'nl' })
  @IsOptionalNotNull()
  @IsIn(LANGUAGES)
  language?: Language;
}

/** Answer what the journey asks. */
export class ProvideInputsCommand {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { 'business.iban': 'BE68539007547034' },
  })
  @IsDataItems()
  items!: DataItems;
}

export class WithdrawJourneyCommand {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(500)
  @MultilineText()
  reason?: string;
}

const STEP_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export class ResubmitStepCommand {
  @ApiProperty({ example: 'griffie-filing', description: 'the refused step whose refusal allows a resubmission' })
  @IsString()
  @Matches(STEP_ID, { message: 'stepId must be a step id such as griffie-filing' })
  stepId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'new values of items the step needs, answering the reason of the refusal',
    example: { 'association.statutes': 'statuten-v2.pdf' },
  })
  @IsOptionalNotNull()
  @IsDataItems()
  items?: DataItems;
}

export class AppealStepCommand {
  @ApiProperty({ example: 'municipal-recognition', description: 'the refused step whose refusal allows an appeal' })
  @IsString()
  @Matches(STEP_ID, { message: 'stepId must be a step id such as municipal-recognition' })
  stepId!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'why the subject disagrees' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(500)
  @MultilineText()
  reason?: string;
}
