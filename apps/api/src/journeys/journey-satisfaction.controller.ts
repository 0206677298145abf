import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JourneysService } from '@passage/journeys';
import type { Caller } from '@passage/auth';
import { AnswerSatisfactionCommand, SatisfactionSurvey } from '@passage/owner-reporting';
import { CurrentCaller } from '../common/caller';
import { JourneyIdPipe } from '../common/params';

/** The satisfaction survey of a completed journey: for the subject and their intermediaries, like following it. */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('api/journeys')
export class JourneySatisfactionController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly survey: SatisfactionSurvey,
  ) {}

  @Post(':id/satisfaction')
  @HttpCode(201)
  @ApiOperation({ summary: 'Answer the one-question survey of a completed journey (once): how satisfied, 1 to 5' })
  async answer(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: AnswerSatisfactionCommand,
  ) {
    const { journey } = await this.journeys.authorisedToFollow(caller, id);
    return this.survey.answer(journey, body.score);
  }
}
