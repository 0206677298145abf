import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Language } from '@passage/journey-model';
import { JourneyProposals } from '@passage/proactive';
import type { Caller } from '@passage/auth';
import { CurrentCaller } from '../common/caller';
import { LanguagePipe } from '../common/params';

/** Journeys proposed to the subject by an event, waiting for their consent. */
@ApiTags('proactive')
@ApiBearerAuth()
@Controller('api/proposals')
export class ProposalsController {
  constructor(private readonly proposals: JourneyProposals) {}

  @Get()
  @ApiOperation({ summary: 'Your proposed journeys' })
  list(@CurrentCaller() caller: Caller, @Query('lang', LanguagePipe) language?: Language) {
    return this.proposals.list(caller, language);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: the journey starts with the data the source gave' })
  accept(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.proposals.accept(caller, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline: nothing starts and the event's data are erased" })
  decline(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.proposals.decline(caller, id);
  }
}
