import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, ValidateIf } from 'class-validator';

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const JWT = /^[A-Za-z0-9_-]{2,4096}\.[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,2048}$/;

/**
 * A clerk proves that the citizen is present: at the counter with the token the identity provider gave the counter
 * application when the citizen signed in there (`idToken`), on the phone with the subject and the code the citizen
 * reads out (`subject` and `code`). Exactly one of the two.
 */
export class ProvePresenceCommand {
  @ApiPropertyOptional({ description: "counter: the identity provider's token for the counter client, minutes old" })
  @ValidateIf((command: ProvePresenceCommand) => command.idToken !== undefined || command.code === undefined)
  @IsString({ message: 'idToken (at the counter) or subject and code (on the phone) are required' })
  @Matches(JWT, { message: 'idToken must be a signed token (JWT)' })
  idToken?: string;

  @ApiPropertyOptional({ description: 'phone: the pseudonymous id of the citizen on the line' })
  @ValidateIf((command: ProvePresenceCommand) => command.code !== undefined || command.subject !== undefined)
  @IsString()
  @Matches(SUBJECT, { message: 'subject must be a pseudonymous subject id' })
  subject?: string;

  @ApiPropertyOptional({ description: 'phone: the nine-digit code the citizen reads out', example: '123456789' })
  @ValidateIf((command: ProvePresenceCommand) => command.subject !== undefined || command.code !== undefined)
  @IsString()
  @Matches(/^[0-9]{9}$/, { message: 'code must be the nine digits the citizen reads out' })
  code?: string;
}
