import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { JourneysService } from '@passage/journeys';
import type { Caller } from '@passage/auth';
import { AnswerSatisfactionCommand, SatisfactionSurvey } from '@passage/owner-reporting';
import { CurrentCaller } from '../common/caller';
import { JourneyIdPipe } from '../common/params';

/**
 * The satisfaction survey of a completed journey. Whoever may see the journey learns that only its subject answers
 * (403); for anyone else it does not exist (404).
 */
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
  @ApiOperation({
    summary:
      'The subject answers the one-question survey of a completed journey (once): how satisfied, 1 to 5; an intermediary or a clerk gets 403',
  })
  @ApiResponse({ status: 403, description: 'the caller may see the journey but is not its subject (code forbidden)' })
  async answer(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: AnswerSatisfactionCommand,
  ) {
    const { journey, relation } = await this.journeys.authorised(caller, id);
    return this.survey.answer(journey, relation, body.score);
  }
}
