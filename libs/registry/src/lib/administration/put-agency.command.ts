import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGENCY_LEVELS, type AgencyLevel } from '@passage/journey-model';
import { Checked } from '@passage/validation';

export const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_AGENCY_ID = 64;

/**
 * Where an agency's webhook secret lives: `env:PASSAGE_AGENCY_SECRET_<NAME>`, an environment variable of the API and
 * worker processes. The fixed prefix keeps an admin from pointing at any other secret of those processes.
 */
export const AGENCY_SECRET_REF = /^env:(PASSAGE_AGENCY_SECRET_[A-Z0-9_]{1,64})$/;

const MAX_URL = 2048;
const IPDC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{5,29}$/;

/** The problem with a webhook URL's form (environment rules come on top), or undefined. */
export function webhookUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL || !URL.canParse(value))
    return `must be an absolute URL of at most ${MAX_URL} characters`;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry credentials (the secret goes in secretRef)';
  if (url.hash) return 'must not have a fragment';
  return undefined;
}

/** A field only a webhook delivery has (`url`, `secretRef`). */
function WebhookField(problem: (value: unknown) => string | undefined): PropertyDecorator {
  return Checked('webhookField', (value, delivery) =>
    (delivery as AgencyDeliveryCommand).kind === 'webhook' ? problem(value) : 'is only for a webhook delivery',
  );
}

/** A public page of the agency. */
function IsHttpsUrl(): PropertyDecorator {
  return Checked(
    'httpsUrl',
    (value) =>
      webhookUrlProblem(value) ?? (new URL(value as string).protocol === 'https:' ? undefined : 'must be an https URL'),
  );
}

export class AgencyTextsCommand {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  nl!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  en!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  fr!: string;
}

export class AgencyContactCommand {
  @ApiPropertyOptional({ format: 'email', description: 'a functional mailbox of the agency, not a person' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+32 9 123 45 67' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number (digits, spaces, + ( ) . / -)' })
  phone?: string;
}

export class AgencyServiceCommand {
  @ApiProperty({ example: 'kbo-registration' })
  @IsString()
  @MaxLength(MAX_AGENCY_ID)
  @Matches(AGENCY_ID, { message: 'id must be a kebab-case service id' })
  id!: string;

  @ApiProperty({ type: AgencyTextsCommand })
  @IsDefined()
  @ValidateNested()
  @Type(() => AgencyTextsCommand)
  title!: AgencyTextsCommand;

  @ApiPropertyOptional({ description: 'the IPDC product id of the service' })
  @IsOptional()
  @IsString()
  @Matches(IPDC_ID, { message: 'ipdcId must be an IPDC product id' })
  ipdcId?: string;
}

export class AgencyDeliveryCommand {
  @ApiProperty({
    enum: ['worker', 'webhook'],
    description: "the agency's own worker on agency-<id>, or Passage's webhook adapter",
  })
  @IsIn(['worker', 'webhook'])
  kind!: 'worker' | 'webhook';

  @ApiPropertyOptional({ description: 'webhook only: https (http only to 127.0.0.1 outside production)' })
  @ValidateIf((delivery: AgencyDeliveryCommand) => delivery.kind === 'webhook' || delivery.url !== undefined)
  @WebhookField(webhookUrlProblem)
  url?: string;

  @ApiPropertyOptional({
    example: 'env:PASSAGE_AGENCY_SECRET_GEMEENTE',
    description: 'webhook only: where the signing secret is',
  })
  @ValidateIf((delivery: AgencyDeliveryCommand) => delivery.kind === 'webhook' || delivery.secretRef !== undefined)
  @WebhookField((value) =>
    typeof value === 'string' && AGENCY_SECRET_REF.test(value) ? undefined : 'must be env:PASSAGE_AGENCY_SECRET_<NAME>',
  )
  secretRef?: string;
}

/** An admin's full description of an agency (PUT replaces it whole). */
export class PutAgencyCommand {
  @ApiProperty({ type: AgencyTextsCommand })
  @IsDefined()
  @ValidateNested()
  @Type(() => AgencyTextsCommand)
  name!: AgencyTextsCommand;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS)
  level!: AgencyLevel;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptional()
  @IsHttpsUrl()
  website?: string;

  @ApiPropertyOptional({ type: AgencyContactCommand })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencyContactCommand)
  contact?: AgencyContactCommand;

  @ApiProperty({ type: [AgencyServiceCommand] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AgencyServiceCommand)
  services!: AgencyServiceCommand[];

  @ApiProperty({ type: AgencyDeliveryCommand })
  @IsDefined()
  @ValidateNested()
  @Type(() => AgencyDeliveryCommand)
  delivery!: AgencyDeliveryCommand;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60_000,
    nullable: true,
    description: 'service calls per minute; none: no limit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60_000)
  rateLimitPerMinute?: number | null;
}
